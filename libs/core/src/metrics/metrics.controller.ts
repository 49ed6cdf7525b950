import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Allow } from '../auth/allow.decorator';
import { AppConfig } from '../config/app-config';
import { Metrics } from './metrics';
import { answerMetrics } from './metrics-access';

/**
 * GET /metrics in Prometheus's text format. Open to the access guard
 * (PUBLIC): who may read it is decided by METRICS_TOKEN (metricsAccess),
 * refused with 401 or 404 in JSON.
 */
@Controller('metrics')
@Allow('PUBLIC')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    await answerMetrics(this.metrics, this.config, req, res);
  }
}
