import { graphql } from '../../gql';

export const WorkspaceQuery = graphql(`
  query OfficerWorkspace($id: ID!, $now: DateTime!) {
    workspace(id: $id) {
      id
      myRole
      createdAt
      twinning {
        id
        status
        activeSince
        cityA {
          ...CityName
          countryCode
          country {
            timeZone
          }
        }
        cityB {
          ...CityName
          countryCode
          country {
            timeZone
          }
        }
      }
      timeInCities(at: $now) {
        cityId
        timeZone
      }
      health {
        activeProjects
        lastActivityAt
        membersPerCity {
          cityId
          leads
          members
        }
      }
      myFollow {
        id
        frequency
        nextDigestAt
      }
      members(first: 100) {
        totalCount
        nodes {
          id
          role
          cityId
          joinedAt
          user {
            id
            displayName
          }
          organisation {
            nameEn
            nameKo
          }
        }
      }
      invitations(first: 50, filter: { pending: true }) {
        totalCount
        nodes {
          id
          email
          role
          status
          expiresAt
        }
      }
      joinRequests(first: 50, filter: { status: PENDING }) {
        totalCount
        nodes {
          id
          cityId
          message
          createdAt
          user {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const ProjectsQuery = graphql(`
  query OfficerWorkspaceProjects($id: ID!, $after: String) {
    workspace(id: $id) {
      id
      projects(first: 10, after: $after) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          id
          title {
            en
            ko
          }
          stage
          type
          closedAt
          updatedAt
          leads {
            city {
              id
            }
            user {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

export const ActivityQuery = graphql(`
  query OfficerWorkspaceActivity($id: ID!, $after: String) {
    workspace(id: $id) {
      id
      activity(first: 10, after: $after) {
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          id
          at
          actorName
          verb
          objectType
          objectId
          summary {
            en
            ko
          }
          reason
        }
      }
    }
  }
`);

export const InviteToWorkspace = graphql(`
  mutation OfficerInviteToWorkspace($input: InviteToWorkspaceInput!) {
    inviteToWorkspace(input: $input) {
      id
      email
      role
      status
      expiresAt
    }
  }
`);

export const RevokeInvitation = graphql(`
  mutation OfficerRevokeWorkspaceInvitation($id: ID!) {
    revokeWorkspaceInvitation(id: $id) {
      id
      status
    }
  }
`);

export const DecideJoinRequest = graphql(`
  mutation OfficerDecideJoinRequest($input: DecideJoinRequestInput!) {
    decideJoinRequest(input: $input) {
      id
      status
    }
  }
`);

export const FollowWorkspace = graphql(`
  mutation OfficerFollowWorkspace($workspaceId: ID!, $frequency: DigestFrequency!) {
    followWorkspace(workspaceId: $workspaceId, frequency: $frequency) {
      id
      frequency
      nextDigestAt
    }
  }
`);

export const UnfollowWorkspace = graphql(`
  mutation OfficerUnfollowWorkspace($workspaceId: ID!) {
    unfollowWorkspace(workspaceId: $workspaceId)
  }
`);

export const ChangeMemberRole = graphql(`
  mutation OfficerChangeWorkspaceMemberRole($input: ChangeWorkspaceMemberRoleInput!) {
    changeWorkspaceMemberRole(input: $input) {
      id
      role
    }
  }
`);

export const RemoveMember = graphql(`
  mutation OfficerRemoveWorkspaceMember($input: WorkspaceMemberRefInput!) {
    removeWorkspaceMember(input: $input)
  }
`);

export const LeaveWorkspace = graphql(`
  mutation OfficerLeaveWorkspace($workspaceId: ID!) {
    leaveWorkspace(workspaceId: $workspaceId)
  }
`);

export type City = { id: string; nameEn: string; nameKo: string; countryCode: string; country: { timeZone: string } };
