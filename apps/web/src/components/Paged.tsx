import { useState, type ReactNode } from 'react';

/** What a list's page says of the next: the API's Relay page info. */
export interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/**
 * The pages of a list shown one after another: the first (cursor null), then
 * each that "Show more" asked for with the last one's endCursor.
 */
export function Paged({ renderPage }: { renderPage: (after: string | null, isLast: boolean, onMore: (cursor: string) => void) => ReactNode }) {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return <>{cursors.map((after, index) => renderPage(after, index === cursors.length - 1, (cursor) => setCursors((all) => (all.includes(cursor) ? all : [...all, cursor]))))}</>;
}

/** "Show more" under the last page of a list, while the API says there is a next page. */
export function MoreButton({ pageInfo, onMore, children }: { pageInfo: PageInfo | null | undefined; onMore: (cursor: string) => void; children: ReactNode }) {
  const cursor = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  if (!cursor) return null;
  return (
    <button type="button" className="button button--secondary" onClick={() => onMore(cursor)}>
      {children}
    </button>
  );
}
