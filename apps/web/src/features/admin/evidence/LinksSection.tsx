import { useState } from 'react';
import { LINK_KINDS, term } from '@app/rules';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { problemOf } from '../../../api/errors';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { LocalText, TypedText } from '../../../components/LocalText';
import type { AdminCityEvidenceQuery } from '../../../gql/graphql';
import { useMessages, type Language } from '../../../i18n';
import { cityName } from '../../../i18n/cities';
import { formatNumber } from '../../../i18n/format';
import { ActionPair, ConfirmGroup } from '../../../components/Confirm';
import type { SectionProps } from './CityEvidencePage';
import { CreateLink, DeleteLink, LinkableCities, UpdateLink } from './documents';
import { EvidenceForm, isYear, SourceField, sourceFits, TextArea, textFits } from './EvidenceForm';
import { evidenceMessages, type EvidenceT } from './messages';

type CityLink = AdminCityEvidenceQuery['cityLinks'][number];
const KINDS = ['city-to-city', 'research', 'business-to-government', 'business-to-research'] as const;
const FORMALITIES = ['0', '1', '2', '3', '4'] as const;

/** A link's kind as the glossary names it (the pairing explanation says the same), or "other". */
const kindText = (kind: string, t: EvidenceT, language: Language) =>
  kind in LINK_KINDS ? term(LINK_KINDS[kind as keyof typeof LINK_KINDS], language, { label: true }) : t('links.kinds.other');
/** A link's summary as typed: each language's version, at least one, each 2 to 2,000 characters. */
interface SummaryDraft {
  en: string;
  ko: string;
}
const summaryFits = (draft: SummaryDraft) => !!(draft.en.trim() || draft.ko.trim()) && [draft.en, draft.ko].every((text) => !text.trim() || textFits(text));
const summaryInput = (draft: SummaryDraft) => ({ en: draft.en.trim() || null, ko: draft.ko.trim() || null });

/** The summary in English and in Korean; the problem shows beside the reader's own language. */
function SummaryFields({ value, problem, onChange }: { value: SummaryDraft; problem: string | null; onChange: (value: SummaryDraft) => void }) {
  const { t, language } = useMessages(evidenceMessages);
  return (
    <>
      <TextArea label={t('links.summaryEn')} problem={language === 'en' ? problem : null} value={value.en} onChange={(en) => onChange({ ...value, en })} />
      <TextArea label={t('links.summaryKo')} problem={language === 'ko' ? problem : null} value={value.ko} onChange={(ko) => onChange({ ...value, ko })} />
    </>
  );
}

const formalityText = (formality: number, t: EvidenceT) => t(`links.formalityLevel.${String(Math.max(0, Math.min(4, formality))) as '0'}`);

/** The other end of a link, seen from `cityId`: a city's name in the reader's language, or the place as entered. */
function otherEnd(link: CityLink, cityId: string, language: Language): string {
  if (link.cityAId !== cityId) return cityName(link.cityA, language);
  return link.cityB ? cityName(link.cityB, language) : (link.otherPlace ?? '');
}

/** A refusal of a link's change: the platform's own links follow their record; anything else as the API says. */
function LinkRefusal({ error }: { error?: CombinedError }) {
  const { t } = useMessages(evidenceMessages);
  const problem = problemOf(error);
  if (problem?.code === 'CONFLICT' && problem.reason === 'PLATFORM_LINK') {
    return (
      <p className="notice notice--info" role="alert">
        {t('links.platformRefused')}
      </p>
    );
  }
  return <ErrorNotice error={error} />;
}

/** The city's links with the other country: each editable and deletable (confirmed) unless the platform keeps it; and a form to add one. */
export function LinksSection({ data, onSaved }: SectionProps) {
  const { t, language } = useMessages(evidenceMessages);
  const city = cityName(data.city, language);
  return (
    <section aria-labelledby="city-links">
      <h2 id="city-links">{t('links.title')}</h2>
      <p>{t('links.lead')}</p>
      {data.cityLinks.length === 0 ? (
        <p>{t('links.none')}</p>
      ) : (
        <ul className="list admin-evidence__links">
          {data.cityLinks.map((link) => (
            <LinkItem
              key={link.id}
              link={link}
              place={otherEnd(link, data.city.id, language)}
              onSaved={() => onSaved()}
              onDeleted={(place) => onSaved(t('links.deleted', { place, city }))}
            />
          ))}
        </ul>
      )}
      <LinkForm cityId={data.city.id} countryCode={data.city.countryCode} onSaved={() => onSaved()} />
    </section>
  );
}

