import { useState } from 'react';
import { TypedText } from '../../../components/LocalText';
import { useMutation } from 'urql';
import { Field } from '../../../components/Field';
import type { AdminCityEvidenceQuery, RecordReadinessAssessmentInput } from '../../../gql/graphql';
import { useMessages, type Language } from '../../../i18n';
import { formatDate, formatNumber } from '../../../i18n/format';
import type { SectionProps } from './CityEvidencePage';
import { RecordReadiness } from './documents';
import { EvidenceForm, SourceField, sourceFits, TextArea, textFits } from './EvidenceForm';
import { evidenceMessages } from './messages';

type Criterion = AdminCityEvidenceQuery['readinessRubric'][number];
type Assessment = AdminCityEvidenceQuery['cityReadinessHistory']['nodes'][number];
type CriterionKey = 'strategy' | 'visibleHome' | 'networks' | 'collaboration';
const KEYS: readonly CriterionKey[] = ['strategy', 'visibleHome', 'networks', 'collaboration'];

const criterionLabel = (c: Criterion, language: Language) => (language === 'ko' ? c.labelKo : c.labelEn);

/** The current readiness assessment with the evidence for each sub-score, the earlier ones, and a form to record a new one. */
export function ReadinessSection({ data, onSaved }: SectionProps) {
  const { t, language } = useMessages(evidenceMessages);
  const rubric = data.readinessRubric.filter((c): c is Criterion & { key: CriterionKey } => (KEYS as readonly string[]).includes(c.key));
  const [current, ...earlier] = data.cityReadinessHistory.nodes;
  const n = (value: number) => formatNumber(value, language);
  return (
    <section aria-labelledby="city-readiness">
      <h2 id="city-readiness">{t('readiness.title')}</h2>
      <p>{t('readiness.lead')}</p>
      {current?.current ? (
        <>
          <p className="admin-evidence__current">
            {t('readiness.current', { value: n(current.composite), date: formatDate(current.asOf, language) })}
          </p>
          <dl className="admin-evidence__scores">
            {rubric.map((c) => (
              <div key={c.key}>
                <dt>{criterionLabel(c, language)}</dt>
                <dd>
                  {t('readiness.score', { value: n(current[c.key]), max: n(c.max) })}
                  <br />
                  {t('readiness.evidence')}: {current[`${c.key}Evidence` as `${CriterionKey}Evidence`]}
                </dd>
              </div>
            ))}
          </dl>
          <p>
            {t('readiness.source')}: <TypedText text={current.source} />
          </p>
        </>
      ) : (
        <p>{t('readiness.none')}</p>
      )}
      {earlier.length > 0 && (
        <>
          <h3>{t('readiness.earlier')}</h3>
          <ul className="list">
            {earlier.map((a: Assessment) => (
              <li key={a.id}>
                {t('readiness.earlierLine', { value: n(a.composite), date: formatDate(a.asOf, language) })} · <TypedText text={a.source} />
              </li>
            ))}
          </ul>
        </>
      )}
      <ReadinessForm cityId={data.city.id} rubric={rubric} onSaved={() => onSaved()} />
    </section>
  );
}

function ReadinessForm({ cityId, rubric, onSaved }: { cityId: string; rubric: Array<Criterion & { key: CriterionKey }>; onSaved: () => void }) {
  const { t, language } = useMessages(evidenceMessages);
  const [scores, setScores] = useState<Record<CriterionKey, string>>({ strategy: '', visibleHome: '', networks: '', collaboration: '' });
  const [evidence, setEvidence] = useState<Record<CriterionKey, string>>({ strategy: '', visibleHome: '', networks: '', collaboration: '' });
  const [source, setSource] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, record] = useMutation(RecordReadiness);
  const scoreProblem = (key: CriterionKey) => (touched && scores[key] === '' ? t('indicators.invalid.choose') : null);
  const evidenceProblem = (key: CriterionKey) => (touched && !textFits(evidence[key]) ? t('readiness.invalid.evidence') : null);
  const sourceProblem = touched && !sourceFits(source) ? t('readiness.invalid.source') : null;

  async function submit() {
    setTouched(true);
    if (KEYS.some((k) => scores[k] === '' || !textFits(evidence[k])) || !sourceFits(source)) return;
    const input: RecordReadinessAssessmentInput = {
      cityId,
      strategy: Number(scores.strategy),
      strategyEvidence: evidence.strategy.trim(),
      visibleHome: Number(scores.visibleHome),
      visibleHomeEvidence: evidence.visibleHome.trim(),
      networks: Number(scores.networks),
      networksEvidence: evidence.networks.trim(),
      collaboration: Number(scores.collaboration),
      collaborationEvidence: evidence.collaboration.trim(),
      source: source.trim(),
    };
    const response = await record({ input });
    if (response.data) {
      setTouched(false);
      onSaved();
    }
  }

  return (
    <EvidenceForm
      id="readiness-form"
      title={t('readiness.formTitle')}
      lead={t('readiness.formLead')}
      error={result.error}
      submit={t('readiness.submit')}
      busy={result.fetching}
      onSubmit={() => void submit()}
    >
      {rubric.map((c) => {
        const name = criterionLabel(c, language);
        return (
          <fieldset key={c.key}>
            <legend>{name}</legend>
            <Field
              label={t('readiness.scoreLabel', { criterion: name })}
              problem={scoreProblem(c.key)}
              render={(control) => (
                <select {...control} value={scores[c.key]} onChange={(e) => setScores({ ...scores, [c.key]: e.target.value })}>
                  <option value="" />
                  {c.levels.map((level) => (
                    <option key={level.score} value={level.score}>
                      {formatNumber(level.score, language)}: {language === 'ko' ? level.descriptionKo : level.descriptionEn}
                    </option>
                  ))}
                </select>
              )}
            />
            <TextArea
              label={t('readiness.evidenceLabel', { criterion: name })}
              hint={t('readiness.evidenceHint')}
              problem={evidenceProblem(c.key)}
              value={evidence[c.key]}
              onChange={(value) => setEvidence({ ...evidence, [c.key]: value })}
            />
          </fieldset>
        );
      })}
      <SourceField label={t('readiness.source')} hint={t('readiness.sourceHint')} problem={sourceProblem} value={source} onChange={setSource} />
    </EvidenceForm>
  );
}
