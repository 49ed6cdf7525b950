import { quantityText } from '@app/rules';
import { TypedText } from '../../../components/LocalText';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Field } from '../../../components/Field';
import { Paged } from '../../../components/Paged';
import { CalendarDate, Time } from '../../../components/Time';
import type { AdminCityEvidenceQuery, SetCityIndicatorInput } from '../../../gql/graphql';
import { useMessages, type Language } from '../../../i18n';
import { formatNumber } from '../../../i18n/format';
import { indicatorName } from '../../pairing/NeedsEvidence';
import type { IndicatorDefinitionView } from '../../pairing/useReference';
import type { SectionProps } from './CityEvidencePage';
import { ConnectionPage, type PagePlace } from './ConnectionPage';
import { IndicatorHistory, SetIndicator } from './documents';
import { EvidenceForm, isYear, SourceField, sourceFits } from './EvidenceForm';
import { evidenceMessages, type EvidenceT } from './messages';

type Indicator = AdminCityEvidenceQuery['city']['indicators'][number];
type Definition = Indicator['definition'];
type Value = Indicator['value'];

/** A value as a person reads it: the number with its unit, yes or no, the category's name; "No figure" when there is none. */
export function valueText(definition: IndicatorDefinitionView | undefined, value: Value, t: EvidenceT, language: Language): string {
  if (!value.hasValue) return t('indicators.noValue');
  if (value.booleanValue !== null && value.booleanValue !== undefined) return value.booleanValue ? t('indicators.yes') : t('indicators.no');
  if (value.textValue !== null && value.textValue !== undefined) {
    const category = definition?.categories.find((c) => c.value === value.textValue);
    return category ? (language === 'ko' ? category.labelKo : category.labelEn) : value.textValue;
  }
  return quantityText(value.numberValue ?? 0, language === 'ko' ? definition?.unitKo : definition?.unitEn, language);
}

