import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useDraft } from '../../hooks/useDraft';
import { useMessages } from '../../i18n';
import { BilingualField, bilingualInput, bilingualProblem, fromLocalized, TEXT_MAX, TITLE_MAX, type Bilingual } from '../../components/BilingualField';
import { cityName } from '../../i18n/cities';
import { formMessages } from '../../i18n/forms';
import { projectMessages } from '../projects/messages';
import { CATEGORIES } from './ApplicationStatus';
import { fundingMessages } from './messages';
import { atCallRate, formatMinor, minorDigits, minorToInput, parseAmount } from '../../i18n/money';
import { type Application, type Side, SubmitApplication, UpdateApplication } from './documents';
import { checksFor, rateText } from './checks';
import { amountProblem } from '../../i18n/money';

type Category = (typeof CATEGORIES)[number];

interface LineDraft {
  key: string;
  countryCode: string;
  category: Category;
  description: string;
  amount: string;
}

interface MilestoneDraft {
  key: string;
  title: Bilingual;
  dueDate: string;
}

interface ApplicationDraft {
  /** The version the draft started from: saving sends it, so someone else's later save is never overwritten. */
  baseVersion: number;
  /** Changed here since the last save or load. */
  dirty: boolean;
  title: Bilingual;
  summary: Bilingual;
  route: Bilingual;
  lines: LineDraft[];
  milestones: MilestoneDraft[];
}

const newKey = () => Math.random().toString(36).slice(2, 10);

/** The draft as the server holds the application. */
export function fromServer(application: Pick<Application, 'version' | 'title' | 'summary' | 'routeToBusinessAsUsual' | 'budgetLines' | 'milestones'>): ApplicationDraft {
  return {
    baseVersion: application.version,
    dirty: false,
    title: fromLocalized(application.title),
    summary: fromLocalized(application.summary),
    route: fromLocalized(application.routeToBusinessAsUsual),
    lines: application.budgetLines.map((line) => ({
      key: line.id,
      countryCode: line.countryCode,
      category: line.category,
      description: line.description,
      amount: minorToInput(line.amountMinor, line.currency),
    })),
    milestones: application.milestones.map((m, i) => ({ key: `m${i}`, title: fromLocalized(m.title), dueDate: m.dueDate })),
  };
}

const CONFLICT_KEYS: Record<string, 'application.conflict.STALE_VERSION' | 'application.conflict.LOCKED' | 'application.conflict.CALL_CLOSED' | 'application.conflict.CALL_NOT_OPEN'> = {
  STALE_VERSION: 'application.conflict.STALE_VERSION',
  LOCKED: 'application.conflict.LOCKED',
  CALL_CLOSED: 'application.conflict.CALL_CLOSED',
  CALL_NOT_OPEN: 'application.conflict.CALL_NOT_OPEN',
};

