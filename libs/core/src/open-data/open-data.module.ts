import { DynamicModule, Module } from '@nestjs/common';
import { OpenDataController } from './open-data.controller';
import { OpenDataService } from './open-data.service';
import { OPEN_DATASETS, OpenDataset } from './open-dataset';

/** Publishes the datasets it is given (each context's own, listed by the composition root) under /open-data. */
@Module({})
export class OpenDataModule {
  static forRoot(datasets: readonly OpenDataset[]): DynamicModule {
    return {
      module: OpenDataModule,
      controllers: [OpenDataController],
      providers: [{ provide: OPEN_DATASETS, useValue: datasets }, OpenDataService],
      exports: [OpenDataService],
    };
  }
}
