import { Field } from './Field';
import { useMessages, type Language } from '../i18n';
import { formMessages } from '../i18n/forms';
import { TEXT_LIMITS } from '@app/rules';

/** The shared form catalog's typed `t`. */
export type { FormT } from '../i18n/forms';
import type { FormT } from '../i18n/forms';

export interface Bilingual {
  en: string;
  ko: string;
}

export const TITLE_MAX = TEXT_LIMITS.title;
export const TEXT_MAX = TEXT_LIMITS.text;

/** The problem with bilingual text, by the API's rule: at least one language, each within `max` characters. */
export function bilingualProblem(value: Bilingual, max: number, t: FormT): string | null {
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
  const { t, language } = useMessages(formMessages);
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
