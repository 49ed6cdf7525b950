import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Sector } from './entities/sector.entity';
import { sectorsByKey } from './sector-reads';

/** The sector taxonomy, as other contexts check and name the sectors they are tagged with. */
@Injectable()
export class SectorsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The sectors in the order of `keys`, undefined for a key the taxonomy has not: one statement. */
  getMany(keys: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Array<Sector | undefined>> {
    return sectorsByKey(em, keys);
  }
}
