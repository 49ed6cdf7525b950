import { graphql } from '../../gql';
import type { OfficerApplicationQuery } from '../../gql/graphql';

/** What the application page reads of an application, and gets back from each step. */
export const OfficerApplicationFields = graphql(`
  fragment OfficerApplicationFields on FundApplication {
    id
    version
    status
    projectId
    workspaceId
    callId
    submittedAt
    updatedAt
    outcome
    nextSteps
    title {
      en
      ko
    }
    summary {
      en
      ko
    }
    routeToBusinessAsUsual {
      en
      ko
    }
    budgetLines {
      id
      countryCode
      currency
      category
      description
      amountMinor
      amount {
        en
        ko
      }
    }
    milestones {
      dueDate
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
    eligibility {
      rule
      passed
      message
    }
    transitions {
      id
      at
      toStatus
      summary
      reason
    }
    decisions {
      id
      conditions {
        en
        ko
      }
    }
  }
`);

/** An application in a list: its title, status and call. */
export const ApplicationSummary = graphql(`
  fragment ApplicationSummary on FundApplication {
    id
    projectId
    callId
    status
    updatedAt
    title {
      en
      ko
    }
    call {
      title {
        en
        ko
      }
    }
  }
`);

export const ApplicationQuery = graphql(`
  query OfficerApplication($id: ID!) {
    fundApplication(id: $id) {
      ...OfficerApplicationFields
      call {
        id
        title {
          en
          ko
        }
        guidance {
          en
          ko
        }
        closesAt
        isOpen
        matchRatioPercent
        referenceCurrency
        allowedStages
        exchangeRates {
          currency
          unitsPerReference
        }
        maxAward {
          ...Amount
        }
      }
    }
  }
`);

export const ApplicationContextQuery = graphql(`
  query OfficerApplicationContext($workspaceId: ID!, $projectId: ID!, $applicationId: ID!) {
    workspace(id: $workspaceId) {
      id
      myRole
      twinning {
        cityA {
          ...CityName
          countryCode
          country {
            currency
          }
        }
        cityB {
          ...CityName
          countryCode
          country {
            currency
          }
        }
      }
    }
    project(id: $projectId) {
      id
      stage
      closedAt
      title {
        en
        ko
      }
    }
    fundingDecisions(applicationId: $applicationId, first: 20) {
      nodes {
        id
        outcome
        decidedAt
        supersededByDecisionId
        amounts {
          ...Amount
        }
        rationale {
          en
          ko
        }
      }
    }
  }
`);

export const UpdateApplication = graphql(`
  mutation OfficerUpdateFundApplication($input: UpdateApplicationInput!) {
    updateFundApplication(input: $input) {
      ...OfficerApplicationFields
    }
  }
`);

export const SubmitApplication = graphql(`
  mutation OfficerSubmitFundApplication($input: ApplicationStepInput!) {
    submitFundApplication(input: $input) {
      ...OfficerApplicationFields
    }
  }
`);

export const WithdrawApplication = graphql(`
  mutation OfficerWithdrawFundApplication($input: ApplicationStepInput!) {
    withdrawFundApplication(input: $input) {
      ...OfficerApplicationFields
    }
  }
`);

export const AcceptAward = graphql(`
  mutation OfficerAcceptFundAward($input: ApplicationStepInput!) {
    acceptFundAward(input: $input) {
      ...OfficerApplicationFields
    }
  }
`);

export const DeclineAward = graphql(`
  mutation OfficerDeclineFundAward($input: ApplicationStepInput!) {
    declineFundAward(input: $input) {
      ...OfficerApplicationFields
    }
  }
`);


export type Application = OfficerApplicationQuery['fundApplication'];
export type Call = Application['call'];

export interface Side {
  countryCode: string;
  currency: string;
  city: { id: string; nameEn: string; nameKo: string };
}

/** The twinned cities' sides of a budget: one per country, in its currency. */
export function sidesOf(cities: ReadonlyArray<Side['city'] & { countryCode: string; country: { currency: string } }>): Side[] {
  return cities
    .map((city) => ({ countryCode: city.countryCode, currency: city.country.currency, city }))
    .filter((side, index, all) => all.findIndex((s) => s.countryCode === side.countryCode) === index);
}
