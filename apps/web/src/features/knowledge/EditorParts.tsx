import { useDeferredValue, useMemo, useRef } from 'react';
import { Field } from '../../components/Field';
import { useMessages, type Language } from '../../i18n';
import { renderPreview } from './markdown';
import { caseStudyMessages } from './messages';
import { StatusBadge, type Status } from './shared';
import { type BilingualDraft, type TextDraft } from './validation';

/** One language's version in the editor: title, summary, Markdown body with its preview, and its status. */
export function LanguageColumn({
  lang,
  text,
  onChange,
  shown,
  touch,
  status,
  reviewNote,
  onSubmitForReview,
  busy,
}: {
  lang: Language;
  text: TextDraft;
  onChange: (patch: Partial<TextDraft>) => void;
  shown: (field: string) => string | null;
  touch: (field: string) => () => void;
  status?: Status;
  reviewNote?: string | null;
  onSubmitForReview?: () => void;
  busy: boolean;
}) {
  const { t } = useMessages(caseStudyMessages);
  const languageName = t(`languages.${lang}`);
  const locked = status === 'IN_REVIEW';
  const body = useDeferredValue(text.body);
  const preview = useMemo(() => (body.trim() ? renderPreview(body) : ''), [body]);
  const f = (name: string) => `${lang}.${name}`;
  return (
    <fieldset className="cs-editor__language">
      <legend>{t('editor.versionLegend', { language: languageName })}</legend>
      {status && (
        <p>
          <StatusBadge status={status} />
        </p>
      )}
      {reviewNote && status === 'DRAFT' && (
        <div className="notice notice--info">
          <p className="notice__title">{t('editor.reviewNote', { language: languageName })}</p>
          <p>{reviewNote}</p>
        </div>
      )}
      {locked && <p className="notice notice--info">{t('editor.locked')}</p>}
      {status === 'PUBLISHED' && <p className="notice notice--info">{t('editor.liveWarning')}</p>}
      <Field
        label={t('editor.titleLabel', { language: languageName })}
        lang={lang}
        value={text.title}
        readOnly={locked}
        onChange={(e) => onChange({ title: e.target.value })}
        onBlur={touch(f('title'))}
        problem={shown(f('title'))}
      />
      <Field
        label={t('editor.summaryLabel', { language: languageName })}
        hint={t('editor.summaryHint')}
        problem={shown(f('summary'))}
        render={(control) => (
          <textarea {...control} className="cs-editor__summary" lang={lang} rows={3} value={text.summary} readOnly={locked} onChange={(e) => onChange({ summary: e.target.value })} onBlur={touch(f('summary'))} />
        )}
      />
      <Field
        label={t('editor.bodyLabel', { language: languageName })}
        hint={t('editor.bodyHint')}
        problem={shown(f('body'))}
        render={(control) => (
          <textarea {...control} lang={lang} rows={14} value={text.body} readOnly={locked} onChange={(e) => onChange({ body: e.target.value })} onBlur={touch(f('body'))} />
        )}
      />
      <details className="cs-editor__preview" open>
        <summary>{t('editor.preview', { language: languageName })}</summary>
        {preview ? (
          // Rendered by marked and sanitised by DOMPurify (./markdown.ts).
          <div className="case-study__body" lang={lang} dangerouslySetInnerHTML={{ __html: preview }} />
        ) : (
          <p className="muted">{t('editor.previewEmpty')}</p>
        )}
      </details>
      <label className="cs-editor__check">
        <input type="checkbox" checked={text.needsTranslationCheck} disabled={locked} onChange={(e) => onChange({ needsTranslationCheck: e.target.checked })} />{' '}
        {t('editor.needsCheck')}
      </label>
      {onSubmitForReview && (
        <div className="cs-editor__submit">
          <button type="button" className="button button--secondary" disabled={busy} onClick={onSubmitForReview} aria-describedby={`cs-submit-hint-${lang}`}>
            {t('editor.submit', { language: languageName })}
          </button>
          <p id={`cs-submit-hint-${lang}`} className="field__hint">
            {t('editor.submitHint')}
          </p>
        </div>
      )}
    </fieldset>
  );
}