function LinkItem({ link, place, onSaved, onDeleted }: { link: CityLink; place: string; onSaved: () => void; onDeleted: (place: string) => void }) {
  const { t, language } = useMessages(evidenceMessages);
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [formality, setFormality] = useState(String(link.formality));
  const [summary, setSummary] = useState<SummaryDraft>({ en: link.summary.en ?? '', ko: link.summary.ko ?? '' });
  const [touched, setTouched] = useState(false);
  const [updated, update] = useMutation(UpdateLink);
  const [deleted, remove] = useMutation(DeleteLink);
  const summaryProblem = touched && !summaryFits(summary) ? t('links.invalid.summary') : null;

  async function save() {
    setTouched(true);
    if (!summaryFits(summary)) return;
    const response = await update({ input: { id: link.id, formality: Number(formality), summary: summaryInput(summary) } });
    if (response.data) {
      setMode('view');
      onSaved();
    }
  }
  async function confirmDelete() {
    const response = await remove({ id: link.id });
    if (response.data) onDeleted(place);
  }

  return (
    <li data-link-id={link.id}>
      <h3>{place}</h3>
      <dl className="admin-evidence__facts">
        <dt>{t('links.kind')}</dt>
        <dd>{kindText(link.kind, t, language)}</dd>
        <dt>{t('links.formality')}</dt>
        <dd>{formalityText(link.formality, t)}</dd>
        {link.since != null && (
          <>
            <dt>{t('links.since')}</dt>
            <dd>{formatNumber(link.since, language, { useGrouping: false })}</dd>
          </>
        )}
        <dt>{t('links.summary')}</dt>
        <dd>
          <LocalText value={link.summary} />
        </dd>
        <dt>{t('links.source')}</dt>
        <dd>
          <TypedText text={link.source} />
        </dd>
      </dl>
      {!link.live && <p>{t('links.history')}</p>}
      {link.platformRef ? (
        <p className="notice notice--info">{t('links.platform')}</p>
      ) : (
        <>
          <LinkRefusal error={updated.error ?? deleted.error} />
          {mode === 'view' && (
            <div className="action-pair">
              <button type="button" className="button button--secondary" aria-label={t('links.editLabel', { place })} onClick={() => setMode('edit')}>
                {t('links.edit')}
              </button>
              <button type="button" className="button button--secondary" aria-label={t('links.deleteLabel', { place })} onClick={() => setMode('delete')}>
                {t('links.delete')}
              </button>
            </div>
          )}
          {mode === 'edit' && (
            <div role="group" aria-label={t('links.editLabel', { place })}>
              <FormalityField value={formality} onChange={setFormality} />
              <SummaryFields value={summary} problem={summaryProblem} onChange={setSummary} />
              <ActionPair confirm={t('links.save')} cancel={t('links.cancel')} busy={updated.fetching} onConfirm={() => void save()} onCancel={() => setMode('view')} />
            </div>
          )}
          {mode === 'delete' && (
            <ConfirmGroup
              label={t('links.deleteLabel', { place })}
              confirm={t('links.deleteConfirm')}
              confirmClass="button--danger"
              cancel={t('links.keep')}
              busy={deleted.fetching}
              onConfirm={() => void confirmDelete()}
              onCancel={() => setMode('view')}
            >
              <p>{t('links.deleteWarning', { place })}</p>
            </ConfirmGroup>
          )}
        </>
      )}
    </li>
  );
}

function FormalityField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useMessages(evidenceMessages);
  return (
    <Field
      label={t('links.formality')}
      render={(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          {FORMALITIES.map((f) => (
            <option key={f} value={f}>
              {t(`links.formalityLevel.${f}`)}
            </option>
          ))}
        </select>
      )}
    />
  );
}

function LinkForm({ cityId, countryCode, onSaved }: { cityId: string; countryCode: string; onSaved: () => void }) {
  const { t, language } = useMessages(evidenceMessages);
  const [{ data }] = useQuery({ query: LinkableCities });
  const [other, setOther] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('city-to-city');
  const [formality, setFormality] = useState('1');
  const [summary, setSummary] = useState<SummaryDraft>({ en: '', ko: '' });
  const [since, setSince] = useState('');
  const [source, setSource] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, create] = useMutation(CreateLink);
  const partners = (data?.cities.nodes ?? [])
    .filter((c) => c.countryCode !== countryCode)
    .sort((a, b) => cityName(a, language).localeCompare(cityName(b, language), language));
  const problems = {
    other: other ? null : t('links.invalid.other'),
    summary: summaryFits(summary) ? null : t('links.invalid.summary'),
    since: !since.trim() || isYear(since) ? null : t('links.invalid.since'),
    source: sourceFits(source) ? null : t('links.invalid.source'),
  };
  const show = (problem: string | null) => (touched ? problem : null);

  async function submit() {
    setTouched(true);
    if (Object.values(problems).some(Boolean)) return;
    const response = await create({
      input: {
        cityAId: cityId,
        cityBId: other,
        kind,
        formality: Number(formality),
        summary: summaryInput(summary),
        since: since.trim() ? Number(since.trim()) : null,
        source: source.trim(),
      },
    });
    if (response.data) {
      setOther('');
      setSummary({ en: '', ko: '' });
      setSince('');
      setSource('');
      setTouched(false);
      onSaved();
    }
  }

  return (
    <EvidenceForm id="link-form" title={t('links.formTitle')} refusal={<LinkRefusal error={result.error} />} submit={t('links.submit')} busy={result.fetching} onSubmit={() => void submit()}>
      <Field
        label={t('links.other')}
        problem={show(problems.other)}
        render={(control) => (
          <select {...control} value={other} onChange={(e) => setOther(e.target.value)}>
            <option value="" />
            {partners.map((c) => (
              <option key={c.id} value={c.id}>
                {cityName(c, language)}
              </option>
            ))}
          </select>
        )}
      />
      <Field
        label={t('links.kind')}
        render={(control) => (
          <select {...control} value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {kindText(k, t, language)}
              </option>
            ))}
          </select>
        )}
      />
      <FormalityField value={formality} onChange={setFormality} />
      <SummaryFields value={summary} problem={show(problems.summary)} onChange={setSummary} />
      <Field label={t('links.since')} hint={t('links.sinceHint')} inputMode="numeric" problem={show(problems.since)} value={since} onChange={(e) => setSince(e.target.value)} />
      <SourceField label={t('links.source')} hint={t('links.sourceHint')} problem={show(problems.source)} value={source} onChange={setSource} />
    </EvidenceForm>
  );
}
