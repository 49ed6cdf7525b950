import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { toCsv } from '../csv/csv';
import { OPEN_DATA_LICENCE, OPEN_DATASETS, OpenDataQuery, OpenDataRow, OpenDataset } from './open-dataset';

/** The published datasets as JSON (with licence and date) and as CSV. */
@Injectable()
export class OpenDataService {
  private readonly query: OpenDataQuery;

  constructor(
    @Inject(OPEN_DATASETS) readonly datasets: readonly OpenDataset[],
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.query = (sql, params = []) => this.dataSource.query(sql, params) as Promise<OpenDataRow[]>;
  }

  async json(name: string, publicUrl: string): Promise<Record<string, unknown>> {
    const dataset = this.require(name);
    const data = await dataset.rows(this.query, publicUrl);
    return { dataset: name, description: dataset.description, licence: OPEN_DATA_LICENCE, generatedAt: this.clock.now().toISOString(), count: data.length, data };
  }

  async csv(name: string, publicUrl: string): Promise<string> {
    const rows = await this.require(name).rows(this.query, publicUrl);
    const columns = rows.length ? Object.keys(rows[0]) : [];
    return toCsv(columns, rows.map((r) => columns.map((c) => r[c])));
  }

  generatedAt(): Date {
    return this.clock.now();
  }

  private require(name: string): OpenDataset {
    const dataset = this.datasets.find((d) => d.name === name);
    if (!dataset) throw new HttpException(`No dataset "${name}". See /open-data for the list.`, HttpStatus.NOT_FOUND);
    return dataset;
  }
}
