import { graphql } from '../../gql';

/** A board member as the board pages name them: who, and which country's seat. */
export const BoardMemberFields = graphql(`
  fragment BoardMemberFields on BoardMember {
    id
    userId
    displayName
    countryCode
  }
`);

/** Who may not review or vote on an application, and why. */
export const BoardConflictFields = graphql(`
  fragment BoardConflictFields on ApplicationConflict {
    member {
      ...BoardMemberFields
    }
    automaticCityIds
    workspaceMember
    declaredReason
  }
`);

/** Where an application's reviews stand. */
export const BoardReviewSummaryFields = graphql(`
  fragment BoardReviewSummaryFields on ReviewSummary {
    reviewsNeeded
    reviewsSubmitted
    hidden
    weightedScore
    disagreement
    recommendFund
    recommendFundWithConditions
    recommendDoNotFund
  }
`);

/** Whether an agenda item's votes make a quorum, and what is missing. */
export const BoardQuorumFields = graphql(`
  fragment BoardQuorumFields on QuorumStatus {
    met
    votesCast
    votesNeeded
    eligibleMembers
    countriesMissing
    explanation
  }
`);
