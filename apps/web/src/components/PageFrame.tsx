import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CombinedError } from 'urql';
import { problemOf } from '../api/errors';
import { ErrorNotice, Loading } from './ErrorNotice';

interface BackLink {
  to: string;
  label: string;
}

/** What a page says when the thing it shows does not exist (or the reader may not see it: the API answers alike). */
export function NotFoundNotice({ title, message, back, notice, narrow }: { title: string; message: string; back?: BackLink; notice?: boolean; narrow?: boolean }) {
  return (
    <div className={narrow ? 'page page--narrow' : 'page'}>
      <h1>{title}</h1>
      <p className={notice ? 'notice notice--info' : undefined}>{message}</p>
      {back && (
        <p>
          <Link to={back.to}>{back.label}</Link>
        </p>
      )}
    </div>
  );
}

/**
 * The frame of a page that shows one thing from the API: a link back, the
 * not-found page when the API answers NOT_FOUND, the error with a retry, the
 * loading line until the first answer, then the page itself (`children`,
 * handed the data once it is there).
 */
export function PageFrame<T>({
  data,
  error,
  fetching,
  onRetry,
  back,
  heading,
  notFound,
  errorNotice,
  children,
}: {
  data: T | null | undefined;
  error?: CombinedError;
  fetching: boolean;
  onRetry: () => void;
  back?: BackLink;
  /** Shown above the error and the loading line, e.g. a page heading that does not need the data. */
  heading?: ReactNode;
  notFound?: Parameters<typeof NotFoundNotice>[0];
  /** In place of the usual error notice (e.g. one that explains a feature's own refusals). */
  errorNotice?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (notFound && problemOf(error)?.code === 'NOT_FOUND') return <NotFoundNotice {...notFound} />;
  return (
    <div className="page">
      {back && (
        <p>
          <Link to={back.to}>{back.label}</Link>
        </p>
      )}
      {heading}
      {errorNotice ?? <ErrorNotice error={error} onRetry={onRetry} />}
      {fetching && !data && <Loading />}
      {data && children(data)}
    </div>
  );
}
