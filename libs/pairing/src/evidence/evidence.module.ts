import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitiesModule } from '@app/cities';
import { IdentityModule } from '@app/identity';
import { CityLinksResolver } from './city-links.resolver';
import { CityLinksService } from './city-links.service';
import { PAIRING_EVIDENCE_ENTITIES } from './evidence.entities';
import { EvidenceService } from './evidence.service';
import { PairingEvidenceAuditResolver } from './pairing-evidence-audit.resolver';
import { ReadinessResolver } from './readiness.resolver';
import { ReadinessService } from './readiness.service';
import { SectorActivityResolver } from './sector-activity.resolver';
import { SectorActivityService } from './sector-activity.service';
import { SectorsResolver } from './sectors.resolver';
import { SectorsService } from './sectors.service';
import { WeightProfilesResolver } from './weight-profiles.resolver';
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
    SectorsService,
  ],
  exports: [EvidenceService, ReadinessService, SectorActivityService, CityLinksService, WeightProfilesService, SectorsService],
})
export class PairingEvidenceModule {}