/** A group of checkboxes (sectors, SDGs) with one hint and one problem for the group. */
export function CheckboxGroup({
  legend,
  hint,
  problem,
  groups,
  selected,
  onChange,
}: {
  legend: string;
  hint?: string;
  problem?: string | null;
  groups: Array<{ label?: string; options: Array<{ value: string; label: string }> }>;
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset className={`field cs-editor__choices${problem ? ' field--invalid' : ''}`}>
      <legend>{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      {groups.map((group, i) => (
        <div key={group.label ?? i} role={group.label ? 'group' : undefined} aria-label={group.label}>
          {group.label && (
            <p className="cs-editor__group" aria-hidden="true">
              {group.label}
            </p>
          )}
          <ul className="cs-editor__options">
            {group.options.map((option) => (
              <li key={option.value}>
                <label>
                  <input type="checkbox" checked={selected.includes(option.value)} onChange={(e) => toggle(option.value, e.target.checked)} aria-invalid={!!problem} /> {option.label}
                </label>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {problem && (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

/** A list of rows a person adds to and removes from (partners, outcomes), each a group of fields. */
export function RowList({
  legend,
  itemLabel,
  addLabel,
  items,
  onChange,
  problemOf: rowProblem,
  listProblem,
  max,
  multiline,
}: {
  legend: string;
  itemLabel: (n: number) => string;
  addLabel: string;
  items: BilingualDraft[];
  onChange: (items: BilingualDraft[]) => void;
  problemOf: (index: number) => string | null;
  listProblem: string | null;
  max: number;
  multiline?: boolean;
}) {
  const { t } = useMessages(caseStudyMessages);
  const listRef = useRef<HTMLOListElement>(null);
  const set = (index: number, patch: Partial<BilingualDraft>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  function add() {
    onChange([...items, { en: '', ko: '' }]);
    // The new row's first input, so the keyboard can carry on typing.
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('li:last-child input, li:last-child textarea')?.focus());
  }
  return (
    <fieldset className="field cs-editor__rows">
      <legend>{legend}</legend>
      <ol ref={listRef} className="cs-editor__row-list">
        {items.map((item, index) => {
          const label = itemLabel(index + 1);
          const problem = rowProblem(index);
          return (
            <li key={index}>
              <fieldset className={`cs-editor__row${problem ? ' field--invalid' : ''}`}>
                <legend>{label}</legend>
                <div className="cs-editor__pair">
                  {(['en', 'ko'] as const).map((lang) => {
                    const fieldLabel = `${label} · ${t(lang === 'en' ? 'editor.inEnglish' : 'editor.inKorean')}`;
                    return multiline ? (
                      <Field
                        key={lang}
                        label={fieldLabel}
                        render={(control) => <textarea {...control} aria-invalid={!!problem} lang={lang} rows={2} value={item[lang]} onChange={(e) => set(index, { [lang]: e.target.value })} />}
                      />
                    ) : (
                      <Field key={lang} label={fieldLabel} aria-invalid={!!problem} lang={lang} value={item[lang]} onChange={(e) => set(index, { [lang]: e.target.value })} />
                    );
                  })}
                </div>
                {problem && <p className="field__problem">{problem}</p>}
                <button type="button" className="button button--ghost" onClick={() => onChange(items.filter((_, i) => i !== index))}>
                  {t('editor.remove')}
                  <span className="visually-hidden"> {label}</span>
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {listProblem && <p className="field__problem">{listProblem}</p>}
      {items.length < max && (
        <p>
          <button type="button" className="button button--secondary" onClick={add}>
            {addLabel}
          </button>
        </p>
      )}
    </fieldset>
  );
}