/** The lead's form for a draft: its text, the budget of each side, milestones, the call's checks as it is typed, save and submit. */
export function ApplicationForm({
  application,
  sides,
  project,
  onSaved,
  onSubmitted,
}: {
  application: Application;
  sides: Side[];
  project: { stage: string };
  onSaved: () => void;
  onSubmitted: () => void;
}) {
  const { t, language } = useMessages(fundingMessages);
  const { t: tForm } = useMessages(formMessages);
  const { t: tProject } = useMessages(projectMessages);
  const [draft, update] = useDraft<ApplicationDraft>(`officer.application.${application.id}`, fromServer(application));
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [attempted, setAttempted] = useState(false);
  const [saved, save] = useMutation(UpdateApplication);
  const [submittedResult, submit] = useMutation(SubmitApplication);
  const [lastError, setLastError] = useState<CombinedError | null>(null);
  const [notice, setNotice] = useState('');

  // A kept draft with no changes follows the server; one with changes stays until saved or discarded.
  useEffect(() => {
    if (!draft.dirty && draft.baseVersion !== application.version) update(fromServer(application));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [application.version, draft.dirty, draft.baseVersion]);

  const edit = (patch: Partial<ApplicationDraft>) => {
    setNotice('');
    update({ ...patch, dirty: true });
  };
  const touch = (key: string) => setTouched((all) => ({ ...all, [key]: true }));
  const show = (key: string) => attempted || !!touched[key];
  const server = fieldProblems(problemOf(lastError));

  const currencyOf = (countryCode: string) => sides.find((s) => s.countryCode === countryCode)?.currency ?? '';
  const problems: Record<string, string | null> = {
    title: bilingualProblem(draft.title, TITLE_MAX, tForm),
    summary: bilingualProblem(draft.summary, TEXT_MAX, tForm),
    route: draft.route.en.trim().length > TEXT_MAX || draft.route.ko.trim().length > TEXT_MAX ? tForm('validation.tooLong', { max: TEXT_MAX }) : null,
  };
  draft.lines.forEach((line) => {
    problems[`${line.key}.description`] = line.description.trim() && line.description.trim().length <= 500 ? null : tForm('validation.description');
    problems[`${line.key}.amount`] = amountProblem(line.amount, currencyOf(line.countryCode), tForm);
  });
  draft.milestones.forEach((m) => {
    problems[`${m.key}.title`] = bilingualProblem(m.title, TITLE_MAX, tForm);
    problems[`${m.key}.dueDate`] = /^\d{4}-\d{2}-\d{2}$/.test(m.dueDate) ? null : tForm('validation.date');
  });
  const formInvalid = Object.values(problems).some(Boolean);
  const shown = (key: string, serverKey?: string) => (show(key) ? problems[key] : null) ?? (serverKey ? server[serverKey] : null) ?? null;

  const parsedLines = draft.lines.flatMap((line) => {
    const parsed = parseAmount(line.amount, currencyOf(line.countryCode));
    return parsed.ok ? [{ countryCode: line.countryCode, currency: currencyOf(line.countryCode), minor: BigInt(parsed.minor) }] : [];
  });
  const checks = checksFor(parsedLines, draft.lines.length, application, sides, project.stage, t, tProject, language);
  const failed = checks.filter((c) => !c.passed);
  const conflictReason = problemOf(lastError)?.code === 'CONFLICT' ? problemOf(lastError)?.reason : undefined;

  function input() {
    return {
      id: application.id,
      version: draft.baseVersion,
      title: bilingualInput(draft.title),
      summary: bilingualInput(draft.summary),
      routeToBusinessAsUsual: bilingualInput(draft.route),
      budgetLines: draft.lines.map((line) => {
        const parsed = parseAmount(line.amount, currencyOf(line.countryCode));
        return { countryCode: line.countryCode, category: line.category, description: line.description.trim(), amountMinor: parsed.ok ? parsed.minor : '0' };
      }),
      milestones: draft.milestones.map((m) => ({ title: bilingualInput(m.title), dueDate: m.dueDate })),
    };
  }

  /** Saves the form when it changed; the saved application, or null when it could not be saved. */
  async function saveDraft(): Promise<{ version: number } | null> {
    setAttempted(true);
    setLastError(null);
    if (formInvalid) return null;
    if (!draft.dirty) return { version: draft.baseVersion };
    const result = await save({ input: input() });
    if (result.error || !result.data) {
      setLastError(result.error ?? null);
      return null;
    }
    // What is kept now is what the server holds.
    update(fromServer(result.data.updateFundApplication));
    setAttempted(false);
    setTouched({});
    onSaved();
    return result.data.updateFundApplication;
  }

  async function onSave(event: FormEvent) {
    event.preventDefault();
    const result = await saveDraft();
    if (result) setNotice(t('application.form.saved'));
  }

  async function onSubmit() {
    setNotice('');
    const result = await saveDraft();
    if (!result) return;
    if (failed.length) {
      setAttempted(true);
      document.getElementById('checks-heading')?.focus();
      return;
    }
    const submitted = await submit({ input: { id: application.id } });
    if (submitted.error || !submitted.data) {
      setLastError(submitted.error ?? null);
      onSaved();
      return;
    }
    update(fromServer(submitted.data.submitFundApplication));
    onSubmitted();
    onSaved();
  }

  const busy = saved.fetching || submittedResult.fetching;

  return (
    <form className="form officer-form application-form" onSubmit={onSave} noValidate aria-labelledby="form-heading">
      <h2 id="form-heading">{t('application.form.title')}</h2>
      {draft.dirty && <p className="notice notice--info">{t('application.form.unsaved')}</p>}
      <BilingualField label={t('application.form.appTitle')} value={draft.title} onChange={(title) => edit({ title })} onBlur={() => touch('title')} problem={shown('title', 'title')} maxLength={TITLE_MAX} />
      <BilingualField label={t('application.form.summary')} value={draft.summary} onChange={(summary) => edit({ summary })} onBlur={() => touch('summary')} problem={shown('summary', 'summary')} maxLength={TEXT_MAX} multiline />
      <BilingualField
        label={t('application.form.route')}
        hint={t('application.form.routeHint')}
        value={draft.route}
        onChange={(route) => edit({ route })}
        onBlur={() => touch('route')}
        problem={shown('route', 'routeToBusinessAsUsual')}
        maxLength={TEXT_MAX}
        multiline
      />

      <section aria-labelledby="budget-heading">
        <h3 id="budget-heading">{t('application.form.budget')}</h3>
        <p className="field__hint">{t('application.form.budgetIntro', { rate: rateText(application.call, sides, language) })}</p>
        {sides.map((side) => {
          const sideClass = side.countryCode === 'KR' ? 'kr' : 'uk';
          const lines = draft.lines.filter((line) => line.countryCode === side.countryCode);
          const total = parsedLines.filter((l) => l.countryCode === side.countryCode).reduce((sum, l) => sum + l.minor, 0n);
          const city = cityName(side.city, language);
          return (
            <fieldset key={side.countryCode} className={`budget-side side--${sideClass}`}>
              <legend>{t('application.form.side', { city, currency: side.currency })}</legend>
              {lines.map((line, n) => {
                const index = draft.lines.indexOf(line);
                const setLine = (patch: Partial<LineDraft>) => edit({ lines: draft.lines.map((l) => (l.key === line.key ? { ...l, ...patch } : l)) });
                const digits = minorDigits(side.currency);
                return (
                  <div key={line.key} className="budget-line" role="group" aria-label={`${city} · ${t('application.form.line', { n: n + 1 })}`}>
                    <p className="line-title">{t('application.form.line', { n: n + 1 })}</p>
                    <Field
                      label={t('application.form.category')}
                      render={(control) => (
                        <select {...control} value={line.category} onChange={(e) => setLine({ category: e.target.value as Category })}>
                          {CATEGORIES.map((c) => (
                            <option key={c} value={c}>
                              {t(`category.${c}`)}
                            </option>
                          ))}
                        </select>
                      )}
                    />
                    <Field
                      label={t('application.form.description')}
                      value={line.description}
                      maxLength={600}
                      onChange={(e) => setLine({ description: e.target.value })}
                      onBlur={() => touch(`${line.key}.description`)}
                      problem={shown(`${line.key}.description`, `budgetLines.${index}.description`)}
                    />
                    <Field
                      label={t('application.form.amount', { currency: side.currency })}
                      hint={t('application.form.amountHint', { example: minorToInput(digits ? '2500000' : '25000000', side.currency) })}
                      inputMode={digits ? 'decimal' : 'numeric'}
                      autoComplete="off"
                      value={line.amount}
                      onChange={(e) => setLine({ amount: e.target.value })}
                      onBlur={() => {
                        touch(`${line.key}.amount`);
                        // Tidy what was typed into the currency's own form, e.g. 25000.5 → 25,000.50.
                        const parsed = parseAmount(line.amount, side.currency);
                        if (parsed.ok && minorToInput(parsed.minor, side.currency) !== line.amount) setLine({ amount: minorToInput(parsed.minor, side.currency) });
                      }}
                      problem={shown(`${line.key}.amount`, `budgetLines.${index}.amountMinor`)}
                    />
                    <button type="button" className="button button--ghost button--small" onClick={() => edit({ lines: draft.lines.filter((l) => l.key !== line.key) })}>
                      {t('application.form.removeLine')}
                      <span className="visually-hidden">
                        {' '}
                        ({city}, {t('application.form.line', { n: n + 1 })})
                      </span>
                    </button>
                  </div>
                );
              })}
              <p className="budget-total" data-testid="budget-total">
                {t('application.form.total', {
                  city,
                  // The other side's total in the reference currency too: the call compares the two at its rate.
                  amount:
                    (side.currency !== application.call.referenceCurrency && total > 0n ? atCallRate({ currency: side.currency, amountMinor: total }, application.call.referenceCurrency, application.call, language) : null) ??
                    formatMinor(total, side.currency, language),
                })}
              </p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => edit({ lines: [...draft.lines, { key: newKey(), countryCode: side.countryCode, category: 'STAFF', description: '', amount: '' }] })}
              >
                {t('application.form.addLine', { city })}
              </button>
            </fieldset>
          );
        })}
      </section>

      <section aria-labelledby="app-milestones-heading">
        <h3 id="app-milestones-heading">{t('application.form.milestones')}</h3>
        <p className="field__hint">{t('application.form.milestonesHint')}</p>
        {draft.milestones.map((m, n) => {
          const setMilestone = (patch: Partial<MilestoneDraft>) => edit({ milestones: draft.milestones.map((x) => (x.key === m.key ? { ...x, ...patch } : x)) });
          const label = t('application.form.milestone', { n: n + 1 });
          return (
            <div key={m.key} className="panel" role="group" aria-label={label}>
              <BilingualField label={label} value={m.title} onChange={(title) => setMilestone({ title })} onBlur={() => touch(`${m.key}.title`)} problem={shown(`${m.key}.title`)} maxLength={TITLE_MAX} />
              <Field label={`${label} · ${t('application.form.dueDate')}`} type="date" value={m.dueDate} onChange={(e) => setMilestone({ dueDate: e.target.value })} onBlur={() => touch(`${m.key}.dueDate`)} problem={shown(`${m.key}.dueDate`)} />
              <button type="button" className="button button--ghost button--small" onClick={() => edit({ milestones: draft.milestones.filter((x) => x.key !== m.key) })}>
                {t('application.form.removeMilestone')}
                <span className="visually-hidden"> ({label})</span>
              </button>
            </div>
          );
        })}
        <button type="button" className="button button--secondary" onClick={() => edit({ milestones: [...draft.milestones, { key: newKey(), title: { en: '', ko: '' }, dueDate: '' }] })}>
          {t('application.form.addMilestone')}
        </button>
      </section>

      <section aria-labelledby="checks-heading" className="panel checks-panel">
        <h3 id="checks-heading" tabIndex={-1}>
          {t('application.checks.title')}
        </h3>
        <p role="status" className={failed.length ? 'field__problem' : 'form__status'}>
          {failed.length ? t('application.checks.someFailed', { count: failed.length }) : t('application.checks.allPassed')}
        </p>
        <ul className="checks" data-testid="checks">
          {checks.map((check) => (
            <li key={check.rule} data-rule={check.rule} data-passed={check.passed}>
              <span className={`mark ${check.passed ? 'mark--ok' : 'mark--no'}`}>
                {check.passed ? '✓' : '✗'} {check.passed ? t('application.checks.passed') : t('application.checks.failed')}
              </span>
              <span>{check.text}</span>
            </li>
          ))}
        </ul>
      </section>

      {lastError && (
        <div>
          <ErrorNotice error={lastError} />
          {conflictReason && conflictReason in CONFLICT_KEYS && <p className="notice notice--error">{t(CONFLICT_KEYS[conflictReason])}</p>}
          {conflictReason === 'STALE_VERSION' && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setLastError(null);
                update({ dirty: false, baseVersion: -1 });
                onSaved();
              }}
            >
              {t('application.form.reloadLatest')}
            </button>
          )}
        </div>
      )}
      {attempted && formInvalid && (
        <p className="field__problem" role="alert">
          {tForm('validation.fixFirst')}
        </p>
      )}
      <p className="field__hint">{t('application.form.confirmSubmit')}</p>
      <div className="actions sticky-actions">
        <button type="submit" className="button button--secondary" disabled={busy}>
          {saved.fetching ? tForm('saving') : t('application.form.save')}
        </button>
        <button type="button" className="button button--primary" disabled={busy || !application.call.isOpen} onClick={() => void onSubmit()}>
          {submittedResult.fetching ? t('application.form.submitting') : t('application.form.submit')}
        </button>
        {draft.dirty && (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setLastError(null);
              setAttempted(false);
              setTouched({});
              update({ dirty: false, baseVersion: -1 });
              onSaved();
            }}
          >
            {t('application.form.discard')}
          </button>
        )}
      </div>
      <p role="status" className="form__status">
        {notice}
      </p>
    </form>
  );
}
