import { CombinedError, useQuery } from 'urql';
import { useAuth } from '../../auth/AuthProvider';
import { ExplainedError } from '../../components/ErrorNotice';
import { graphql } from '../../gql';
import { Time } from '../../components/Time';
import { useMessages, type TranslateOf } from '../../i18n';
import { KR_ZONE, UK_ZONE } from '../../i18n/format';
import { boardMessages } from './messages';
import './board.css';

/** Fields the API answers NOT_FOUND to a member who may not read them (a conflict, or not yet): the rest of the page still shows. */
const HIDDEN_FIELDS = new Set(['reviews', 'reviewSummary', 'votes', 'conflicts']);

/** The error without the NOT_FOUND answers for fields hidden from this reader; undefined when nothing else went wrong. */
export function withoutHiddenFields(error: CombinedError | undefined): CombinedError | undefined {
  if (!error || error.networkError) return error;
  const rest = error.graphQLErrors.filter((e) => !(e.extensions?.code === 'NOT_FOUND' && HIDDEN_FIELDS.has(String(e.path?.[e.path.length - 1]))));
  if (rest.length === error.graphQLErrors.length) return error;
  return rest.length ? new CombinedError({ graphQLErrors: rest }) : undefined;
}

// QUORUM_NOT_MET is not among them: the API's sentence says what the quorum still lacks.
const REASONS = ['DECIDED', 'REVIEWS_INCOMPLETE', 'VOTE_MISMATCH', 'INSUFFICIENT_FUNDS', 'ILLEGAL_TRANSITION', 'REVIEW_SUBMITTED', 'CONFLICT_OF_INTEREST', 'ON_AGENDA'] as const;
type Reason = (typeof REASONS)[number];
const isReason = (value: unknown): value is Reason => REASONS.includes(value as Reason);

/** An API error; the board's refusals (a CONFLICT with a known reason) explained in the reader's language. */
export function BoardError({ error, onRetry }: { error?: CombinedError | null; onRetry?: () => void }) {
  const { t } = useMessages(boardMessages);
  return <ExplainedError error={error} onRetry={onRetry} explain={(reason) => (isReason(reason) ? t(`reasons.${reason}`) : null)} />;
}

const BoardFunds = graphql(`
  query BoardFunds {
    funds(first: 100) {
      nodes {
        id
        name {
          en
          ko
        }
        countryCodes
        board {
          quorumMinPerCountry
          members {
            ...BoardMemberFields
          }
        }
      }
    }
  }
`);

export type BoardFund = NonNullable<ReturnType<typeof useBoardFunds>['funds']>[number];

/** The funds whose board the viewer sits on (every fund for an admin), from the public board lists. */
export function useBoardFunds() {
  const { user, hasRole } = useAuth();
  const [result, reexecute] = useQuery({ query: BoardFunds });
  const admin = hasRole('ADMIN');
  const funds = result.data?.funds.nodes.filter((fund) => admin || fund.board.members.some((m) => m.userId === user?.id));
  return { funds, error: result.error, fetching: result.fetching, reexecute, admin };
}

/** Why a member may not review or vote on an application, in words: the cities they are tied to (`cities`, already named), their workspace, what they declared. */
export function conflictReasons(conflict: { automaticCityIds: string[]; workspaceMember: boolean; declaredReason?: string | null }, cities: string, t: TranslateOf<typeof boardMessages>): string {
  return [
    conflict.automaticCityIds.length ? t('application.automatic', { cities }) : null,
    conflict.workspaceMember ? t('application.workspaceMember') : null,
    conflict.declaredReason ? t('application.declared', { reason: conflict.declaredReason }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function countryName(code: string, t: (key: 'countries.GB' | 'countries.KR') => string): string {
  return code === 'GB' || code === 'KR' ? t(`countries.${code}`) : code;
}

/** When a review still to write is due, and whether it is overdue: the review's own date and the API's flag, as every board page says it. */
export function ReviewDue({ review }: { review: { dueAt: string; overdue: boolean } }) {
  const { t } = useMessages(boardMessages);
  return (
    <span className={`board-state board-state--${review.overdue ? 'overdue' : 'due'}`} data-testid="due">
      {review.overdue && <span className="badge badge--overdue">{t('mine.overdue')}</span>} {t('mine.due')} <Time value={review.dueAt} also={[UK_ZONE, KR_ZONE]} />
    </span>
  );
}
