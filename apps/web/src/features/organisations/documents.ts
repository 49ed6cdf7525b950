import { graphql } from "../../gql";

export const OrganisationFields = graphql(`
  fragment OrganisationFields on Organisation {
    id
    nameEn
    nameKo
    kind
    city {
      id
      nameEn
      nameKo
    }
  }
`);

export const RequestFields = graphql(`
  fragment RequestFields on OrganisationRequest {
    id
    status
    organisationId
    message
    createdAt
    decidedAt
    decisionReason
    proposedNameEn
    proposedNameKo
    proposedKind
    proposedCityId
    organisation {
      ...OrganisationFields
    }
  }
`);

export const MyOrganisationsAndRequests = graphql(`
  query MyOrganisations {
    me {
      id
      organisations {
        ...OrganisationFields
      }
      memberships {
        organisationId
        role
      }
    }
    myOrganisationRequests(first: 50) {
      nodes {
        ...RequestFields
      }
    }
  }
`);

export const FindOrganisations = graphql(`
  query FindOrganisations($search: String!) {
    organisations(first: 10, filter: { search: $search }) {
      totalCount
      nodes {
        ...OrganisationFields
        emailDomainMatches
      }
    }
  }
`);

export const OrganisationById = graphql(`
  query OrganisationById($id: ID!) {
    organisation(id: $id) {
      ...OrganisationFields
    }
  }
`);

export const AskToJoin = graphql(`
  mutation AskToJoinOrganisation($input: RequestOrganisationMembershipInput!) {
    requestOrganisationMembership(input: $input) {
      ...RequestFields
    }
  }
`);

export const ProposeOrganisation = graphql(`
  mutation ProposeOrganisation($input: RequestNewOrganisationInput!) {
    requestNewOrganisation(input: $input) {
      ...RequestFields
    }
  }
`);

export const WithdrawRequest = graphql(`
  mutation WithdrawOrganisationRequest($id: ID!) {
    withdrawOrganisationRequest(id: $id) {
      ...RequestFields
    }
  }
`);

export const RequestsToDecide = graphql(`
  query RequestsToDecide(
    $filter: OrganisationRequestFilter
    $first: Int
    $after: String
  ) {
    organisationRequests(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...RequestFields
        requesterEmail
        user {
          id
          displayName
        }
      }
    }
  }
`);

export const DecideRequest = graphql(`
  mutation DecideOrganisationRequest($input: DecideOrganisationRequestInput!) {
    decideOrganisationRequest(input: $input) {
      ...RequestFields
    }
  }
`);
