import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Allow } from '../auth/allow.decorator';
import { REDIS } from '../queue/redis.module';

/** Liveness (the process answers) and readiness (its database and Redis answer). */
@Controller('health')
@Allow('PUBLIC')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    const [database, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1').then(() => 'up')),
      withTimeout(this.redis.ping().then(() => 'up')),
    ]);
    const checks = { database, redis };
    if (database !== 'up' || redis !== 'up') throw new ServiceUnavailableException({ status: 'unavailable', checks });
    return { status: 'ok', checks };
  }
}

async function withTimeout(check: Promise<string>, ms = 2000): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([check, timeout]);
  } catch (error) {
    return `down: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}
