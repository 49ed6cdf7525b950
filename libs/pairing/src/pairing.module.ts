import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitiesModule } from '@app/cities';
import { PAIRING_EVIDENCE_ENTITIES } from './evidence/evidence.entities';
import { PairingEvidenceModule } from './evidence/evidence.module';
import { PlatformLinksService } from './evidence/platform-links.service';
import { EvidenceService } from './evidence/evidence.service';
import { PairingRecomputeRequest } from './recompute/pairing-recompute-request.entity';
import { PairingRecomputeWorker } from './recompute/pairing-recompute.worker';
import { CityTypologyResolver } from './scores/city-typology.resolver';
import { PairScore } from './scores/pair-score.entity';
import { PairScoresService } from './scores/pair-scores.service';
import { PairingComputeService } from './scores/pairing-compute.service';
import { PairingCountryScale } from './scores/pairing-country-scale.entity';
import { PairingStarScale } from './scores/pairing-star-scale.entity';
import { PairingCityEvidence } from './scores/pairing-city-evidence.entity';
import { PairingMethod } from './scores/pairing-method.entity';
import { PairingQueryService } from './scores/pairing-query.service';
import { CityEvidenceNeedResolver, PairingResolver } from './scores/pairing.resolver';
import { PartnerSuggestionResolver } from './scores/partner-suggestion.resolver';

export const PAIRING_ENTITIES = [...PAIRING_EVIDENCE_ENTITIES, PairScore, PairingCountryScale, PairingStarScale, PairingCityEvidence, PairingRecomputeRequest, PairingMethod];

/** The pairing score in the API: evidence, explanations and rankings. */
@Module({
  imports: [TypeOrmModule.forFeature([PairScore, PairingCountryScale]), CitiesModule, PairingEvidenceModule],
  providers: [
    PairScoresService,
    PairingComputeService,
    PairingQueryService,
    PairingResolver,
    CityEvidenceNeedResolver,
    PartnerSuggestionResolver,
    CityTypologyResolver,
    PlatformLinksService,
  ],
  // Twinning and projects report their changes to PlatformLinksService, in their own transactions.
  exports: [PairingQueryService, PlatformLinksService],
})
export class PairingModule {}

/** The pairing score in the worker: keeps stored scores current. */
@Module({
  imports: [TypeOrmModule.forFeature(PAIRING_ENTITIES)],
  providers: [EvidenceService, PairingComputeService, PairingRecomputeWorker],
})
export class PairingWorkerModule {}
