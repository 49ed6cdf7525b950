import { Query, Resolver } from '@nestjs/graphql';
import { Allow } from '@app/core';
import { Sector } from './entities/sector.entity';
import { SectorActivityService } from './sector-activity.service';

@Resolver(() => Sector)
export class SectorsResolver {
  constructor(private readonly activity: SectorActivityService) {}

  @Query(() => [Sector], { description: "The sectors of the shared taxonomy, the founding report's 14 first." })
  @Allow('PUBLIC')
  sectors(): Promise<Sector[]> {
    return this.activity.sectors();
  }
}
