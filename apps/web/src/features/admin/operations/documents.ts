import { graphql } from '../../../gql';

export const PlatformHealthQuery = graphql(`
  query AdminPlatformHealth {
    platformHealth {
      checkedAt
      services {
        service
        state
        detail
        workers
      }
    }
  }
`);

export const OutboxMessagesQuery = graphql(`
  query AdminOutboxMessages($status: [OutboxStatus!], $search: String, $first: Int, $after: String) {
    outboxMessages(status: $status, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...NextPage
      }
      nodes {
        id
        status
        recipientEmail
        subject
        language
        attempts
        lastError
        createdAt
        sentAt
      }
    }
  }
`);

export const RetryOutboxMessage = graphql(`
  mutation AdminRetryOutboxMessage($id: ID!) {
    retryOutboxMessage(input: { id: $id }) {
      id
      status
      attempts
      lastError
    }
  }
`);

export const SendTestEmail = graphql(`
  mutation AdminSendTestEmail($to: String) {
    sendTestEmail(input: { to: $to }) {
      queued
      to
    }
  }
`);
