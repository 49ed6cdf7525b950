import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { SideBadge } from '../../components/StatusBadge';
import { graphql } from '../../gql';
import type { CityNeedFragment, NeedsPairFragment, WeightsInput } from '../../gql/graphql';
import { useMessages, type Language } from '../../i18n';
import { cityName } from '../../i18n/cities';
import { formatNumber } from '../../i18n/format';
import { ConfidenceMeter } from './Confidence';
import { pairingMessages, type PairingT } from './messages';
import { PairExplanation } from './PairExplanation';
import { points, type Pillar } from './shared';
import { useReference, type IndicatorDefinitionView } from './useReference';

const ExplorerNeeds = graphql(`
  query ExplorerNeeds($city: ID!, $profileId: ID, $weights: WeightsInput) {
    partnersNeedingEvidence(city: $city, pairs: 10, profileId: $profileId, weights: $weights) {
      pairCount
      pairs {
        ...NeedsPair
      }
      cities {
        ...CityNeed
      }
    }
  }
`);

/** The city's pairs that cannot be judged yet and what would let them be (one request, shared by everything that asks alike). */
export function usePartnerNeeds(cityId: string, profileId: string | null, weights: WeightsInput | null) {
  return useQuery({ query: ExplorerNeeds, variables: { city: cityId, profileId, weights } });
}

export type CityNeed = CityNeedFragment;
export type NeedsPair = NeedsPairFragment;

/** "0 of 8 figures known, 3 needed" (or without the minimum once it is met). */
export function figuresKnown(need: Pick<CityNeed, 'numericKnown' | 'numericWeighted' | 'numericMinimum'>, t: PairingT, language: Language): string {
  const values = {
    known: formatNumber(need.numericKnown, language),
    total: formatNumber(need.numericWeighted, language),
    minimum: formatNumber(need.numericMinimum, language),
  };
  return need.numericKnown < need.numericMinimum ? t('needs.figures', values) : t('needs.figuresEnough', values);
}

/** A city's gaps in a few words, most useful first: "5 figures, sector activity, a readiness assessment". */
export function gapSummary(need: CityNeed, t: PairingT, language: Language): string {
  const parts: Array<'figures' | 'sectors' | 'readiness'> = [];
  let figures = 0;
  for (const gap of need.gaps) {
    const part = gap.kind === 'INDICATOR' ? 'figures' : gap.kind === 'SECTORS' ? 'sectors' : 'readiness';
    if (part === 'figures') figures += 1;
    if (!parts.includes(part)) parts.push(part);
  }
  const words = parts.map((part) =>
    part === 'figures' ? t('needs.figureCount', { count: figures, value: formatNumber(figures, language) }) : part === 'sectors' ? t('needs.sectors') : t('needs.readiness'),
  );
  const more = need.gapCount - need.gaps.length;
  if (more > 0) words.push(t('needs.moreGaps', { count: more }));
  return words.join(', ');
}

export function indicatorName(key: string, definition: IndicatorDefinitionView | undefined, language: Language): string {
  // Until the definitions arrive, an ellipsis: a key (metroGovernance) is no word of either language.
  if (!definition) return '…';
  return language === 'ko' ? definition.labelKo : definition.labelEn;
}

/** One city's to-do: how many figures it reports, then each gap in words with how far it could lift a pair. */
export function CityToDo({ need, headingLevel = 3 }: { need: CityNeed; headingLevel?: 3 | 4 }) {
  const { t, language } = useMessages(pairingMessages);
  const { indicators } = useReference();
  const name = cityName(need.city, language);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const headingId = `needs-own-${need.cityId}`;

  // The gaps in their order (most useful first), the missing figures gathered where the first one falls.
  const items: Array<{ key: string; text: string; headroom: number | null }> = [];
  const figures: string[] = [];
  for (const gap of need.gaps) {
    if (gap.kind === 'INDICATOR') {
      if (figures.length === 0) items.push({ key: 'figures', text: '', headroom: null });
      figures.push(indicatorName(gap.indicator ?? '', indicators.get(gap.indicator ?? ''), language));
    } else {
      items.push({ key: gap.kind, text: gap.kind === 'SECTORS' ? t('needs.gapSectors') : t('needs.gapReadiness'), headroom: gap.headroom });
    }
  }
  const more = need.gapCount - need.gaps.length;
  return (
    <section aria-labelledby={headingId} className="needs-todo" data-city-id={need.cityId}>
      <Heading id={headingId}>{t('needs.ownTitle', { city: name })}</Heading>
      <p className="needs-todo__figures">{figuresKnown(need, t, language)}</p>
      <ul className="needs-gaps">
        {items.map((item) =>
          item.key === 'figures' ? (
            <li key="figures">{t('needs.gapFigures', { list: figures.join(', ') })}</li>
          ) : (
            <li key={item.key}>
              {item.text}{' '}
              {item.headroom !== null && item.headroom > 0 && (
                <span className="needs-upto">({t('needs.upTo', { value: points(item.headroom, language) })})</span>
              )}
            </li>
          ),
        )}
        {more > 0 && <li>{t('needs.moreGaps', { count: more })}</li>}
      </ul>
      {need.headroom > 0 && <p>{t('needs.headroom', { value: points(need.headroom, language) })}</p>}
    </section>
  );
}

