import { OutboxLeaseOwner1796661500000 } from './1796661500000-OutboxLeaseOwner';
import { FundAuditFacts1796660180029 } from './1796660180029-FundAuditFacts';
import { AccountNamesInLanguages1796659892695 } from './1796659892695-AccountNamesInLanguages';
import { CityLinkLanguages1796658640274 } from './1796658640274-CityLinkLanguages';
import { SeededCaseStudiesInKorean1796658353910 } from './1796658353910-SeededCaseStudiesInKorean';
import { ApplicationHistoryFacts1796647627077 } from './1796647627077-ApplicationHistoryFacts';
import { OrganisationManagers1796640432813 } from './1796640432813-OrganisationManagers';
import { ReviewDueDates1796629291142 } from './1796629291142-ReviewDueDates';
import { OrganisationJoinRequests1796628710366 } from './1796628710366-OrganisationJoinRequests';
import { PairingThinEvidence1796624709913 } from './1796624709913-PairingThinEvidence';
import { PlatformLinks1796624457908 } from './1796624457908-PlatformLinks';
import { AccountRequests1796600128560 } from './1796600128560-AccountRequests';
import { CalendarAddresses1796592398399 } from './1796592398399-CalendarAddresses';
import { AppendOnlyHistories1796600000000 } from './1796600000000-AppendOnlyHistories';
import { Events1795642384629 } from './1795642384629-Events';
import { KnowledgeCaseStudies1795642038152 } from './1795642038152-KnowledgeCaseStudies';
import { SeedFundAndGovernance1795639635595 } from './1795639635595-SeedFundAndGovernance';
import { PairingMethod1795636890126 } from './1795636890126-PairingMethod';
import { OneRecomputeRequestFunction1795636000000 } from './1795636000000-OneRecomputeRequestFunction';
import { ProjectsAndActivityFeed1795633023450 } from './1795633023450-ProjectsAndActivityFeed';
import { Twinning1795628722773 } from './1795628722773-Twinning';
import { RecomputePairsOnIndicatorChange1795628147223 } from './1795628147223-RecomputePairsOnIndicatorChange';
import { PairingScore1795627097192 } from './1795627097192-PairingScore';
import { Initial1795624646164 } from './1795624646164-Initial';
/**
 * Every migration, in order. Listed explicitly (no globs) so the same list
 * works from TypeScript sources in tests and from dist/ at run time.
 * Never edit a migration that has landed: add a new one.
 */
export const MIGRATIONS: Function[] = [
  Initial1795624646164,
  PairingScore1795627097192,
  RecomputePairsOnIndicatorChange1795628147223,
  Twinning1795628722773,
  ProjectsAndActivityFeed1795633023450,
  OneRecomputeRequestFunction1795636000000,
  PairingMethod1795636890126,
  SeedFundAndGovernance1795639635595,
  KnowledgeCaseStudies1795642038152,
  Events1795642384629,
  CalendarAddresses1796592398399,
  AppendOnlyHistories1796600000000,
  AccountRequests1796600128560,
  PlatformLinks1796624457908,
  PairingThinEvidence1796624709913,
  OrganisationJoinRequests1796628710366,
  ReviewDueDates1796629291142,
  OrganisationManagers1796640432813,
  ApplicationHistoryFacts1796647627077,
  SeededCaseStudiesInKorean1796658353910,
  CityLinkLanguages1796658640274,
  AccountNamesInLanguages1796659892695,
  FundAuditFacts1796660180029,
  OutboxLeaseOwner1796661500000,
];
