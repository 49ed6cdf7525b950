import type { CombinedError } from 'urql';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { useMessages } from '../../../i18n';
import { peopleMessages } from './messages';

export interface Pickable {
  id: string;
  name: string;
  detail?: string;
  /** Shown instead of the button when it cannot be picked (e.g. already a member). */
  unavailable?: string;
}

/**
 * Finding one thing by typing part of its name, then picking it from what
 * matches: a labelled search box and a list of buttons named after each match.
 */
export function Picker({
  label,
  search,
  onSearch,
  query,
  results,
  error,
  pickLabel,
  onPick,
}: {
  label: string;
  search: string;
  onSearch: (value: string) => void;
  /** The search the results answer (after the pause), or "" before any. */
  query: string;
  results: Pickable[] | undefined;
  error?: CombinedError;
  pickLabel: (item: Pickable) => string;
  onPick: (item: Pickable) => void;
}) {
  const { t } = useMessages(peopleMessages);
  return (
    <div className="admin-picker">
      <Field label={label} type="search" value={search} onChange={(e) => onSearch(e.target.value)} autoComplete="off" />
      <ErrorNotice error={error} />
      {query && results && results.length === 0 && <p aria-live="polite">{t('pick.noMatch', { query })}</p>}
      {query && results && results.length > 0 && (
        <ul className="list admin-rows" aria-label={t('pick.matches')}>
          {results.map((item) => (
            <li key={item.id} className="admin-row">
              <span className="admin-row__main">
                {item.name} {item.detail && <span className="admin-row__detail">{item.detail}</span>}
              </span>
              {item.unavailable ? (
                <span className="admin-row__detail">{item.unavailable}</span>
              ) : (
                <button type="button" className="button button--secondary" aria-label={pickLabel(item)} onClick={() => onPick(item)}>
                  {t('pick.choose')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
