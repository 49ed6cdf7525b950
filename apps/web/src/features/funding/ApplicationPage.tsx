import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { LocalText } from '../../components/LocalText';
import { CalendarDate, Time } from '../../components/Time';
import { graphql } from '../../gql';
import type { OfficerApplicationQuery } from '../../gql/graphql';
import { useDraft } from '../../hooks/useDraft';
import { useMessages, type Language, type TranslateOf } from '../../i18n';
import { KR_ZONE, pickText, UK_ZONE } from '../../i18n/format';
import { BilingualField, bilingualInput, bilingualProblem, fromLocalized, TEXT_MAX, TITLE_MAX, type Bilingual, type FormT } from '../../components/BilingualField';
import { PageProblem } from '../../components/PageProblem';
import { useNow } from '../../hooks/useNow';
import { cityName } from '../../i18n/cities';
import { formMessages } from '../../i18n/forms';
import { projectMessages } from '../projects/messages';
import { ApplicationStatus, CATEGORIES } from './ApplicationStatus';
import { fundingMessages } from './messages';
import { formatMinor, matchPercent, minorDigits, minorToInput, moneyText, parseAmount } from '../../i18n/money';
import '../../components/panels.css';

/** What the application page reads of an application, and gets back from each step. */
export const OfficerApplicationFields = graphql(`
  fragment OfficerApplicationFields on FundApplication {
    id
    version
    status
    projectId
    workspaceId
    callId
    submittedAt
    updatedAt
    outcome
    nextSteps
    title {
      en
      ko
    }
    summary {
      en
      ko
    }
    routeToBusinessAsUsual {
      en
      ko
    }
    budgetLines {
      id
      countryCode
      currency
      category
      description
      amountMinor
      amount {
        en
        ko
      }
    }
    milestones {
      dueDate
      title {
        en
        ko
      }
    }
    requested {
      currency
      en
      ko
    }
    award {
      currency
      en
      ko
    }
    eligibility {
      rule
      passed
      message
    }
    transitions {
      id
      at
      fromStatus
      toStatus
      reason
    }
    decisions {
      id
      conditions {
        en
        ko
      }
    }
  }
`);

const ApplicationQuery = graphql(`
  query OfficerApplication($id: ID!) {
    fundApplication(id: $id) {
      ...OfficerApplicationFields
      call {
        id
        title {
          en
          ko
        }
        guidance {
          en
          ko
        }
        closesAt
        isOpen
        matchRatioPercent
        referenceCurrency
        allowedStages
        exchangeRates {
          currency
          unitsPerReference
        }
        maxAward {
          currency
          amountMinor
          en
          ko
        }
      }
    }
  }
`);

const ApplicationContextQuery = graphql(`
  query OfficerApplicationContext($workspaceId: ID!, $projectId: ID!, $applicationId: ID!) {
    workspace(id: $workspaceId) {
      id
      myRole
      twinning {
        cityA {
          id
          nameEn
          nameKo
          countryCode
          country {
            currency
          }
        }
        cityB {
          id
          nameEn
          nameKo
          countryCode
          country {
            currency
          }
        }
      }
    }
    project(id: $projectId) {
      id
      stage
      closedAt
      title {
        en
        ko
      }
    }
    fundingDecisions(applicationId: $applicationId, first: 20) {
      nodes {
        id
        outcome
        decidedAt
        supersededByDecisionId
        amounts {
          currency
          en
          ko
        }
        rationale {
          en
          ko
        }
      }
    }
  }
`);

const UpdateApplication = graphql(`
  mutation OfficerUpdateFundApplication($input: UpdateApplicationInput!) {
    updateFundApplication(input: $input) {
      ...OfficerApplicationFields
    }
  }
`);

const SubmitApplication = graphql(`
  mutation OfficerSubmitFundApplication($input: ApplicationStepInput!) {
    submitFundApplication(input: $input) {
      ...OfficerApplicationFields
    }
  }
`);

const WithdrawApplication = graphql(`
  mutation OfficerWithdrawFundApplication($input: ApplicationStepInput!) {
    withdrawFundApplication(input: $input) {
      ...OfficerApplicationFields
    }
  }
`);

