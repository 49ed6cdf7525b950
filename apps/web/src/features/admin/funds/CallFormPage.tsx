import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { BilingualField, bilingualInput, bilingualProblem, fromLocalized, TEXT_MAX, TITLE_MAX, type Bilingual } from '../../../components/BilingualField';
import { ErrorNotice, Loading } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { LocalText } from '../../../components/LocalText';
import type { AdminCallFieldsFragment, ProjectStage } from '../../../gql/graphql';
import { useDraft } from '../../../hooks/useDraft';
import { useNow } from '../../../hooks/useNow';
import { useMessages } from '../../../i18n';
import { formatNumber, UK_ZONE } from '../../../i18n/format';
import { formMessages } from '../../../i18n/forms';
import { amountProblem, minorToInput, moneyText, parseAmount } from '../../../i18n/money';
import { instantToLocal, localToInstant } from '../../events/eventRules';
import { CallFacts } from '../../funding/OpenCalls';
import { fundingMessages } from '../../funding/messages';
import { projectMessages } from '../../projects/messages';
import { AdminCreateCall, AdminFundCall, AdminUpdateCall } from './documents';
import { adminFundMessages } from './messages';
import { BothZonesPreview, currencyOf, FundsError, useFund, ZoneChoice, type AdminFundView } from './shared';
import { useAnnouncer } from '../../../components/useAnnouncer';

const STAGES: ProjectStage[] = ['DISCOVERY', 'GOAL_SETTING', 'FEASIBILITY', 'DEMONSTRATOR', 'SCALING', 'BUSINESS_AS_USUAL'];

interface CriterionDraft {
  key: string;
  title: Bilingual;
  weight: string;
}

interface CallDraft {
  title: Bilingual;
  guidance: Bilingual;
  zone: string;
  opensLocal: string;
  closesLocal: string;
  stages: ProjectStage[];
  maxAward: Record<string, string>;
  rate: string;
  matchRatio: string;
  scale: string;
  reviewers: string;
  criteria: CriterionDraft[];
}

const NEW_CRITERION: CriterionDraft = { key: '', title: { en: '', ko: '' }, weight: '1' };

/** The reference currency (the UK's, where the fund holds it) and the other, compared at the call's rate. */
function currenciesOf(fund: AdminFundView): { reference: string; other: string | undefined } {
  const reference = currencyOf(fund, 'GB') || fund.currencies[0];
  return { reference, other: fund.currencies.find((c) => c !== reference) };
}

function emptyDraft(fund: AdminFundView): CallDraft {
  return {
    title: { en: '', ko: '' },
    guidance: { en: '', ko: '' },
    zone: UK_ZONE,
    opensLocal: '',
    closesLocal: '',
    stages: ['FEASIBILITY', 'DEMONSTRATOR'],
    maxAward: Object.fromEntries(fund.currencies.map((c) => [c, ''])),
    rate: '1700',
    matchRatio: '50',
    scale: '5',
    reviewers: '2',
    criteria: [{ ...NEW_CRITERION }],
  };
}

function draftOf(call: AdminCallFieldsFragment, zone = UK_ZONE): CallDraft {
  return {
    title: fromLocalized(call.title),
    guidance: fromLocalized(call.guidance),
    zone,
    opensLocal: instantToLocal(call.opensAt, zone),
    closesLocal: instantToLocal(call.closesAt, zone),
    stages: [...call.allowedStages],
    maxAward: Object.fromEntries(call.maxAward.map((m) => [m.currency, minorToInput(m.amountMinor, m.currency, false)])),
    rate: String(call.exchangeRates[0]?.unitsPerReference ?? ''),
    matchRatio: String(call.matchRatioPercent),
    scale: String(call.scoreScaleMax),
    reviewers: String(call.reviewersPerApplication),
    criteria: call.criteria.map((c) => ({ key: c.key, title: fromLocalized(c.title), weight: String(c.weight) })),
  };
}

/** A criterion's stable key (2 to 40 of a-z, 0-9 and dashes, from a letter): from its English title where it has one, else by its place; never one taken. */
function criterionKeys(criteria: CriterionDraft[]): string[] {
  const keys: string[] = [];
  criteria.forEach((c, index) => {
    const fromTitle = c.title.en.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+/, '').slice(0, 30).replace(/-+$/, '');
    const slug = c.key || (fromTitle.length >= 2 ? fromTitle : `criterion-${index + 1}`);
    keys.push(keys.includes(slug) ? `${slug}-${index + 1}` : slug);
  });
  return keys;
}

