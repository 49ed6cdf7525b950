import { graphql } from '../../gql';

export const ProjectQuery = graphql(`
  query OfficerProject($id: ID!) {
    project(id: $id) {
      id
      version
      workspaceId
      title {
        en
        ko
      }
      summary {
        en
        ko
      }
      stage
      type
      sectors
      startDate
      endDate
      closedAt
      closeReason
      publishedAt
      leads {
        city {
          ...CityName
          countryCode
        }
        user {
          id
          displayName
        }
      }
      budgets {
        countryCode
        currency
        amountMinor
      }
      milestones {
        id
        version
        title {
          en
          ko
        }
        dueDate
        status
        completedAt
      }
      stageHistory {
        id
        fromStage
        toStage
        reason
        at
        actor {
          displayName
        }
      }
    }
  }
`);

export const ProjectContextQuery = graphql(`
  query OfficerProjectContext($workspaceId: ID!) {
    workspace(id: $workspaceId) {
      ...WorkspaceCities
    }
    fundApplications(first: 100, filter: { workspaceId: $workspaceId }) {
      nodes {
        ...ApplicationSummary
      }
    }
  }
`);

export const ChangeStage = graphql(`
  mutation OfficerChangeProjectStage($input: ChangeProjectStageInput!) {
    changeProjectStage(input: $input) {
      id
      version
      stage
    }
  }
`);

export const AddMilestone = graphql(`
  mutation OfficerAddMilestone($input: AddMilestoneInput!) {
    addMilestone(input: $input) {
      id
      version
      status
    }
  }
`);

export const UpdateMilestone = graphql(`
  mutation OfficerUpdateMilestone($input: UpdateMilestoneInput!) {
    updateMilestone(input: $input) {
      id
      version
      status
      dueDate
      completedAt
      title {
        en
        ko
      }
    }
  }
`);

export const UpdateProject = graphql(`
  mutation OfficerUpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) {
      id
      version
    }
  }
`);

export const CloseProject = graphql(`
  mutation OfficerCloseProject($input: ProjectReasonInput!) {
    closeProject(input: $input) {
      id
      version
      closedAt
    }
  }
`);

export const ReopenProject = graphql(`
  mutation OfficerReopenProject($input: ProjectReasonInput!) {
    reopenProject(input: $input) {
      id
      version
      closedAt
    }
  }
`);

export const PublishProject = graphql(`
  mutation OfficerPublishProject($input: PublishProjectInput!) {
    publishProjectSummary(input: $input) {
      id
      publishedAt
    }
  }
`);

export const RemoveMilestone = graphql(`
  mutation OfficerRemoveMilestone($input: RemoveMilestoneInput!) {
    removeMilestone(input: $input)
  }
`);