const AcceptAward = graphql(`
  mutation OfficerAcceptFundAward($input: ApplicationStepInput!) {
    acceptFundAward(input: $input) {
      ...OfficerApplicationFields
    }
  }
`);

const DeclineAward = graphql(`
  mutation OfficerDeclineFundAward($input: ApplicationStepInput!) {
    declineFundAward(input: $input) {
      ...OfficerApplicationFields
    }
  }
`);

type FundingT = TranslateOf<typeof fundingMessages>;
type Application = OfficerApplicationQuery['fundApplication'];
type Call = Application['call'];
type Category = (typeof CATEGORIES)[number];

interface Side {
  countryCode: string;
  currency: string;
  city: { id: string; nameEn: string; nameKo: string };
}

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

function fromServer(application: Pick<Application, 'version' | 'title' | 'summary' | 'routeToBusinessAsUsual' | 'budgetLines' | 'milestones'>): ApplicationDraft {
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

export default function ApplicationPage() {
  const { id = '' } = useParams();
  const { t, language } = useMessages(fundingMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ApplicationQuery, variables: { id } });
  const application = data?.fundApplication;
  const [{ data: context, error: contextError }, reexecuteContext] = useQuery({
    query: ApplicationContextQuery,
    variables: { workspaceId: application?.workspaceId ?? '', projectId: application?.projectId ?? '', applicationId: id },
    pause: !application,
  });
  const [status, setStatus] = useState('');
  usePageTitle(application ? pickText(application.title, language).text : t('application.title'));

  if (error && !application) return <PageProblem error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!application) return fetching ? <Loading /> : null;

  const reload = () => {
    reexecute({ requestPolicy: 'network-only' });
    reexecuteContext({ requestPolicy: 'network-only' });
  };
  const twinning = context?.workspace.twinning;
  const sides: Side[] = twinning
    ? [twinning.cityA, twinning.cityB]
        .map((city) => ({ countryCode: city.countryCode, currency: city.country.currency, city }))
        .filter((side, index, all) => all.findIndex((s) => s.countryCode === side.countryCode) === index)
    : [];
  const isLead = context?.workspace.myRole === 'LEAD';
  const editable = application.status === 'DRAFT' && isLead;

  return (
    <div className="page">
      <p>
        {context && (
          <>
            <Link to={`/projects/${application.projectId}`}>
              {t('application.project')}: <LocalText value={context.project.title} />
            </Link>{' '}
            · <Link to={`/workspaces/${application.workspaceId}`}>{t('application.workspace')}</Link>
          </>
        )}
      </p>
      <h1>
        <LocalText value={application.title} /> <ApplicationStatus status={application.status} />
      </h1>
      <ErrorNotice error={error ?? contextError} onRetry={reload} />
      <Deadline call={application.call} />
      <details className="panel">
        <summary>{t('application.guidance')}</summary>
        <LocalText value={application.call.title} as="h2" />
        <LocalText value={application.call.guidance} as="p" />
      </details>
      <p role="status" className="notice notice--success" hidden={!status}>
        {status}
      </p>

      {!context ? (
        <Loading />
      ) : editable ? (
        <ApplicationForm key={application.id} application={application} sides={sides} project={context.project} onSaved={reload} onSubmitted={() => setStatus(t('application.form.submitted'))} />
      ) : (
        <>
          <p className="notice notice--info">{application.status === 'DRAFT' ? t('application.notLead') : t('application.readOnly')}</p>
          <ReadOnly application={application} sides={sides} />
        </>
      )}

      {context && (
        <Decision
          application={application}
          decisions={context.fundingDecisions.nodes}
          canAct={isLead}
          onDone={(message) => {
            setStatus(message);
            reload();
          }}
        />
      )}
      {isLead && application.nextSteps.includes('withdraw') && (
        <ReasonAction
          heading={t('application.withdraw.title')}
          label={t('application.withdraw.reason')}
          button={t('application.withdraw.submit')}
          danger
          mutation={WithdrawApplication}
          applicationId={application.id}
          onDone={() => {
            setStatus(t('application.withdraw.done'));
            reload();
          }}
        />
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('application.history')}</h2>
        <ol className="stage-history">
          {application.transitions.map((step) => (
            <li key={step.id}>
              <ApplicationStatus status={step.toStatus} /> <Time value={step.at} also={[UK_ZONE, KR_ZONE]} />
              {step.reason && <p>{step.reason}</p>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** The call's close in the viewer's zone and both countries', with the time left. */
function Deadline({ call }: { call: Call }) {
  const { t } = useMessages(fundingMessages);
  const now = useNow(30_000);
  const left = Date.parse(call.closesAt) - now;
  let countdown: string;
  if (left <= 0) countdown = t('application.countdown.closed');
  else {
    const minutes = Math.floor(left / 60_000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const parts =
      days > 0
        ? [t('application.countdown.days', { count: days }), t('application.countdown.hours', { count: hours })]
        : [t('application.countdown.hours', { count: hours }), t('application.countdown.minutes', { count: minutes % 60 })];
    countdown = t('application.countdown.left', { time: parts.join(' ') });
  }
  return (
    <section className="panel" aria-labelledby="deadline-heading">
      <h2 id="deadline-heading">{t('application.deadline')}</h2>
      <p data-testid="deadline">
        <Time value={call.closesAt} also={[UK_ZONE, KR_ZONE]} />
      </p>
      <p className="countdown">{countdown}</p>
    </section>
  );
}

interface Check {
  rule: string;
  passed: boolean;
  text: string;
}

/** The call's rules applied to the form as it is now: the budget rules computed here exactly as the API does; the others as the API last said. */
function checksFor(draftLines: Array<{ countryCode: string; currency: string; minor: bigint }>, lineCount: number, application: Application, sides: Side[], projectStage: string, t: FundingT, tProject: TranslateOf<typeof projectMessages>, language: Language): Check[] {
  const call = application.call;
  const server = (rule: string) => application.eligibility.find((c) => c.rule === rule);
  const checks: Check[] = [];
  const active = server('ACTIVE_TWINNING');
  if (active) checks.push({ rule: 'ACTIVE_TWINNING', passed: active.passed, text: t('application.checks.ACTIVE_TWINNING') });
  const stageOk = call.allowedStages.includes(projectStage as never);
  checks.push({
    rule: 'PROJECT_STAGE',
    passed: stageOk,
    text: stageOk
      ? t('application.checks.PROJECT_STAGE_ok', { stage: tProject(`stage.${projectStage}` as 'stage.DISCOVERY') })
      : t('application.checks.PROJECT_STAGE', { stages: call.allowedStages.map((s) => tProject(`stage.${s}`)).join(', '), stage: tProject(`stage.${projectStage}` as 'stage.DISCOVERY') }),
  });
  const open = server('PROJECT_OPEN');
  if (open) checks.push({ rule: 'PROJECT_OPEN', passed: open.passed, text: t('application.checks.PROJECT_OPEN') });
  checks.push({ rule: 'BUDGET', passed: lineCount > 0, text: lineCount > 0 ? t('application.checks.BUDGET_ok', { count: lineCount }) : t('application.checks.BUDGET') });
  const totals = new Map<string, bigint>();
  for (const line of draftLines) totals.set(line.currency, (totals.get(line.currency) ?? 0n) + line.minor);
  const over = [...totals].filter(([currency, total]) => total > BigInt(call.maxAward.find((m) => m.currency === currency)?.amountMinor ?? '0'));
  checks.push({
    rule: 'MAX_AWARD',
    passed: over.length === 0,
    text: over.length
      ? over
          .map(([currency, total]) =>
            t('application.checks.MAX_AWARD', {
              currency,
              requested: formatMinor(total, currency, language),
              max: formatMinor(call.maxAward.find((m) => m.currency === currency)?.amountMinor ?? '0', currency, language),
            }),
          )
          .join(' ')
      : t('application.checks.MAX_AWARD_ok'),
  });
  const ratio = matchPercent(
    sides.map((side) => ({ currency: side.currency, amountMinor: totals.get(side.currency) ?? 0n })),
    call.referenceCurrency,
    call.exchangeRates,
  );
  const meets = ratio.meets(call.matchRatioPercent);
  const percent = new Intl.NumberFormat(language === 'ko' ? 'ko-KR' : 'en-GB', { maximumFractionDigits: 2 }).format(ratio.percent);
  checks.push({
    rule: 'MATCH_RATIO',
    passed: meets,
    text: t(meets ? 'application.checks.MATCH_RATIO_ok' : 'application.checks.MATCH_RATIO', { required: call.matchRatioPercent, percent }),
  });
  return checks;
}

function rateText(call: Call, sides: Side[], language: Language): string {
  const ref = call.referenceCurrency;
  const one = formatMinor((10n ** BigInt(minorDigits(ref))).toString(), ref, language);
  return sides
    .filter((side) => side.currency !== ref)
    .map((side) => {
      const rate = call.exchangeRates.find((r) => r.currency === side.currency)?.unitsPerReference ?? 0;
      return `${one} = ${formatMinor(BigInt(Math.round(rate * 10 ** minorDigits(side.currency))), side.currency, language)}`;
    })
    .join(', ');
}

function amountProblem(text: string, currency: string, tForm: FormT): string | null {
  const parsed = parseAmount(text, currency);
  if (parsed.ok) return null;
  const digits = minorDigits(currency);
  const example = minorToInput(digits ? '2500050' : '25000000', currency);
  if (parsed.reason === 'decimals') return digits ? tForm('validation.amount.decimals', { digits, example }) : tForm('validation.amount.decimalsNone', { example });
  return tForm(`validation.amount.${parsed.reason}`, { example });
}

function ApplicationForm({
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
              <p className="budget-total">{t('application.form.total', { city, amount: formatMinor(total, side.currency, language) })}</p>
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

const CONFLICT_KEYS: Record<string, 'application.conflict.STALE_VERSION' | 'application.conflict.LOCKED' | 'application.conflict.CALL_CLOSED' | 'application.conflict.CALL_NOT_OPEN'> = {
  STALE_VERSION: 'application.conflict.STALE_VERSION',
  LOCKED: 'application.conflict.LOCKED',
  CALL_CLOSED: 'application.conflict.CALL_CLOSED',
  CALL_NOT_OPEN: 'application.conflict.CALL_NOT_OPEN',
};

function ReadOnly({ application, sides }: { application: Application; sides: Side[] }) {
  const { t, language } = useMessages(fundingMessages);
  return (
    <section aria-labelledby="content-heading">
      <h2 id="content-heading">{t('application.form.title')}</h2>
      <dl className="meta">
        {application.submittedAt && (
          <>
            <dt>{t('application.submittedAt')}</dt>
            <dd>
              <Time value={application.submittedAt} also={[UK_ZONE, KR_ZONE]} />
            </dd>
          </>
        )}
        <dt>{t('application.requested')}</dt>
        <dd>{moneyText(application.requested, language, ' · ') || '—'}</dd>
      </dl>
      <h3>{t('application.form.summary')}</h3>
      <LocalText value={application.summary} as="p" />
      {(application.routeToBusinessAsUsual.en || application.routeToBusinessAsUsual.ko) && (
        <>
          <h3>{t('application.form.route')}</h3>
          <LocalText value={application.routeToBusinessAsUsual} as="p" />
        </>
      )}
      <h3>{t('application.form.budget')}</h3>
      {sides.map((side) => {
        const lines = application.budgetLines.filter((l) => l.countryCode === side.countryCode);
        const total = lines.reduce((sum, l) => sum + BigInt(l.amountMinor), 0n);
        const city = cityName(side.city, language);
        return (
          <div key={side.countryCode} className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('application.form.side', { city, currency: side.currency })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('application.form.category')}</th>
                  <th scope="col">{t('application.form.description')}</th>
                  <th scope="col">{t('application.form.amount', { currency: side.currency })}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.id}>
                    <td>{t(`category.${line.category}`)}</td>
                    <td>{line.description}</td>
                    <td className="nowrap">{language === 'ko' ? line.amount.ko : line.amount.en}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('application.form.total', { city, amount: '' })}
                  </th>
                  <td className="nowrap">
                    <strong>{formatMinor(total, side.currency, language)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        );
      })}
      {application.milestones.length > 0 && (
        <>
          <h3>{t('application.form.milestones')}</h3>
          <ul className="list">
            {application.milestones.map((m, i) => (
              <li key={i}>
                <LocalText value={m.title} /> · <CalendarDate value={m.dueDate} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Decision({
  application,
  decisions,
  canAct,
  onDone,
}: {
  application: Application;
  decisions: Array<{ id: string; outcome: string; decidedAt: string; supersededByDecisionId?: string | null; amounts: Array<{ currency: string; en: string; ko: string }>; rationale: { en?: string | null; ko?: string | null } }>;
  canAct: boolean;
  onDone: (message: string) => void;
}) {
  const { t, language } = useMessages(fundingMessages);
  const [accepted, accept] = useMutation(AcceptAward);
  const current = decisions.find((d) => !d.supersededByDecisionId) ?? decisions[0];
  if (!current && ['DRAFT', 'WITHDRAWN'].includes(application.status)) return null;
  const conditions = application.decisions.find((d) => d.id === current?.id)?.conditions;
  return (
    <section aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('application.decision.title')}</h2>
      {!current ? (
        <p>{t('application.decision.none')}</p>
      ) : (
        <>
          <p>
            <strong>{t(`outcome.${current.outcome}` as 'outcome.APPROVED')}</strong>
          </p>
          <dl className="meta">
            <dt>{t('application.decision.decidedAt')}</dt>
            <dd>
              <Time value={current.decidedAt} also={[UK_ZONE, KR_ZONE]} />
            </dd>
            {current.amounts.length > 0 && (
              <>
                <dt>{t('application.decision.award')}</dt>
                <dd>{moneyText(current.amounts, language, ' · ')}</dd>
              </>
            )}
            <dt>{t('application.decision.rationale')}</dt>
            <dd>
              <LocalText value={current.rationale} />
            </dd>
            {conditions && (conditions.en || conditions.ko) && (
              <>
                <dt>{t('application.decision.conditions')}</dt>
                <dd>
                  <LocalText value={conditions} />
                </dd>
              </>
            )}
          </dl>
        </>
      )}
      {canAct && application.nextSteps.includes('acceptAward') && (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            disabled={accepted.fetching}
            onClick={async () => {
              const { data } = await accept({ input: { id: application.id } });
              if (data) onDone(t('application.decision.accepted'));
            }}
          >
            {t('application.decision.accept')}
          </button>
        </div>
      )}
      <ErrorNotice error={accepted.error} />
      {canAct && application.nextSteps.includes('declineAward') && (
        <ReasonAction
          heading={t('application.decision.decline')}
          label={t('application.decision.declineReason')}
          button={t('application.decision.decline')}
          danger
          mutation={DeclineAward}
          applicationId={application.id}
          onDone={() => onDone(t('application.decision.declined'))}
        />
      )}
    </section>
  );
}

/** A step that needs a reason (withdraw, decline an award), behind a disclosure so it is not pressed by accident. */
function ReasonAction({
  heading,
  label,
  button,
  danger,
  mutation,
  applicationId,
  onDone,
}: {
  heading: string;
  label: string;
  button: string;
  danger?: boolean;
  mutation: typeof WithdrawApplication | typeof DeclineAward;
  applicationId: string;
  onDone: () => void;
}) {
  const { t: tForm } = useMessages(formMessages);
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [result, run] = useMutation(mutation);
  const problem = attempted && (!reason.trim() || reason.trim().length > 2000) ? tForm('validation.reason') : null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!reason.trim() || reason.trim().length > 2000) return;
    const { data } = await run({ input: { id: applicationId, reason: reason.trim() } });
    if (data) onDone();
  }
  return (
    <details className="panel">
      <summary>{heading}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={label} problem={problem} render={(control) => <textarea {...control} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />} />
        <ErrorNotice error={result.error} />
        <div>
          <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={result.fetching}>
            {button}
          </button>
        </div>
      </form>
    </details>
  );
}
