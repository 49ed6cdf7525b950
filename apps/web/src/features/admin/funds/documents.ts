import { graphql } from '../../../gql';

/** The console's seed-fund pages: funds, their money, calls, board, meetings and audit log. */

export const AdminFunds = graphql(`
  query AdminFunds($first: Int!, $after: String) {
    funds(first: $first, after: $after) {
      nodes {
        id
        name {
          en
          ko
        }
        countryCodes
        currencies
        createdAt
        balances {
          currency
          available {
            ...Amount
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AdminCreateFund = graphql(`
  mutation AdminCreateFund($input: CreateFundInput!) {
    createFund(input: $input) {
      id
    }
  }
`);

/** A fund's heading and what the fund's pages all need of it. */
export const AdminFund = graphql(`
  query AdminFund($id: ID!) {
    fund(id: $id) {
      id
      name {
        en
        ko
      }
      description {
        en
        ko
      }
      countryCodes
      currencies
      createdAt
    }
  }
`);

export const AdminFundMoney = graphql(`
  query AdminFundMoney($id: ID!) {
    fund(id: $id) {
      id
      balances {
        currency
        contributed {
          ...Amount
        }
        returned {
          ...Amount
        }
        committed {
          ...Amount
        }
        released {
          ...Amount
        }
        available {
          ...Amount
        }
      }
      reconciliation {
        currency
        available {
          ...Amount
        }
        fromLedger {
          ...Amount
        }
        reconciles
      }
    }
  }
`);

export const AdminFundLedger = graphql(`
  query AdminFundLedger($id: ID!, $first: Int!, $after: String) {
    fund(id: $id) {
      id
      ledger(first: $first, after: $after) {
        nodes {
          id
          at
          kind
          reason
          countryCode
          applicationId
          note
          amount {
            ...Amount
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const AdminUpdateFund = graphql(`
  mutation AdminUpdateFund($input: UpdateFundInput!) {
    updateFund(input: $input) {
      id
      name {
        en
        ko
      }
      description {
        en
        ko
      }
    }
  }
`);

export const AdminRecordContribution = graphql(`
  mutation AdminRecordContribution($input: ContributionInput!) {
    recordContribution(input: $input) {
      id
    }
  }
`);

export const AdminReturnContribution = graphql(`
  mutation AdminReturnContribution($input: ContributionInput!) {
    returnContribution(input: $input) {
      id
    }
  }
`);

/** A call as the console edits it and applicants read it. */
export const AdminCallFields = graphql(`
  fragment AdminCallFields on FundCall {
    id
    fundId
    title {
      en
      ko
    }
    guidance {
      en
      ko
    }
    opensAt
    closesAt
    isOpen
    allowedStages
    matchRatioPercent
    referenceCurrency
    exchangeRates {
      currency
      unitsPerReference
    }
    reviewersPerApplication
    scoreScaleMax
    criteria {
      key
      weight
      title {
        en
        ko
      }
    }
    maxAward {
      ...Amount
    }
  }
`);

export const AdminFundCalls = graphql(`
  query AdminFundCalls($fundId: ID!, $open: Boolean, $after: String) {
    # Pages of 20 (a literal, so the cost rule prices the page the console asks for).
    fundCalls(fundId: $fundId, open: $open, first: 20, after: $after) {
      nodes {
        ...AdminCallFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AdminFundCall = graphql(`
  query AdminFundCall($id: ID!) {
    fundCall(id: $id) {
      ...AdminCallFields
    }
  }
`);

export const AdminCreateCall = graphql(`
  mutation AdminCreateCall($input: CreateCallInput!) {
    createFundCall(input: $input) {
      ...AdminCallFields
    }
  }
`);

export const AdminUpdateCall = graphql(`
  mutation AdminUpdateCall($input: UpdateCallInput!) {
    updateFundCall(input: $input) {
      ...AdminCallFields
    }
  }
`);

export const AdminFundBoard = graphql(`
  query AdminFundBoard($id: ID!) {
    fund(id: $id) {
      id
      countryCodes
      board {
        fundId
        quorumMinPerCountry
        members(includeFormer: true) {
          id
          userId
          displayName
          countryCode
          appointedAt
          endedAt
          affiliationNote
          affiliations {
            id
            nameEn
            nameKo
          }
        }
      }
    }
  }
`);

export const AdminUserSearch = graphql(`
  query AdminUserSearch($search: String!) {
    users(filter: { search: $search }, first: 10) {
      nodes {
        id
        displayName
        email
        organisations {
          id
          nameEn
          nameKo
        }
      }
    }
  }
`);

export const AdminAppointMember = graphql(`
  mutation AdminAppointMember($input: AppointBoardMemberInput!) {
    appointBoardMember(input: $input) {
      id
    }
  }
`);

export const AdminEndMembership = graphql(`
  mutation AdminEndMembership($input: EndBoardMembershipInput!) {
    endBoardMembership(input: $input) {
      id
      endedAt
    }
  }
`);

export const AdminUpdateBoardRules = graphql(`
  mutation AdminUpdateBoardRules($input: UpdateBoardRulesInput!) {
    updateBoardRules(input: $input) {
      fundId
      quorumMinPerCountry
    }
  }
`);

export const AdminCreateMeeting = graphql(`
  mutation AdminCreateMeeting($input: CreateBoardMeetingInput!) {
    createBoardMeeting(input: $input) {
      id
    }
  }
`);

export const AdminFundAudit = graphql(`
  query AdminFundAudit($id: ID!, $filter: AuditFilter, $first: Int!, $after: String) {
    fund(id: $id) {
      id
      auditLog(filter: $filter, first: $first, after: $after) {
        nodes {
          id
          at
          action
          subjectType
          subjectId
          summary
          summaryLang
          reason
          actorName
          subjectLabel
          subjectApplicationId
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