/** The city's figures, a form to record one, and the chosen indicator's earlier values. */
export function IndicatorsSection({ data, onSaved }: SectionProps) {
  const { t, language } = useMessages(evidenceMessages);
  const indicators = data.city.indicators;
  // Each indicator brings its own names, units and categories: nothing to show before they are known.
  const label = (key: string) => indicatorName(key, indicators.find((i) => i.key === key)?.definition, language);
  // The first indicator without a figure is the likeliest to be filled in next.
  const [key, setKey] = useState(() => (indicators.find((i) => !i.value.hasValue) ?? indicators[0])?.key ?? '');
  const chosen = indicators.find((i) => i.key === key) ?? indicators[0];
  return (
    <section aria-labelledby="city-indicators">
      <h2 id="city-indicators">{t('indicators.title')}</h2>
      <div className="admin-evidence__table" tabIndex={0} role="region" aria-label={t('indicators.table')}>
        <table>
          <caption className="visually-hidden">{t('indicators.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.indicator')}</th>
              <th scope="col">{t('indicators.value')}</th>
              <th scope="col">{t('indicators.asOf')}</th>
              <th scope="col">{t('indicators.source')}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((indicator) => (
              <tr key={indicator.key} data-indicator={indicator.key}>
                <th scope="row">{label(indicator.key)}</th>
                <td>{valueText(indicator.definition, indicator.value, t, language)}</td>
                <td>{indicator.asOf ? <CalendarDate value={indicator.asOf} /> : ''}</td>
                <td>{indicator.source ? <TypedText text={indicator.source} /> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosen && <IndicatorForm key={chosen.key} cityId={data.city.id} indicators={indicators} chosen={chosen} label={label} onChoose={setKey} onSaved={() => onSaved()} />}
      {chosen && (
        <section aria-labelledby="indicator-history">
          <h3 id="indicator-history">{t('indicators.history', { indicator: label(chosen.key) })}</h3>
          <Paged
            key={`${chosen.key}|${chosen.asOf}|${chosen.source}`}
            renderPage={(after, isLast, onMore) => (
              <HistoryPage key={after ?? 'first'} cityId={data.city.id} indicatorKey={chosen.key} definition={chosen.definition} place={{ after, isLast, onMore }} />
            )}
          />
        </section>
      )}
    </section>
  );
}

function IndicatorForm({
  cityId,
  indicators,
  chosen,
  label,
  onChoose,
  onSaved,
}: {
  cityId: string;
  indicators: Indicator[];
  chosen: Indicator;
  label: (key: string) => string;
  onChoose: (key: string) => void;
  onSaved: () => void;
}) {
  const { t, language } = useMessages(evidenceMessages);
  const definition = chosen.definition;
  const [value, setValue] = useState('');
  const [clear, setClear] = useState(false);
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [source, setSource] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, save] = useMutation(SetIndicator);

  const valueProblem = clear ? null : problemOfValue(definition, value, t, language);
  const problems = {
    value: valueProblem,
    year: isYear(year) ? null : t('indicators.invalid.year'),
    source: sourceFits(source) ? null : t('indicators.invalid.source'),
  };
  const show = (problem: string | null) => (touched ? problem : null);

  async function submit() {
    setTouched(true);
    if (problems.value || problems.year || problems.source) return;
    const input: SetCityIndicatorInput = { cityId, key: chosen.key, source: source.trim(), asOf: `${year.trim()}-12-31` };
    if (clear) input.clear = true;
    else if (definition.valueType === 'BOOLEAN') input.booleanValue = value === 'true';
    else if (definition.valueType === 'CATEGORY') input.textValue = value;
    else input.numberValue = Number(value.trim());
    const response = await save({ input });
    if (response.data) {
      setValue('');
      setSource('');
      setTouched(false);
      onSaved();
    }
  }

  const range =
    definition.minValue != null && definition.maxValue != null
      ? t('indicators.numberHintRange', { min: formatNumber(definition.minValue, language), max: formatNumber(definition.maxValue, language) })
      : t('indicators.numberHint');
  return (
    <EvidenceForm id="indicator-form" title={t('indicators.formTitle')} error={result.error} submit={t('indicators.submit')} busy={result.fetching} onSubmit={() => void submit()}>
      <Field
        label={t('indicators.pick')}
        render={(control) => (
          <select {...control} value={chosen.key} onChange={(e) => onChoose(e.target.value)}>
            {indicators.map((i) => (
              <option key={i.key} value={i.key}>
                {label(i.key)}
              </option>
            ))}
          </select>
        )}
      />
      {definition.valueType === 'NUMBER' && (
        <Field label={t('indicators.number')} hint={range} inputMode="decimal" disabled={clear} problem={show(problems.value)} value={value} onChange={(e) => setValue(e.target.value)} />
      )}
      {definition.valueType !== 'NUMBER' && (
        <Field
          label={definition.valueType === 'BOOLEAN' ? t('indicators.boolean') : t('indicators.category')}
          problem={show(problems.value)}
          render={(control) => (
            <select {...control} disabled={clear} value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="" />
              {definition.valueType === 'BOOLEAN' ? (
                <>
                  <option value="true">{t('indicators.yes')}</option>
                  <option value="false">{t('indicators.no')}</option>
                </>
              ) : (
                definition.categories.map((c) => (
                  <option key={c.value} value={c.value}>
                    {language === 'ko' ? c.labelKo : c.labelEn}
                  </option>
                ))
              )}
            </select>
          )}
        />
      )}
      <div className="field admin-evidence__check">
        <label>
          <input type="checkbox" checked={clear} onChange={(e) => setClear(e.target.checked)} /> {t('indicators.clear')}
        </label>
      </div>
      <Field label={t('indicators.year')} hint={t('indicators.yearHint')} inputMode="numeric" problem={show(problems.year)} value={year} onChange={(e) => setYear(e.target.value)} />
      <SourceField label={t('indicators.source')} hint={t('indicators.sourceHint')} problem={show(problems.source)} value={source} onChange={setSource} />
    </EvidenceForm>
  );
}

function problemOfValue(definition: Definition, value: string, t: EvidenceT, language: Language): string | null {
  if (definition.valueType !== 'NUMBER') return value ? null : t('indicators.invalid.choose');
  const text = value.trim();
  const number = Number(text);
  if (!text || !Number.isFinite(number)) return t('indicators.invalid.number');
  if (definition.integerOnly && !Number.isInteger(number)) return t('indicators.invalid.whole');
  if ((definition.minValue != null && number < definition.minValue) || (definition.maxValue != null && number > definition.maxValue)) {
    return t('indicators.invalid.range', { min: formatNumber(definition.minValue ?? 0, language), max: formatNumber(definition.maxValue ?? 0, language) });
  }
  return null;
}

function HistoryPage({ cityId, indicatorKey, definition, place }: { cityId: string; indicatorKey: string; definition: Definition; place: PagePlace }) {
  const { t, language } = useMessages(evidenceMessages);
  const query = useQuery({
    query: IndicatorHistory,
    variables: { cityId, key: indicatorKey, after: place.after },
    requestPolicy: 'cache-and-network',
  });
  return (
    <ConnectionPage
      query={query}
      pick={(d) => d.city.indicatorHistory ?? { totalCount: 0, pageInfo: { hasNextPage: false }, nodes: [] }}
      place={place}
      count={(count) => t('indicators.historyCount', { count, value: formatNumber(count, language) })}
      none={t('indicators.historyNone')}
      more={t('indicators.historyMore')}
      className="admin-evidence__history"
    >
      {(change) => (
        <li key={change.id}>
          <strong>
            {t('indicators.historyLine', { from: valueText(definition, change.oldValue, t, language), to: valueText(definition, change.newValue, t, language) })}
          </strong>{' '}
          · {t('indicators.asOf')} <CalendarDate value={change.asOf} /> · <TypedText text={change.source} /> · <Time value={change.changedAt} />
        </li>
      )}
    </ConnectionPage>
  );
}