/**
 * What would lift a pair: each of its two cities' gaps, "Changwon: 5 figures, sector activity; Liverpool: a readiness assessment"
 * (the city `lastId` names last: the one whose page this is).
 */
export function liftText(pair: NeedsPair, needs: Map<string, CityNeed>, t: PairingT, language: Language, lastId?: string): string {
  const lines: string[] = [];
  const sides: Array<[NeedsPair['cityA'], number]> = [
    [pair.cityA, pair.coverage.numericKnownA],
    [pair.cityB, pair.coverage.numericKnownB],
  ];
  if (lastId && pair.cityA.id === lastId) sides.reverse();
  for (const [city, known] of sides) {
    const need = needs.get(city.id);
    if (need) lines.push(t('needs.liftCity', { city: cityName(city, language), list: gapSummary(need, t, language) }));
    else if (known < pair.coverage.numericMinimum)
      lines.push(
        t('needs.liftCity', {
          city: cityName(city, language),
          list: figuresKnown({ numericKnown: known, numericWeighted: pair.coverage.numericWeighted, numericMinimum: pair.coverage.numericMinimum }, t, language),
        }),
      );
  }
  return lines.join('; ');
}

/** Beside the ranked partners: the picked city's own to-do, then its partners that cannot be judged yet and what would lift them. */
export function PartnerNeeds({
  city,
  profileId,
  weights,
  pillarWeights,
  hrefFor,
  headingId,
}: {
  city: { id: string; nameEn: string; nameKo: string };
  profileId: string | null;
  weights: WeightsInput | null;
  pillarWeights: Record<Pillar, number> | null;
  hrefFor: (id: string) => string;
  headingId: string;
}) {
  const { t, language } = useMessages(pairingMessages);
  const [{ data, error, fetching }, reexecute] = usePartnerNeeds(city.id, profileId, weights);
  const name = cityName(city, language);
  const result = data?.partnersNeedingEvidence;
  const needs = new Map((result?.cities ?? []).map((n) => [n.cityId, n]));
  const own = needs.get(city.id) ?? null;

  return (
    <section aria-labelledby={headingId} className="needs" id="explorer-needs" tabIndex={-1}>
      <h2 id={headingId}>{t('needs.title')}</h2>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {!data && fetching && <Loading />}
      {result && !own && result.pairCount === 0 && <p>{t('needs.nothing', { city: name })}</p>}
      {result && (own || result.pairCount > 0) && (
        <>
          <p>{t('needs.lead')}</p>
          {own ? <CityToDo need={own} /> : <p>{t('needs.ownNone', { city: name })}</p>}
          {result.pairCount === 0 ? (
            <p>{t('needs.allJudged', { city: name })}</p>
          ) : (
            <section aria-labelledby={`${headingId}-pairs`}>
              <h3 id={`${headingId}-pairs`}>{t('needs.pairsTitle')}</h3>
              <p>
                {t('needs.pairCount', { count: result.pairCount })}{' '}
                {result.pairs.length < result.pairCount && t('needs.shown', { shown: formatNumber(result.pairs.length, language) })}
              </p>
              <ul className="needs-pairs">
                {result.pairs.map((pair) => (
                  <UnjudgedPartner
                    key={pair.pairKey}
                    city={city}
                    pair={pair}
                    needs={needs}
                    hrefFor={hrefFor}
                    profileId={profileId}
                    weights={weights}
                    pillarWeights={pillarWeights}
                  />
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}

/** A partner that cannot be judged yet: where its ranking score is and could go, what would lift it, and its explanation on demand. */
function UnjudgedPartner({
  city,
  pair,
  needs,
  hrefFor,
  profileId,
  weights,
  pillarWeights,
}: {
  city: { id: string; nameEn: string; nameKo: string };
  pair: NeedsPair;
  needs: Map<string, CityNeed>;
  hrefFor: (id: string) => string;
  profileId: string | null;
  weights: WeightsInput | null;
  pillarWeights: Record<Pillar, number> | null;
}) {
  const { t, language } = useMessages(pairingMessages);
  const [open, setOpen] = useState(false);
  const partner = pair.cityA.id === city.id ? pair.cityB : pair.cityA;
  return (
    <li data-partner-id={partner.id}>
      <span className="needs-pairs__name">
        <Link to={hrefFor(partner.id)}>{cityName(partner, language)}</Link>{' '}
        <SideBadge countryCode={partner.countryCode}>{language === 'ko' ? partner.country.nameKo : partner.country.nameEn}</SideBadge>
      </span>
      <span className="needs-pairs__score">
        {t('needs.pairLine', { adjusted: points(pair.adjusted, language), potential: points(pair.potential, language) })}
      </span>
      <ConfidenceMeter label={pair.coverage.confidenceLabel} confidence={pair.coverage.confidence} />
      <span className="needs-pairs__lift">
        {t('needs.lift')} {liftText(pair, needs, t, language, city.id)}
      </span>
      <details className="explanation needs-pairs__why" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {t('explorer.why')}
          <span className="visually-hidden">: {t('pairs.pairName', { a: cityName(city, language), b: cityName(partner, language) })}</span>
        </summary>
        {open && <PairExplanation cityId={city.id} partnerId={partner.id} profileId={profileId} weights={weights} pillarWeights={pillarWeights} />}
      </details>
    </li>
  );
}
