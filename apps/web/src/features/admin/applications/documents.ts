import { graphql } from '../../../gql';
import type { AdminApplicationQuery, AdminApplicationsQuery } from '../../../gql/graphql';

/** The pipeline, a page of 20 at a time: applications across calls, newest activity first, with what each waits for. */
export const AdminApplications = graphql(`
  query AdminApplications($filter: ApplicationFilter, $after: String) {
    fundApplications(filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        projectId
        status
        outcome
        updatedAt
        cityIds
        title {
          en
          ko
        }
        call {
          id
          reviewersPerApplication
          title {
            en
            ko
          }
        }
        requested {
          ...Amount
        }
        award {
          ...Amount
        }
        reviewAssignments {
          id
          submittedAt
        }
      }
    }
  }
`);

/** The funds and their latest calls, for the pipeline's filters (a programme has a fund or two, each with a call a year or so). */
export const PipelineFundsAndCalls = graphql(`
  query PipelineFundsAndCalls {
    funds(first: 10) {
      nodes {
        id
        name {
          en
          ko
        }
        calls(first: 20) {
          nodes {
            id
            title {
              en
              ko
            }
          }
        }
      }
    }
  }
`);

/** One application as the secretariat reads it: the applicants' content, its history, its board and reviews, its decisions and award. */
export const AdminApplication = graphql(`
  query AdminApplication($id: ID!) {
    fundApplication(id: $id) {
      ...OfficerApplicationFields
      cityIds
      fundId
      award {
        ...Amount
      }
      call {
        id
        reviewersPerApplication
        closesAt
        title {
          en
          ko
        }
      }
      fund {
        id
        name {
          en
          ko
        }
        board {
          members {
            ...BoardMemberFields
            openReviews
          }
        }
      }
      conflicts {
        ...BoardConflictFields
      }
      reviewAssignments {
        id
        memberId
        assignedAt
        dueAt
        submittedAt
        overdue
        recommendation
      }
      reviewSummary {
        ...BoardReviewSummaryFields
      }
      decisions {
        id
        outcome
        recordedAt
        supersededByDecisionId
        amounts {
          ...Amount
        }
      }
    }
  }
`);

/** The two applying cities with their countries' currencies: the sides of the budget. */
export const AdminApplicationSides = graphql(`
  query AdminApplicationSides($a: ID!, $b: ID!) {
    a: city(id: $a) {
      ...CityName
      countryCode
      country {
        currency
      }
    }
    b: city(id: $b) {
      ...CityName
      countryCode
      country {
        currency
      }
    }
  }
`);

export const ConfirmEligibility = graphql(`
  mutation AdminConfirmEligibility($input: ApplicationStepInput!) {
    confirmFundApplicationEligibility(input: $input) {
      id
      status
    }
  }
`);

export const ReturnApplication = graphql(`
  mutation AdminReturnApplication($input: ApplicationStepInput!) {
    returnFundApplication(input: $input) {
      id
      status
    }
  }
`);

export const AssignReviewers = graphql(`
  mutation AdminAssignReviewers($input: AssignReviewersInput!) {
    assignReviewers(input: $input) {
      id
    }
  }
`);

export const UnassignReviewer = graphql(`
  mutation AdminUnassignReviewer($input: UnassignReviewerInput!) {
    unassignReviewer(input: $input)
  }
`);

export const SetReviewDueDate = graphql(`
  mutation AdminSetReviewDueDate($input: SetReviewDueDateInput!) {
    setReviewDueDate(input: $input) {
      id
      dueAt
    }
  }
`);

export const StartDelivery = graphql(`
  mutation AdminStartDelivery($input: ApplicationStepInput!) {
    startFundAwardDelivery(input: $input) {
      id
      status
    }
  }
`);

export const CloseAward = graphql(`
  mutation AdminCloseAward($input: CloseAwardInput!) {
    closeFundAward(input: $input) {
      id
      status
    }
  }
`);

export type PipelineRow = AdminApplicationsQuery['fundApplications']['nodes'][number];
export type AdminApplicationData = AdminApplicationQuery['fundApplication'];
