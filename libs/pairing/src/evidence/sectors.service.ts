import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Sector } from './entities/sector.entity';

/** The sector taxonomy, as other contexts check and name the sectors they are tagged with. */
@Injectable()
export class SectorsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The sectors in the order of `keys`, undefined for a key the taxonomy has not: one statement. */
  async getMany(keys: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Array<Sector | undefined>> {
    if (keys.length === 0) return [];
    const found = await em.findBy(Sector, { key: In([...new Set(keys)]) });
    return keys.map((key) => found.find((s) => s.key === key));
  }
}
