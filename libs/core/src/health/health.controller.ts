import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { Allow } from '../auth/allow.decorator';
import { HealthService } from './health.service';

/** Liveness (the process answers) and readiness (its database and Redis answer). */
@Controller('health')
@Allow('PUBLIC')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    const [database, redis] = await Promise.all([this.health.database(), this.health.redisState()]);
    const checks = { database, redis };
    if (database !== 'up' || redis !== 'up') throw new ServiceUnavailableException({ status: 'unavailable', checks });
    return { status: 'ok', checks };
  }
}
