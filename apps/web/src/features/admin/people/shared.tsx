import { useQuery, type CombinedError } from 'urql';
import { problemOf } from '../../../api/errors';
import { ExplainedError } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { useMessages } from '../../../i18n';
import { cityName } from '../../../i18n/cities';
import { organisationMessages } from '../../organisations/messages';
import { KINDS } from '../../organisations/shared';
import { AdminCities } from './documents';
import { peopleMessages } from './messages';
import './people.css';

/** How many rows a page of a console list holds. */
export const PAGE = 20;

export const ROLES = ['ADMIN', 'BOARD_MEMBER', 'EVENT_ORGANISER'] as const;

/** The refusals these pages explain by their reason, so that nobody locks the platform (or an organisation) out. */
const REASONS = ['LAST_ADMIN', 'OWN_ACCOUNT', 'LAST_MANAGER'] as const;

/**
 * A refusal from the API in the page's language: the last admin and one's own
 * account by their reasons, NOT_FOUND in the words `notFound` gives where more
 * can be said than that it is gone, anything else as every page explains errors.
 */
export function Refusal({ error, notFound }: { error: CombinedError | undefined; notFound?: string }) {
  const { t } = useMessages(peopleMessages);
  const problem = problemOf(error);
  if (notFound && problem?.code === 'NOT_FOUND') {
    return (
      <div className="notice notice--error" role="alert" data-error-code={problem.code}>
        <p>{notFound}</p>
      </div>
    );
  }
  return <ExplainedError error={error} explain={(reason) => (REASONS.some((r) => r === reason) ? t(`refusal.${reason as (typeof REASONS)[number]}`) : null)} />;
}

/** The programme's cities, sorted by name in the reader's language, optionally of one country. */
export function useCities(countryCode = '') {
  const { language } = useMessages(peopleMessages);
  const [{ data }] = useQuery({ query: AdminCities });
  return (data?.cities.nodes ?? [])
    .filter((c) => !countryCode || c.countryCode === countryCode)
    .map((c) => ({ id: c.id, name: cityName(c, language) }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}


/** A labelled choice among `options`, with a first empty option (e.g. "Any") when `empty` is given. */
export function Choice<V extends string>({
  label,
  value,
  onChange,
  options,
  empty,
  problem,
}: {
  label: string;
  value: V | '';
  onChange: (value: V | '') => void;
  options: ReadonlyArray<{ value: V; label: string }>;
  empty?: string;
  problem?: string | null;
}) {
  return (
    <Field
      label={label}
      problem={problem}
      render={(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as V | '')}>
          {empty !== undefined && <option value="">{empty}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

type Kind = (typeof KINDS)[number];

/** An organisation's kind in the reader's language, as the organisations' pages name it; and every kind as options. */
export function useKinds(): { kindName: (kind: Kind) => string; kindOptions: Array<{ value: Kind; label: string }> } {
  const { t } = useMessages(organisationMessages);
  const kindName = (kind: Kind) => t(`kind.${kind}`);
  return { kindName, kindOptions: KINDS.map((k) => ({ value: k, label: kindName(k) })) };
}
