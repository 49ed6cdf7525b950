import { useEffect, useState } from 'react';
import { Field } from '../../components/Field';
import { useMessages, type Language, type Translate } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { officerMessages } from './messages';
import './officer.css';

/** The officer catalog's typed `t`. */
export type OfficerT = Translate<NonNullable<(typeof officerMessages)['shape']>>;

export interface Bilingual {
  en: string;
  ko: string;
}

export const TITLE_MAX = 200;
export const TEXT_MAX = 4000;

export const STAGES = ['DISCOVERY', 'GOAL_SETTING', 'FEASIBILITY', 'DEMONSTRATOR', 'SCALING', 'BUSINESS_AS_USUAL'] as const;
export const PROJECT_TYPES = ['PATHFINDER', 'LIGHTHOUSE', 'PROOF_OF_CONCEPT'] as const;
export const ROLES = ['LEAD', 'MEMBER', 'OBSERVER'] as const;
export const MILESTONE_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'MISSED', 'CANCELLED'] as const;
export const CATEGORIES = ['STAFF', 'TRAVEL', 'EQUIPMENT', 'SERVICES', 'EVENTS', 'OTHER'] as const;

/** A city's name in the reader's language. */
export function cityName(city: { nameEn: string; nameKo: string } | null | undefined, language: Language): string {
  if (!city) return '';
  return language === 'ko' ? city.nameKo : city.nameEn;
}

/** The problem with bilingual text, by the API's rule: at least one language, each within `max` characters. */
export function bilingualProblem(value: Bilingual, max: number, t: OfficerT): string | null {
  if (!value.en.trim() && !value.ko.trim()) return t('validation.oneLanguage');
  if (value.en.trim().length > max || value.ko.trim().length > max) return t('validation.tooLong', { max });
  return null;
}

/** Bilingual text as the API takes it: a blank language is left out. */
export function bilingualInput(value: Bilingual): { en?: string; ko?: string } {
  const out: { en?: string; ko?: string } = {};
  if (value.en.trim()) out.en = value.en.trim();
  if (value.ko.trim()) out.ko = value.ko.trim();
  return out;
}

export function fromLocalized(value: { en?: string | null; ko?: string | null } | null | undefined): Bilingual {
  return { en: value?.en ?? '', ko: value?.ko ?? '' };
}

/**
 * One text in English and Korean: two labelled inputs (or text areas), the
 * reader's language first; one problem for the pair, shown under the second.
 */
export function BilingualField({
  label,
  value,
  onChange,
  onBlur,
  problem,
  multiline,
  hint,
  maxLength,
}: {
  label: string;
  value: Bilingual;
  onChange: (value: Bilingual) => void;
  onBlur?: () => void;
  problem?: string | null;
  multiline?: boolean;
  hint?: string;
  maxLength: number;
}) {
  const { t, language } = useMessages(officerMessages);
  const order: Language[] = language === 'ko' ? ['ko', 'en'] : ['en', 'ko'];
  return (
    <fieldset className="bilingual">
      <legend>{label}</legend>
      <p className="field__hint">{hint ?? t('bilingualHint')}</p>
      {order.map((lang, index) => {
        const fieldLabel = t(lang === 'en' ? 'inEnglish' : 'inKorean', { label });
        const shownProblem = index === order.length - 1 ? problem : null;
        return multiline ? (
          <Field
            key={lang}
            label={fieldLabel}
            problem={shownProblem}
            render={(control) => (
              <textarea
                {...control}
                lang={lang}
                rows={4}
                maxLength={maxLength + 200}
                value={value[lang]}
                onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
                onBlur={onBlur}
              />
            )}
          />
        ) : (
          <Field
            key={lang}
            label={fieldLabel}
            lang={lang}
            problem={shownProblem}
            maxLength={maxLength + 50}
            value={value[lang]}
            onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
            onBlur={onBlur}
          />
        );
      })}
    </fieldset>
  );
}

/** Today's calendar date in the viewer's zone, YYYY-MM-DD. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function CalendarDate({ value }: { value: string }) {
  const { language } = useMessages(officerMessages);
  return <time dateTime={value}>{formatDate(value, language)}</time>;
}

/** The current instant, refreshed every `everyMs` (for clocks and countdowns). */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useMessages(officerMessages);
  return <span className={`badge status status--${status.toLowerCase()}`}>{t(`appStatus.${status}` as 'appStatus.DRAFT')}</span>;
}

/** The extensions of an API error's first problem (e.g. a CONFLICT's reason and applicationId). */
export function extensionsOf(error: { graphQLErrors?: Array<{ extensions?: Record<string, unknown> }> } | null | undefined): Record<string, unknown> {
  return error?.graphQLErrors?.[0]?.extensions ?? {};
}
