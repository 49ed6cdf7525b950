/**
 * What `npm run bench:api` measures: eight requests as the web app's pages
 * send them, each a GraphQL document, its variables and who sends it (a demo
 * person signed in, or nobody). Both servers get exactly these.
 */
export type DemoPerson =
  | 'admin'
  | 'board.uk'
  | 'board.uk2'
  | 'board.kr'
  | 'board.kr2'
  | 'officer.liverpool'
  | 'officer.busan'
  | 'participant'
  | 'organiser';

export const demoEmail = (person: DemoPerson) => `${person}@demo.twins.test`;

export interface Operation {
  name: string;
  /** What it stands for, in the table. */
  label: string;
  query: string;
  /** Variables, given what the setup found (ids of the demo's events and workspace). */
  variables: (found: Found) => Record<string, unknown>;
  as: DemoPerson | null;
  language: 'en' | 'ko';
}

/** Ids the setup reads from the demo data through the platform. */
export interface Found {
  /** The two published events: the Busan seminar first, then the Liverpool showcase. */
  eventIds: [string, string];
  workspaceId: string;
}

export const OPERATIONS: Operation[] = [
  {
    name: 'Cities',
    label: 'cities (28, with country)',
    query: `query Cities { cities(first: 28) { totalCount nodes { id nameEn nameKo countryCode peerGroup country { code nameEn nameKo } } } }`,
    variables: () => ({}),
    as: null,
    language: 'en',
  },
  {
    name: 'PairRanking',
    label: 'pairRanking(first: 50)',
    query: `query PairRanking($countryA: String!, $countryB: String!) {
  pairRanking(countryA: $countryA, countryB: $countryB, first: 50) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes {
      pairKey cityAId cityBId overall adjusted potential judged overallStars minPillarStars sharedSectors computedAt
      similarity { score stars evidence }
      internationalisation { score stars evidence }
      synergy { score stars evidence }
      relationship { score stars evidence }
      coverage { confidence confidenceLabel numericUsed numericKnownA numericKnownB numericWeighted numericMinimum }
    }
  }
}`,
    variables: () => ({ countryA: 'GB', countryB: 'KR' }),
    as: null,
    language: 'en',
  },
  {
    name: 'Events',
    label: 'events with registrations',
    query: `query Events {
  events(first: 10) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes {
      id title { en ko } kind format status startsAt endsAt timeZone startsAtLocal { timeZone }
      capacity spacesLeft registeredCount waitlistCount organiserName venue cancelledAt
      registrations(first: 25) {
        totalCount
        nodes { id queueOrder status waitlistPosition registeredAt promotedAt cancelledAt attendee { displayName email language timeZone } }
      }
    }
  }
}`,
    variables: () => ({}),
    as: 'organiser',
    language: 'en',
  },
  {
    name: 'FundApplications',
    label: 'fundApplications',
    query: `query FundApplications {
  fundApplications(first: 20) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes {
      id status outcome submittedAt updatedAt cityIds nextSteps
      title { en ko }
      call { id title { en ko } }
      requested { currency amountMinor en ko }
      reviews { id submittedAt dueAt overdue reviewer { userId } }
    }
  }
}`,
    variables: () => ({}),
    as: 'board.kr',
    language: 'en',
  },
  {
    name: 'Workspace',
    label: 'a member\'s workspace view',
    query: `query Workspace($id: ID!) {
  workspace(id: $id) {
    id myRole createdAt
    twinning {
      id status activeSince
      cityA { id nameEn nameKo countryCode country { timeZone } }
      cityB { id nameEn nameKo countryCode country { timeZone } }
    }
    health { activeProjects lastActivityAt membersPerCity { cityId leads members } }
    members(first: 100) { totalCount nodes { id role cityId joinedAt user { id displayName } organisation { nameEn nameKo } } }
  }
}`,
    variables: (found) => ({ id: found.workspaceId }),
    as: 'officer.liverpool',
    language: 'en',
  },
  {
    name: 'SearchCaseStudies',
    label: 'searchCaseStudies (Korean query)',
    query: `query SearchCaseStudies($query: String!) {
  searchCaseStudies(query: $query, first: 10) {
    totalCount endCursor
    hits { language title snippet rank caseStudy { id slug cityIds sectors sdgs versions { language title summary status } } }
  }
}`,
    // "City": seven of the demo's published versions have it, in their Korean text.
    variables: () => ({ query: '도시' }),
    as: null,
    language: 'ko',
  },
  {
    name: 'PartnersFor',
    label: 'partnersFor with its explanation',
    // The explorer: a city's best partners, and why the first of them scores as it does (pairScore's explanation).
    query: `query PartnersFor($city: ID!, $partner: ID!) {
  partnersFor(city: $city, first: 10) {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes {
      partnerId
      partner { id nameEn nameKo countryCode country { code nameEn nameKo } }
      score {
        pairKey computedAt sharedSectors overall adjusted potential judged overallStars
        coverage { confidence confidenceLabel numericUsed numericKnownA numericKnownB numericWeighted numericMinimum }
        similarity { score stars } internationalisation { score stars } synergy { score stars } relationship { score stars }
      }
    }
  }
  pairScore(cityA: $city, cityB: $partner) {
    profile
    explanation {
      indicators { key label rawA rawB relativeA relativeB difference contribution weight used missing numeric leaderA { cityId } leaderB { cityId } }
      readinessA { composite strategy visibleHome networks collaboration }
      readinessB { composite strategy visibleHome networks collaboration }
      sharedSectors { sector label levelA levelB projectsA { title } projectsB { title } }
      sectorsOnlyA sectorsOnlyB
      links { id formality kind summary { en ko } since partners live }
      wouldRaise { id pillar description delta adjusted }
      wouldLower { id pillar description delta adjusted }
    }
  }
}`,
    variables: () => ({ city: 'busan', partner: 'liverpool' }),
    as: null,
    language: 'en',
  },
  {
    name: 'RegisterForEvent',
    label: 'registerForEvent, then cancelEventRegistration (10 people and events, one per connection)',
    query: `mutation RegisterForEvent($eventId: ID!) {
  registerForEvent(input: { eventId: $eventId }) { id status waitlistPosition }
  cancelEventRegistration(input: { eventId: $eventId }) { id status }
}`,
    // Each connection sends as its own person, for its own event (scripts/bench-api.ts, mutationSenders).
    variables: (found) => ({ eventId: found.eventIds[0] }),
    as: 'admin',
    language: 'en',
  },
];
