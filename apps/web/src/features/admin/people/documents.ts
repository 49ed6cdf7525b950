import { graphql } from '../../../gql';

export const AdminUserRow = graphql(`
  fragment AdminUserRow on User {
    id
    displayName
    email
    roles
    disabledAt
  }
`);

export const AdminUsers = graphql(`
  query AdminUsers($filter: UserFilterInput, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...AdminUserRow
      }
    }
  }
`);

export const AdminOrganisationRow = graphql(`
  fragment AdminOrganisationRow on Organisation {
    id
    nameEn
    nameKo
    kind
    emailDomain
    city {
      ...CityName
      countryCode
    }
  }
`);

export const AdminUser = graphql(`
  query AdminUser($id: ID!) {
    user(id: $id) {
      ...AdminUserRow
      nameAsWritten
      nameEn
      nameKo
      createdAt
      emailConfirmedAt
      preferredLanguage
      timeZone
      organisations {
        ...AdminOrganisationRow
      }
      sessions {
        id
        createdAt
        lastUsedAt
        userAgent
        ipAddress
      }
    }
  }
`);

export const GrantRole = graphql(`
  mutation AdminGrantRole($input: UserRoleInput!) {
    grantRole(input: $input) {
      id
      roles
    }
  }
`);

export const RevokeRole = graphql(`
  mutation AdminRevokeRole($input: UserRoleInput!) {
    revokeRole(input: $input) {
      id
      roles
    }
  }
`);

export const SetUserDisabled = graphql(`
  mutation AdminSetUserDisabled($input: SetUserDisabledInput!) {
    setUserDisabled(input: $input) {
      id
      disabledAt
      sessions {
        id
      }
    }
  }
`);

export const InviteUser = graphql(`
  mutation AdminInviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      ok
    }
  }
`);

export const AdminOrganisations = graphql(`
  query AdminOrganisations($filter: OrganisationFilter, $first: Int, $after: String) {
    organisations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...AdminOrganisationRow
      }
    }
  }
`);

export const AdminCities = graphql(`
  query AdminCities {
    cities(first: 100) {
      nodes {
        ...CityName
        countryCode
      }
    }
  }
`);

export const CreateOrganisation = graphql(`
  mutation AdminCreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
    }
  }
`);

export const AdminMembershipFields = graphql(`
  fragment AdminMembership on OrganisationMember {
    userId
    organisationId
    role
    user {
      ...AdminUserRow
    }
  }
`);

export const AdminOrganisation = graphql(`
  query AdminOrganisation($id: ID!) {
    organisation(id: $id) {
      ...AdminOrganisationRow
      website
      createdAt
      memberships {
        ...AdminMembership
      }
    }
    organisationRequests(filter: { organisationId: $id, status: PENDING }, first: 20) {
      totalCount
      nodes {
        id
        createdAt
        requesterEmail
        user {
          id
          displayName
        }
      }
    }
  }
`);

export const SetEmailDomain = graphql(`
  mutation AdminSetOrganisationEmailDomain($input: SetOrganisationEmailDomainInput!) {
    setOrganisationEmailDomain(input: $input) {
      id
      emailDomain
    }
  }
`);

export const AddMember = graphql(`
  mutation AdminAddOrganisationMember($input: OrganisationMemberInput!) {
    addOrganisationMember(input: $input) {
      id
      memberships {
        ...AdminMembership
      }
    }
  }
`);

export const RemoveMember = graphql(`
  mutation AdminRemoveOrganisationMember($input: OrganisationMemberInput!) {
    removeOrganisationMember(input: $input) {
      id
      memberships {
        ...AdminMembership
      }
    }
  }
`);

export const SetMemberRole = graphql(`
  mutation AdminSetOrganisationMemberRole($input: OrganisationMemberRoleInput!) {
    setOrganisationMemberRole(input: $input) {
      ...AdminMembership
    }
  }
`);