const wholeIn = (text: string, min: number, max: number) => /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max;

/** /admin/funds/:id/calls/new and /admin/funds/:id/calls/:callId: opening a call, or editing one, with what applicants will see. */
export default function CallFormPage() {
  const fund = useFund();
  const { callId } = useParams();
  return callId ? <ExistingCall key={callId} fund={fund} callId={callId} /> : <CallForm fund={fund} />;
}

function ExistingCall({ fund, callId }: { fund: AdminFundView; callId: string }) {
  const { t } = useMessages(adminFundMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AdminFundCall, variables: { id: callId } });
  if (data?.fundCall && data.fundCall.fundId === fund.id) return <CallForm fund={fund} call={data.fundCall} />;
  return (
    <>
      <p>
        <Link to={`/admin/funds/${fund.id}/calls`}>{t('call.backToCalls')}</Link>
      </p>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && <Loading />}
      {data && <p className="notice notice--info">{t('call.notFound')}</p>}
    </>
  );
}

function CallForm({ fund, call }: { fund: AdminFundView; call?: AdminCallFieldsFragment }) {
  const { t, language } = useMessages(adminFundMessages);
  const { t: tForm } = useMessages(formMessages);
  const { t: tProject } = useMessages(projectMessages);
  const navigate = useNavigate();
  const now = useNow(60_000);
  const [draft, update, clear] = useDraft<CallDraft>(call ? `admin-call-${call.id}` : `admin-call-new-${fund.id}`, call ? draftOf(call) : emptyDraft(fund));
  const [tried, setTried] = useState(false);
  const [created, create] = useMutation(AdminCreateCall);
  const [updated, save] = useMutation(AdminUpdateCall);
  const result = call ? updated : created;
  const { line, announce } = useAnnouncer();
  const { reference, other } = currenciesOf(fund);
  const opened = !!call && Date.parse(call.opensAt) <= now;
  // A call's rules are fixed once it opens: only its texts and its close change afterwards.
  const settled = opened;

  const opensAt = localToInstant(draft.opensLocal, draft.zone);
  const closesAt = localToInstant(draft.closesLocal, draft.zone);
  const keys = criterionKeys(draft.criteria);
  const totalWeight = draft.criteria.reduce((sum, c) => sum + (Number(c.weight) || 0), 0);

  const problems = {
    title: bilingualProblem(draft.title, TITLE_MAX, tForm),
    guidance: bilingualProblem(draft.guidance, TEXT_MAX, tForm),
    opens: opensAt ? null : t('call.problems.when'),
    closes: !closesAt ? t('call.problems.when') : opensAt && Date.parse(closesAt) <= Date.parse(opensAt) ? t('call.problems.closesBeforeOpens') : null,
    stages: settled || draft.stages.length ? null : t('call.problems.stages'),
    maxAward: Object.fromEntries(fund.currencies.map((c) => [c, settled ? null : amountProblem(draft.maxAward[c] ?? '', c, tForm)])) as Record<string, string | null>,
    rate: settled || !other || Number(draft.rate) > 0 ? null : t('call.problems.rate'),
    matchRatio: settled || wholeIn(draft.matchRatio, 0, 100) ? null : t('call.problems.whole', { min: 0, max: 100 }),
    scale: settled || wholeIn(draft.scale, 2, 10) ? null : t('call.problems.whole', { min: 2, max: 10 }),
    reviewers: settled || wholeIn(draft.reviewers, 1, 10) ? null : t('call.problems.whole', { min: 1, max: 10 }),
    criteria: draft.criteria.map((c) => (settled ? null : bilingualProblem(c.title, TITLE_MAX, tForm))),
    weights: draft.criteria.map((c) => (settled || wholeIn(c.weight, 1, 100) ? null : t('call.problems.whole', { min: 1, max: 100 }))),
  };
  const hasProblem =
    !!(problems.title || problems.guidance || problems.opens || problems.closes || problems.stages || problems.rate || problems.matchRatio || problems.scale || problems.reviewers) ||
    Object.values(problems.maxAward).some(Boolean) ||
    problems.criteria.some(Boolean) ||
    problems.weights.some(Boolean);
  const shown = <T,>(problem: T) => (tried ? problem : null);

  const awardText = moneyText(
    fund.currencies.flatMap((currency) => {
      const parsed = parseAmount(draft.maxAward[currency] ?? '', currency);
      return parsed.ok ? [{ currency, amountMinor: parsed.minor }] : [];
    }),
    language,
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (hasProblem || !opensAt || !closesAt) return;
    const texts = { title: bilingualInput(draft.title), guidance: bilingualInput(draft.guidance), closesAt };
    if (call) {
      const { data } = await save({ input: { id: call.id, ...texts, ...(opened ? {} : { opensAt, ...rulesOf(draft) }) } });
      if (data) {
        clear(draftOf(data.updateFundCall, draft.zone));
        setTried(false);
        announce(t('call.saved'));
      }
      return;
    }
    const { data } = await create({ input: { fundId: fund.id, ...texts, opensAt, ...rulesOf(draft) } });
    if (data) {
      clear();
      navigate(`/admin/funds/${fund.id}/calls`);
    }
  }

  /** The call's rules as the API takes them (createFundCall, and updateFundCall before the call opens). */
  function rulesOf(draft: CallDraft) {
    return {
      allowedStages: draft.stages,
      maxAward: fund.currencies.map((c) => {
        const parsed = parseAmount(draft.maxAward[c] ?? '', c);
        return { currency: c, amountMinor: parsed.ok ? parsed.minor : '0' };
      }),
      referenceCurrency: reference,
      exchangeRates: other ? [{ currency: other, unitsPerReference: Number(draft.rate) }] : [],
      matchRatioPercent: Number(draft.matchRatio),
      scoreScaleMax: Number(draft.scale),
      reviewersPerApplication: Number(draft.reviewers),
      criteria: draft.criteria.map((c, index) => ({ key: keys[index], title: bilingualInput(c.title), weight: Number(c.weight) })),
    };
  }

  const setCriterion = (index: number, patch: Partial<CriterionDraft>) => update({ criteria: draft.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  const heading = call ? t('call.editTitle') : t('call.newTitle');

  return (
    <section aria-labelledby="call-form-heading">
      <p>
        <Link to={`/admin/funds/${fund.id}/calls`}>{t('call.backToCalls')}</Link>
      </p>
      <h2 id="call-form-heading">{heading}</h2>
      {opened && <p className="notice notice--info">{t('call.openedNote')}</p>}
      <form className="form" onSubmit={submit} noValidate aria-labelledby="call-form-heading">
        <BilingualField label={t('call.title')} value={draft.title} onChange={(title) => update({ title })} problem={shown(problems.title)} maxLength={TITLE_MAX} />
        <BilingualField label={t('call.guidance')} value={draft.guidance} onChange={(guidance) => update({ guidance })} problem={shown(problems.guidance)} maxLength={TEXT_MAX} multiline />

        <fieldset>
          <legend>{t('call.when')}</legend>
          <ZoneChoice
            label={t('call.zone')}
            hint={t('call.zoneHint')}
            value={draft.zone}
            onChange={(zone) => update({ zone, opensLocal: instantToLocal(opensAt, zone), closesLocal: instantToLocal(closesAt, zone) })}
          />
          <div className="admin-funds__columns">
            <Field label={t('call.opensAt')} type="datetime-local" value={draft.opensLocal} disabled={opened} onChange={(e) => update({ opensLocal: e.target.value })} problem={shown(problems.opens)} />
            <Field label={t('call.closesAt')} type="datetime-local" value={draft.closesLocal} onChange={(e) => update({ closesLocal: e.target.value })} problem={shown(problems.closes)} />
          </div>
          <BothZonesPreview
            label={t('call.inBothZones')}
            times={[
              { label: t('call.opensPreview'), value: opensAt },
              { label: t('call.closesPreview'), value: closesAt },
            ]}
          />
        </fieldset>

        <fieldset disabled={settled}>
          <legend>{t('call.rules')}</legend>
          <fieldset className="admin-funds__checks" aria-describedby={shown(problems.stages) ? 'call-stages-problem' : undefined}>
            <legend>{t('call.stages')}</legend>
            {STAGES.map((stage) => (
              <label key={stage}>
                <input
                  type="checkbox"
                  checked={draft.stages.includes(stage)}
                  onChange={(e) => update({ stages: e.target.checked ? STAGES.filter((s) => s === stage || draft.stages.includes(s)) : draft.stages.filter((s) => s !== stage) })}
                />
                {tProject(`stage.${stage}`)}
              </label>
            ))}
            {shown(problems.stages) && (
              <p id="call-stages-problem" className="field__problem">
                {problems.stages}
              </p>
            )}
          </fieldset>
          <div className="admin-funds__columns">
            {fund.currencies.map((currency) => (
              <Field
                key={currency}
                label={t('call.maxAward', { currency })}
                inputMode="decimal"
                value={draft.maxAward[currency] ?? ''}
                onChange={(e) => update({ maxAward: { ...draft.maxAward, [currency]: e.target.value } })}
                problem={shown(problems.maxAward[currency])}
              />
            ))}
            {other && <Field label={t('call.rate')} hint={t('call.rateHint')} inputMode="decimal" value={draft.rate} onChange={(e) => update({ rate: e.target.value })} problem={shown(problems.rate)} />}
            <Field label={t('call.matchRatio')} hint={t('call.matchRatioHint')} inputMode="numeric" value={draft.matchRatio} onChange={(e) => update({ matchRatio: e.target.value })} problem={shown(problems.matchRatio)} />
            <Field label={t('call.scale')} inputMode="numeric" value={draft.scale} onChange={(e) => update({ scale: e.target.value })} problem={shown(problems.scale)} />
            <Field label={t('call.reviewers')} inputMode="numeric" value={draft.reviewers} onChange={(e) => update({ reviewers: e.target.value })} problem={shown(problems.reviewers)} />
          </div>
          <h3>{t('call.criteria')}</h3>
          <p className="field__hint">{t('call.criteriaHint')}</p>
          {draft.criteria.map((criterion, index) => {
            const number = index + 1;
            const weight = Number(criterion.weight) || 0;
            return (
              <fieldset key={index} className="admin-funds__criterion">
                <legend>{t('call.criterion', { number })}</legend>
                <BilingualField label={t('call.criterionTitle', { number })} value={criterion.title} onChange={(title) => setCriterion(index, { title })} problem={shown(problems.criteria[index])} maxLength={TITLE_MAX} />
                <Field
                  label={t('call.weight', { number })}
                  hint={totalWeight > 0 ? t('call.weightShare', { percent: formatNumber((weight / totalWeight) * 100, language, { maximumFractionDigits: 1 }) }) : undefined}
                  inputMode="numeric"
                  value={criterion.weight}
                  onChange={(e) => setCriterion(index, { weight: e.target.value })}
                  problem={shown(problems.weights[index])}
                />
                {!settled && draft.criteria.length > 1 && (
                  <button type="button" className="button button--ghost" onClick={() => update({ criteria: draft.criteria.filter((_, i) => i !== index) })}>
                    {t('call.removeCriterion', { number })}
                  </button>
                )}
              </fieldset>
            );
          })}
          {!settled && draft.criteria.length < 12 && (
            <button type="button" className="button button--secondary" onClick={() => update({ criteria: [...draft.criteria, { ...NEW_CRITERION }] })}>
              {t('call.addCriterion')}
            </button>
          )}
        </fieldset>

        <FundsError error={result.error} />
        {tried && hasProblem && <p className="field__problem">{tForm('validation.fixFirst')}</p>}
        <div>
          <button type="submit" className="button button--primary" disabled={result.fetching}>
            {call ? t('call.save') : t('call.create')}
          </button>
        </div>
        {line}
      </form>

      <CallPreview draft={draft} closesAt={closesAt} awardText={awardText} />
    </section>
  );
}

/** The call as applicants will read it among the open calls and on their application: the same pieces their pages use. */
function CallPreview({ draft, closesAt, awardText }: { draft: CallDraft; closesAt: string | null; awardText: string }) {
  const { t } = useMessages(adminFundMessages);
  const { t: tFunding } = useMessages(fundingMessages);
  const totalWeight = draft.criteria.reduce((sum, c) => sum + (Number(c.weight) || 0), 0);
  return (
    <section className="panel" aria-labelledby="call-preview">
      <h2 id="call-preview">{t('call.preview')}</h2>
      <LocalText value={draft.title} as="h3" />
      {closesAt && <CallFacts closesAt={closesAt} maxAward={awardText} allowedStages={draft.stages} />}
      <details>
        <summary>{tFunding('application.guidance')}</summary>
        <LocalText value={draft.guidance} as="p" />
      </details>
      <h4>{t('call.criteriaPreview')}</h4>
      <ul>
        {draft.criteria.map((criterion, index) => (
          <li key={index}>
            <LocalText value={criterion.title} /> — {totalWeight > 0 ? t('call.weightShare', { percent: Math.round(((Number(criterion.weight) || 0) / totalWeight) * 100) }) : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
