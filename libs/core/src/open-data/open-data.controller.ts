import { Controller, Get, HttpException, HttpStatus, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow } from '../auth/allow.decorator';
import { AppConfig } from '../config/app-config';
import { OpenDataService } from './open-data.service';
import { OPEN_DATA_LICENCE } from './open-dataset';

/** GET /open-data (the index), /open-data/{dataset}.json and .csv: public, licensed CC BY 4.0. */
@Controller('open-data')
@Allow('PUBLIC')
export class OpenDataController {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly openData: OpenDataService,
  ) {}

  @Get()
  index(): Record<string, unknown> {
    const base = `${this.config.PUBLIC_URL}/open-data`;
    return {
      licence: OPEN_DATA_LICENCE,
      generatedAt: this.openData.generatedAt().toISOString(),
      datasets: this.openData.datasets.map(({ name, description }) => ({ name, description, json: `${base}/${name}.json`, csv: `${base}/${name}.csv` })),
      feeds: { caseStudies: `${this.config.PUBLIC_URL}/feeds/case-studies.atom` },
    };
  }

  @Get(':file')
  async file(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const match = /^([a-z-]+)\.(json|csv)$/.exec(file);
    if (!match) throw new HttpException('Ask for {dataset}.json or {dataset}.csv; see /open-data for the list.', HttpStatus.NOT_FOUND);
    const [, name, format] = match;
    const generatedAt = this.openData.generatedAt();
    res.set({
      'cache-control': 'public, max-age=300',
      link: `<${OPEN_DATA_LICENCE.url}>; rel="license"`,
      'x-licence': OPEN_DATA_LICENCE.id,
      'x-generated-at': generatedAt.toISOString(),
    });
    if (format === 'json') {
      res.json(await this.openData.json(name, this.config.PUBLIC_URL));
      return;
    }
    const body = await this.openData.csv(name, this.config.PUBLIC_URL);
    res
      .set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}-${generatedAt.toISOString().slice(0, 10)}.csv"` })
      .send(body);
  }
}
