import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitiesModule } from '@app/cities';
import { IdentityModule } from '@app/identity';
import { CityLinksService } from './city-links.service';
import { PAIRING_EVIDENCE_ENTITIES } from './evidence.entities';
import {
  CityLinksResolver,
  PairingEvidenceAuditResolver,
  ReadinessResolver,
  SectorActivityResolver,
  SectorsResolver,
  WeightProfilesResolver,
} from './evidence.resolvers';
import { EvidenceService } from './evidence.service';
import { ReadinessService } from './readiness.service';
import { SectorActivityService } from './sector-activity.service';
import { WeightProfilesService } from './weight-profiles.service';

/**
 * The evidence the pairing score rests on: readiness assessments, sector
 * activity, links between cities, and weight profiles. Needs the global
 * ConfigModule (Clock) and TypeORM's root module.
 */
@Module({
  imports: [TypeOrmModule.forFeature(PAIRING_EVIDENCE_ENTITIES), CitiesModule, IdentityModule],
  providers: [
    EvidenceService,
    ReadinessService,
    SectorActivityService,
    CityLinksService,
    WeightProfilesService,
    SectorsResolver,
    ReadinessResolver,
    SectorActivityResolver,
    CityLinksResolver,
    WeightProfilesResolver,
    PairingEvidenceAuditResolver,
  ],
  exports: [EvidenceService, ReadinessService, SectorActivityService, CityLinksService, WeightProfilesService],
})
export class PairingEvidenceModule {}
