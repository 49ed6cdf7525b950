import { Field, Int, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { Role } from '../auth/roles';
import { Clock } from '../clock/clock';
import { CheckResult, HealthService } from './health.service';

export enum PlatformService {
  DATABASE = 'DATABASE',
  REDIS = 'REDIS',
  WORKER = 'WORKER',
}
registerEnumType(PlatformService, { name: 'PlatformService', description: 'A service the platform runs on.' });

export enum ServiceState {
  UP = 'UP',
  DOWN = 'DOWN',
  TIMEOUT = 'TIMEOUT',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(ServiceState, {
  name: 'ServiceState',
  description: 'UP: it answers; DOWN: it fails (or, for the worker, none runs); TIMEOUT: no answer within 2 s; UNKNOWN: it cannot be told.',
});

@ObjectType({ description: 'One service as the API sees it now.' })
@Allow(Role.ADMIN)
export class ServiceHealth {
  @Field(() => PlatformService) service: PlatformService;
  @Field(() => ServiceState) state: ServiceState;
  @Field(() => String, { nullable: true, description: 'Why it is not UP, in the words of the service (English).' }) detail: string | null;
  @Field(() => Int, { nullable: true, description: 'WORKER only: the worker connections listening on the email queue.' }) workers: number | null;
}

@ObjectType({ description: 'The health of the database, Redis and the worker, checked when asked.' })
@Allow(Role.ADMIN)
export class PlatformHealth {
  @Field() checkedAt: Date;
  @Field(() => [ServiceHealth]) services: ServiceHealth[];
}

function fromCheck(service: PlatformService, check: CheckResult): ServiceHealth {
  if (check === 'up') return { service, state: ServiceState.UP, detail: null, workers: null };
  if (check === 'timeout') return { service, state: ServiceState.TIMEOUT, detail: null, workers: null };
  return { service, state: ServiceState.DOWN, detail: check.replace(/^down: /, ''), workers: null };
}

@Resolver()
export class HealthResolver {
  constructor(
    private readonly health: HealthService,
    private readonly clock: Clock,
  ) {}

  @Query(() => PlatformHealth, { description: 'Whether the database, Redis and the worker answer now (admins).' })
  @Allow(Role.ADMIN)
  async platformHealth(): Promise<PlatformHealth> {
    const [database, redis] = await Promise.all([this.health.database(), this.health.redisState()]);
    const worker = await this.health.worker(redis);
    return {
      checkedAt: this.clock.now(),
      services: [
        fromCheck(PlatformService.DATABASE, database),
        fromCheck(PlatformService.REDIS, redis),
        { service: PlatformService.WORKER, state: ServiceState[worker.state.toUpperCase() as keyof typeof ServiceState], detail: worker.detail, workers: worker.workers },
      ],
    };
  }
}
