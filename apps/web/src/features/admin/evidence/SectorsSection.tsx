import { useState } from 'react';
import { TypedText } from '../../../components/LocalText';
import { useMutation } from 'urql';
import { EVIDENCE_LIMITS } from '@app/rules';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { CalendarDate } from '../../../components/Time';
import type { AdminCityEvidenceQuery } from '../../../gql/graphql';
import { useMessages } from '../../../i18n';
import { cityName } from '../../../i18n/cities';
import { ConfirmGroup } from '../../../components/Confirm';
import type { SectionProps } from './CityEvidencePage';
import { ClearSector, SetSector } from './documents';
import { EvidenceForm, fits, SourceField, sourceFits, TextArea } from './EvidenceForm';
import { sectorLabel } from '../../../hooks/useSectorNames';
import { evidenceMessages } from './messages';

type Activity = AdminCityEvidenceQuery['citySectorActivity'][number];
const LEVELS = ['1', '2', '3'] as const;

/** The sectors the city is active in, each removable (confirmed), and a form to record one. */
export function SectorsSection({ data, onSaved }: SectionProps) {
  const { t, language } = useMessages(evidenceMessages);
  const sectors = new Map(data.sectors.map((s) => [s.key, s]));
  const sectorName = (key: string) => sectorLabel(sectors, key, language);
  return (
    <section aria-labelledby="city-sectors">
      <h2 id="city-sectors">{t('sectors.title')}</h2>
      <p>{t('sectors.lead')}</p>
      {data.citySectorActivity.length === 0 ? (
        <p>{t('sectors.none')}</p>
      ) : (
        <ul className="list admin-evidence__sectors">
          {data.citySectorActivity.map((activity) => (
            <ActivityItem
              key={activity.sectorKey}
              cityId={data.city.id}
              activity={activity}
              name={sectorName(activity.sectorKey)}
              onRemoved={() => onSaved(t('sectors.removed', { sector: sectorName(activity.sectorKey), city: cityName(data.city, language) }))}
            />
          ))}
        </ul>
      )}
      <SectorForm cityId={data.city.id} sectors={data.sectors} sectorName={sectorName} onSaved={() => onSaved()} />
    </section>
  );
}

function ActivityItem({ cityId, activity, name, onRemoved }: { cityId: string; activity: Activity; name: string; onRemoved: () => void }) {
  const { t } = useMessages(evidenceMessages);
  const [confirming, setConfirming] = useState(false);
  const [result, clear] = useMutation(ClearSector);
  async function remove() {
    const response = await clear({ input: { cityId, sector: activity.sectorKey } });
    if (response.data) onRemoved();
  }
  return (
    <li data-sector={activity.sectorKey}>
      <h3>{name}</h3>
      <p>{t(`sectors.level.${String(activity.level) as '1'}`)}</p>
      <p>
        {t('sectors.projects')}: <TypedText text={activity.projects.map((p) => p.title).join(', ')} />
      </p>
      <p>
        {t('sectors.source')}: <TypedText text={activity.source} /> · <CalendarDate value={activity.asOf} />
      </p>
      <ErrorNotice error={result.error} />
      {confirming ? (
        <ConfirmGroup
          label={t('sectors.removeLabel', { sector: name })}
          confirm={t('sectors.removeConfirm')}
          confirmClass="button--danger"
          cancel={t('sectors.keep')}
          busy={result.fetching}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('sectors.removeWarning', { sector: name })}</p>
        </ConfirmGroup>
      ) : (
        <button type="button" className="button button--secondary" aria-label={t('sectors.removeLabel', { sector: name })} onClick={() => setConfirming(true)}>
          {t('sectors.remove')}
        </button>
      )}
    </li>
  );
}

function SectorForm({
  cityId,
  sectors,
  sectorName,
  onSaved,
}: {
  cityId: string;
  sectors: AdminCityEvidenceQuery['sectors'];
  sectorName: (key: string) => string;
  onSaved: () => void;
}) {
  const { t, language } = useMessages(evidenceMessages);
  const [sector, setSector] = useState('');
  const [level, setLevel] = useState<(typeof LEVELS)[number]>('1');
  const [project, setProject] = useState('');
  const [summary, setSummary] = useState('');
  const [source, setSource] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, save] = useMutation(SetSector);
  const problems = {
    sector: sector ? null : t('sectors.invalid.sector'),
    project: fits(project, 1, EVIDENCE_LIMITS.name) ? null : t('sectors.invalid.project'),
    source: sourceFits(source) ? null : t('sectors.invalid.source'),
  };
  const show = (problem: string | null) => (touched ? problem : null);
  const options = [...sectors].sort((a, b) => sectorName(a.key).localeCompare(sectorName(b.key), language));

  async function submit() {
    setTouched(true);
    if (problems.sector || problems.project || problems.source) return;
    const response = await save({
      input: { cityId, sector, level: Number(level), projects: [{ title: project.trim(), summary: summary.trim() || null }], source: source.trim() },
    });
    if (response.data) {
      setSector('');
      setProject('');
      setSummary('');
      setSource('');
      setTouched(false);
      onSaved();
    }
  }

  return (
    <EvidenceForm
      id="sector-form"
      title={t('sectors.formTitle')}
      lead={t('sectors.formLead')}
      error={result.error}
      submit={t('sectors.submit')}
      busy={result.fetching}
      onSubmit={() => void submit()}
    >
      <Field
        label={t('sectors.sector')}
        problem={show(problems.sector)}
        render={(control) => (
          <select {...control} value={sector} onChange={(e) => setSector(e.target.value)}>
            <option value="" />
            {options.map((s) => (
              <option key={s.key} value={s.key}>
                {sectorName(s.key)}
              </option>
            ))}
          </select>
        )}
      />
      <Field
        label={t('sectors.levelLabel')}
        render={(control) => (
          <select {...control} value={level} onChange={(e) => setLevel(e.target.value as (typeof LEVELS)[number])}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`sectors.level.${l}`)}
              </option>
            ))}
          </select>
        )}
      />
      <Field label={t('sectors.project')} problem={show(problems.project)} maxLength={EVIDENCE_LIMITS.name} value={project} onChange={(e) => setProject(e.target.value)} />
      <TextArea label={t('sectors.projectSummary')} value={summary} onChange={setSummary} />
      <SourceField label={t('sectors.source')} hint={t('sectors.sourceHint')} problem={show(problems.source)} value={source} onChange={setSource} />
    </EvidenceForm>
  );
}
