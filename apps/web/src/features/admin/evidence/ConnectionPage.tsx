import type { ReactNode } from 'react';
import type { AnyVariables, UseQueryResponse } from 'urql';
import { ErrorNotice, Loading } from '../../../components/ErrorNotice';
import { MoreButton, type PageInfo } from '../../../components/Paged';

interface Connection<N> {
  totalCount: number;
  pageInfo: PageInfo;
  nodes: N[];
}

/**
 * One page of a list the console reads page by page (inside Paged): its
 * error with a retry, the count above the first page, the items, and "Show
 * more" under the last.
 */
/** Where a page stands among the list's pages, as Paged hands it. */
export interface PagePlace {
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
}

export function ConnectionPage<D, V extends AnyVariables, N>({
  query: [{ data, error, fetching }, reexecute],
  pick,
  place: { after, isLast, onMore },
  count,
  none,
  more,
  className,
  children,
}: {
  query: UseQueryResponse<D, V>;
  pick: (data: D) => Connection<N>;
  place: PagePlace;
  count: (total: number) => string;
  none: string;
  more: string;
  className: string;
  children: (node: N) => ReactNode;
}) {
  const connection = data ? pick(data) : undefined;
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !connection && <Loading />}
      {connection && after === null && <p aria-live="polite">{connection.totalCount === 0 ? none : count(connection.totalCount)}</p>}
      {connection && connection.nodes.length > 0 && <ul className={`list ${className}`}>{connection.nodes.map(children)}</ul>}
      {connection && isLast && (
        <MoreButton pageInfo={connection.pageInfo} onMore={onMore}>
          {more}
        </MoreButton>
      )}
    </>
  );
}
