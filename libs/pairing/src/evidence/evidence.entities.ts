import { CityLink } from './entities/city-link.entity';
import { PairingEvidenceAudit } from './entities/pairing-evidence-audit.entity';
import { ReadinessAssessment } from './entities/readiness-assessment.entity';
import { SectorActivity } from './entities/sector-activity.entity';
import { Sector } from './entities/sector.entity';
import { WeightProfile } from './entities/weight-profile.entity';

/** Every entity of pairing evidence, for the DataSource and TypeOrmModule.forFeature. */
export const PAIRING_EVIDENCE_ENTITIES = [Sector, SectorActivity, ReadinessAssessment, CityLink, WeightProfile, PairingEvidenceAudit];
