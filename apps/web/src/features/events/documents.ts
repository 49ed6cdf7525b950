import { graphql } from '../../gql';

/** What a list shows of each event. */
export const EventsCardFields = graphql(`
  fragment EventsCardFields on ProgrammeEvent {
    id
    title {
      en
      ko
    }
    kind
    format
    status
    startsAt
    endsAt
    timeZone
    startsAtLocal {
      timeZone
    }
    capacity
    spacesLeft
    registeredCount
    waitlistCount
    organiserName
    venue
    cancelledAt
  }
`);

export const EventsList = graphql(`
  query EventsList($filter: EventFilter, $after: String, $first: Int) {
    events(filter: $filter, after: $after, first: $first) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...EventsCardFields
      }
    }
  }
`);

export const EventsDetail = graphql(`
  query EventsDetail($id: ID!) {
    event(id: $id) {
      ...EventsCardFields
      description {
        en
        ko
      }
      endsAtLocal {
        timeZone
      }
      joinUrl
      calendarUrl
      url
      sectors
      workspaceId
      organiserUserId
      registrationOpen
      registrationOpensAt
      registrationClosesAt
      publishedAt
      cancelReason
      version
      myRegistration {
        id
        status
        waitlistPosition
        registeredAt
        promotedAt
        queueOrder
      }
    }
  }
`);

/** What the reader follows: a sector, a workspace or everything. */
export const EventsFollowFields = graphql(`
  fragment EventsFollowFields on EventFollowing {
    scope
    sector
    workspaceId
    since
    viaWorkspaceDigest
  }
`);

export const EventsMyFollows = graphql(`
  query EventsMyFollows {
    myEventFollows {
      ...EventsFollowFields
    }
  }
`);

export const EventsFollow = graphql(`
  mutation EventsFollow($input: EventFollowInput!) {
    followEvents(input: $input) {
      ...EventsFollowFields
    }
  }
`);

export const EventsUnfollow = graphql(`
  mutation EventsUnfollow($input: EventFollowInput!) {
    unfollowEvents(input: $input)
  }
`);

export const EventsRegister = graphql(`
  mutation EventsRegister($input: EventRegistrationInput!) {
    registerForEvent(input: $input) {
      id
      status
      waitlistPosition
    }
  }
`);

export const EventsCancelRegistration = graphql(`
  mutation EventsCancelRegistration($input: EventRegistrationInput!) {
    cancelEventRegistration(input: $input) {
      id
      status
    }
  }
`);

export const EventsPublish = graphql(`
  mutation EventsPublish($input: EventStepInput!) {
    publishEvent(input: $input) {
      id
      status
      version
      publishedAt
    }
  }
`);

export const EventsCancelEvent = graphql(`
  mutation EventsCancelEvent($input: CancelEventInput!) {
    cancelEvent(input: $input) {
      id
      status
      version
      cancelReason
    }
  }
`);
