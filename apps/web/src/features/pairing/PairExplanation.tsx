import { quantityText } from '@app/rules';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { graphql } from '../../gql';
import type { ExplorerPairScoreQuery, WeightsInput } from '../../gql/graphql';
import { useMessages, type Language } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { pairingMessages, type PairingT } from './messages';
import { cityLabel, cityName, type CityNames } from '../../i18n/cities';
import { useCityNames } from '../../hooks/useCityNames';
import { ConfidenceMeter } from './Confidence';
import { PILLARS, points, starGlyphs, type Pillar } from './shared';
import { useReference, type IndicatorDefinitionView, type SectorView } from './useReference';

const ExplorerPairScore = graphql(`
  query ExplorerPairScore($cityA: ID!, $cityB: ID!, $profileId: ID, $weights: WeightsInput) {
    pairScore(cityA: $cityA, cityB: $cityB, profileId: $profileId, weights: $weights) {
      profile
      score {
        cityA {
          ...CityWithCountry
        }
        cityB {
          ...CityWithCountry
        }
        ...ScoreEvidence
        ...PillarScores
        coverage {
          indicatorsUsed
          indicatorsWeighted
          sectorsCompared
          assessments
          links
        }
      }
      explanation {
        indicators {
          key
          label
          rawA
          rawB
          relativeA
          relativeB
          difference
          contribution
          weight
          used
          missing
          numeric
          leaderA {
            cityId
          }
          leaderB {
            cityId
          }
        }
        readinessA {
          composite
          strategy
          visibleHome
          networks
          collaboration
        }
        readinessB {
          composite
          strategy
          visibleHome
          networks
          collaboration
        }
        sharedSectors {
          sector
          label
          levelA
          levelB
          projectsA {
            title
          }
          projectsB {
            title
          }
        }
        sectorsOnlyA
        sectorsOnlyB
        links {
          id
          formality
          kind
          summary
          since
          partners
          live
          provenance {
            source
          }
        }
        wouldRaise {
          id
          pillar
          description
          delta
          adjusted
        }
        wouldLower {
          id
          pillar
          description
          delta
          adjusted
        }
      }
    }
  }
`);

type Detail = ExplorerPairScoreQuery['pairScore'];
type Change = Detail['explanation']['wouldRaise'][number];
type Side = Detail['score']['cityA'];
type Names = ReturnType<typeof useCityNames>;

/** Why a pair scores as it does: pillar by pillar, the evidence, and what would change it most. */
export function PairExplanation({
  cityId,
  partnerId,
  profileId,
  weights,
  pillarWeights,
}: {
  cityId: string;
  partnerId: string;
  profileId: string | null;
  weights: WeightsInput | null;
  pillarWeights: Record<Pillar, number> | null;
}) {
  const { t, language } = useMessages(pairingMessages);
  const reference = useReference();
  const names = useCityNames();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: ExplorerPairScore,
    variables: { cityA: cityId, cityB: partnerId, profileId, weights },
  });
  if (!data) return fetching ? <Loading /> : <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;

  const { score, explanation } = data.pairScore;
  const nameA = cityName(score.cityA, language);
  const nameB = cityName(score.cityB, language);
  const sectorName = (key: string) => sectorLabel(reference.sectors.get(key), key, language);
  const list = (items: string[]) => items.join(language === 'ko' ? ', ' : ', ');

  return (
    <div className="explanation__body">
      <p className="explanation__scores">
        {t('explanation.scores', {
          adjusted: points(score.adjusted, language),
          overall: points(score.overall, language),
          stars: t('stars', { count: score.overallStars }),
        })}{' '}
        {!score.judged && `${t('explanation.notJudged')} `}
        {score.coverage.confidence >= 0.9995 ? t('explanation.complete') : t('explanation.potential', { potential: points(score.potential, language) })}
      </p>
      <p>
        {t('explanation.summary', {
          used: score.coverage.indicatorsUsed,
          weighted: score.coverage.indicatorsWeighted,
          sectors: score.coverage.sectorsCompared,
          assessments: score.coverage.assessments,
          links: score.coverage.links,
        })}{' '}
        <ConfidenceMeter label={score.coverage.confidenceLabel} confidence={score.coverage.confidence} />
      </p>

      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('explanation.pillarTable')}>
        <table>
          <caption className="visually-hidden">{t('explanation.pillarTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('explanation.col.pillar')}</th>
              <th scope="col" className="num">
                {t('explanation.col.score')}
              </th>
              <th scope="col">{t('explanation.col.stars')}</th>
              {pillarWeights && (
                <th scope="col" className="num">
                  {t('explanation.col.weight')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {PILLARS.map((pillar) => {
              const p = score[pillar];
              return (
                <tr key={pillar}>
                  <th scope="row">{t(`pillar.${pillar}`)}</th>
                  <td className="num">{p.score === null || p.score === undefined ? t('noData') : t('score', { value: points(p.score, language) })}</td>
                  <td>
                    {p.stars ? (
                      <>
                        <span aria-hidden="true" className="partner-card__stars">
                          {starGlyphs(p.stars)}
                        </span>{' '}
                        <span className="visually-hidden">{t('stars', { count: p.stars })}</span>
                      </>
                    ) : (
                      t('starsNone')
                    )}
                  </td>
                  {pillarWeights && <td className="num">{formatNumber(pillarWeights[pillar], language)}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h4>{t('explanation.similarityTitle')}</h4>
      {(score.similarity.score === null || score.similarity.score === undefined) && (
        <div className="notice notice--info explanation__missing">
          <p>{t('explanation.similarityMissing', { minimum: formatNumber(score.coverage.numericMinimum, language) })}</p>
          {similarityNeeds(score, t, language).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      <p className="muted">{t('explanation.similarityLead')}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('explanation.similarityTitle')}>
        <table>
          <caption className="visually-hidden">{t('explanation.similarityTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('explanation.indicatorCol.indicator')}</th>
              <th scope="col">{nameA}</th>
              <th scope="col">{nameB}</th>
              <th scope="col" className="num">
                {t('explanation.indicatorCol.gap')}
              </th>
              <th scope="col" className="num">
                {t('explanation.indicatorCol.weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {byGap(explanation.indicators).map((row) => {
              const definition = reference.indicators.get(row.key);
              const label = definition ? (language === 'ko' ? definition.labelKo : definition.labelEn) : row.label;
              return (
                <tr key={row.key}>
                  <th scope="row">{label}</th>
                  <td>
                    {rawValue(row.rawA, definition, language, t)}
                    <LeaderNote relative={row.relativeA} leader={row.leaderA} city={score.cityA} names={names} />
                  </td>
                  <td>
                    {rawValue(row.rawB, definition, language, t)}
                    <LeaderNote relative={row.relativeB} leader={row.leaderB} city={score.cityB} names={names} />
                  </td>
                  <td className="num">
                    {row.used && row.difference !== null && row.difference !== undefined
                      ? t('explanation.gap', { count: Math.round(row.difference * 100), value: formatNumber(Math.round(row.difference * 100), language) })
                      : t('explanation.notUsed', { who: row.missing === 'a' ? nameA : row.missing === 'b' ? nameB : t('explanation.both') })}
                  </td>
                  <td className="num">{formatNumber(row.weight, language)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h4>{t('explanation.readinessTitle')}</h4>
      <ul>
        {(
          [
            [nameA, explanation.readinessA],
            [nameB, explanation.readinessB],
          ] as const
        ).map(([city, readiness]) => (
          <li key={city}>
            {readiness
              ? t('explanation.readinessScore', { city, value: readiness.composite, ...readiness })
              : t('explanation.readinessMissing', { city })}
          </li>
        ))}
      </ul>

      <h4>{t('explanation.synergyTitle')}</h4>
      {explanation.sharedSectors.length === 0 ? (
        <p>{t('explanation.noShared')}</p>
      ) : (
        <ul>
          {explanation.sharedSectors.map((s) => (
            <li key={s.sector}>
              <strong>{sectorName(s.sector)}</strong>
              <br />
              {t('explanation.sectorLine', { city: nameA, level: t(`explanation.level.${levelKey(s.levelA)}`) })}
              {s.projectsA.length > 0 && (
                <>
                  {' · '}
                  {t('explanation.projects')}{' '}
                  <span lang="en">{list(s.projectsA.map((p) => p.title))}</span>
                </>
              )}
              <br />
              {t('explanation.sectorLine', { city: nameB, level: t(`explanation.level.${levelKey(s.levelB)}`) })}
              {s.projectsB.length > 0 && (
                <>
                  {' · '}
                  {t('explanation.projects')}{' '}
                  <span lang="en">{list(s.projectsB.map((p) => p.title))}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {explanation.sectorsOnlyA.length > 0 && <p>{t('explanation.onlyIn', { city: nameA, list: list(explanation.sectorsOnlyA.map(sectorName)) })}</p>}
      {explanation.sectorsOnlyB.length > 0 && <p>{t('explanation.onlyIn', { city: nameB, list: list(explanation.sectorsOnlyB.map(sectorName)) })}</p>}

      <h4>{t('explanation.relationshipTitle')}</h4>
      {explanation.links.length === 0 ? (
        <p>{t('explanation.noLinks')}</p>
      ) : (
        <ul>
          {explanation.links.map((link) => {
            const platform = platformLink(link.provenance.source, link.kind, t);
            return (
              <li key={link.id} className={link.live ? undefined : 'explanation__history'} data-live={link.live}>
                {platform ? <span>{platform}</span> : <span lang={language === 'en' ? undefined : 'en'}>{link.summary}</span>}
                <br />
                <small>
                  {t('explanation.link', { formality: link.formality, kind: linkKind(link.kind, t) })}
                  {link.since ? ` · ${t('explanation.since', { year: link.since })}` : ''}
                </small>
                {!link.live && (
                  <>
                    {' '}
                    <span className="badge explanation__history-badge">{t('explanation.history')}</span>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <p className="muted explanation__changes-note">{t('explanation.changesNote')}</p>
      <div className="columns">
        <ChangeList title={t('explanation.raiseTitle')} changes={explanation.wouldRaise} detail={data.pairScore} reference={reference.indicators} sectors={reference.sectors} />
        <ChangeList title={t('explanation.lowerTitle')} changes={explanation.wouldLower} detail={data.pairScore} reference={reference.indicators} sectors={reference.sectors} />
      </div>
      <p className="muted">
        <small>{t('explanation.sourceNote')}</small>
      </p>
    </div>
  );
}

function ChangeList({
  title,
  changes,
  detail,
  reference,
  sectors,
}: {
  title: string;
  changes: Change[];
  detail: Detail;
  reference: Map<string, IndicatorDefinitionView>;
  sectors: Map<string, SectorView>;
}) {
  const { t, language } = useMessages(pairingMessages);
  return (
    <section>
      <h4>{title}</h4>
      {changes.length === 0 ? (
        <p>{t('explanation.noChanges')}</p>
      ) : (
        <ul>
          {changes.map((change) => {
            const text = describeChange(change, detail, language, t, reference, sectors);
            return (
              <li key={change.id}>
                <span lang={text.lang !== language ? text.lang : undefined}>{text.text}</span>{' '}
                <span className={change.delta >= 0 ? 'delta--up' : 'delta--down'}>
                  (
                  {t('explanation.delta', {
                    sign: change.delta >= 0 ? '+' : '−',
                    value: formatNumber(Math.abs(Math.round(change.delta * 100)), language),
                    adjusted: points(change.adjusted, language),
                  })}
                  )
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The indicators that set the two cities furthest apart first; those not used last. */
function byGap<T extends { used: boolean; contribution: number; key: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((x, y) => Number(y.used) - Number(x.used) || y.contribution - x.contribution || x.key.localeCompare(y.key));
}

const LINK_KINDS = ['research', 'city-to-city', 'business-to-government', 'business-to-research', 'joint-project'] as const;
function linkKind(kind: string, t: PairingT): string {
  const known = LINK_KINDS.find((k) => k === kind);
  return known ? t(`explanation.linkKind.${known}`) : kind;
}

/**
 * The platform's own links (its twinnings and joint projects) in the reader's
 * words, from the event their source records ("Innovation Twins platform:
 * twinning accepted 2026-03-02"); null for a link people entered, whose
 * summary is shown as written.
 */
const PLATFORM_EVENTS: Record<string, 'proposed' | 'active' | 'dormant' | 'declined' | 'withdrawn' | 'closed' | 'projectOpen' | 'projectClosed'> = {
  'twinning proposed': 'proposed',
  'twinning accepted': 'active',
  'twinning active again': 'active',
  'twinning dormant': 'dormant',
  'twinning declined': 'declined',
  'twinning proposal withdrawn': 'withdrawn',
  'twinning closed': 'closed',
  'joint project started': 'projectOpen',
  'joint project reopened': 'projectOpen',
  'joint project closed': 'projectClosed',
};
function platformLink(source: string, kind: string, t: PairingT): string | null {
  const match = /^Innovation Twins platform: (.+?) \d{4}-\d{2}-\d{2}$/.exec(source);
  const event = match ? PLATFORM_EVENTS[match[1]] : undefined;
  if (!event) return null;
  if ((kind === 'joint-project') !== event.startsWith('project')) return null;
  return t(`explanation.platformLink.${event}`);
}

/** Where a city stands on an indicator against its own country's leader, naming the leader: "40% of Korea's leader, Ulsan". */
function LeaderNote({ relative, leader, city, names }: { relative: number | null | undefined; leader: { cityId: string } | null | undefined; city: Side; names: Names }) {
  const { t, language } = useMessages(pairingMessages);
  if (!leader || relative === null || relative === undefined) return null;
  const country = city.countryCode === 'GB' || city.countryCode === 'KR' ? city.countryCode : 'other';
  const text =
    leader.cityId === city.id
      ? t(`explanation.isLeader.${country}`)
      : t(`explanation.leader.${country}`, { value: formatNumber(Math.round(relative * 100), language), leader: cityLabel(leader.cityId, names, language) });
  return (
    <>
      <br />
      <small className="leader-note">{text}</small>
    </>
  );
}

/** Why similarity has no score: who lacks how many figures, or how few both know. */
function similarityNeeds(score: Detail['score'], t: PairingT, language: Language): string[] {
  const { numericKnownA, numericKnownB, numericMinimum, numericWeighted, numericUsed } = score.coverage;
  const lines: string[] = [];
  for (const [city, known] of [
    [score.cityA, numericKnownA],
    [score.cityB, numericKnownB],
  ] as const) {
    if (known < numericMinimum)
      lines.push(
        t('explanation.needsFigures', {
          city: cityName(city, language),
          known: formatNumber(known, language),
          total: formatNumber(numericWeighted, language),
          minimum: formatNumber(numericMinimum, language),
        }),
      );
  }
  if (lines.length === 0 && numericUsed < numericMinimum)
    lines.push(t('explanation.needsCommon', { used: formatNumber(numericUsed, language), minimum: formatNumber(numericMinimum, language) }));
  return lines;
}

/** 1 live infrastructure or a testbed, 2 a business-cluster priority, 3 both. */
const levelKey = (level: number) => (level >= 3 ? 'both' : level === 2 ? 'cluster' : 'live') as 'live' | 'cluster' | 'both';

function sectorLabel(sector: SectorView | undefined, key: string, language: Language): string {
  // Until the sectors' names arrive, an ellipsis: a key (ar_vr) is no word of either language.
  if (!sector) return '…';
  return language === 'ko' ? sector.nameKo : sector.nameEn;
}

function rawValue(raw: string | null | undefined, definition: IndicatorDefinitionView | undefined, language: Language, t: PairingT): string {
  if (raw === null || raw === undefined || raw === '') return t('explanation.notReported');
  if (definition?.valueType === 'BOOLEAN') return raw === 'true' ? t('explanation.yes') : t('explanation.no');
  if (definition?.valueType === 'CATEGORY') {
    const category = definition.categories.find((c) => c.value === raw);
    return category ? (language === 'ko' ? category.labelKo : category.labelEn) : raw;
  }
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return quantityText(n, language === 'ko' ? definition?.unitKo : definition?.unitEn, language);
}

/**
 * A change of evidence in the reader's language. The API words it in
 * English; for Korean it is rewritten from its stable id (e.g.
 * `add-sector:iot:busan`), or shown in English when the id is not one we know.
 */
function describeChange(
  change: Change,
  detail: Detail,
  language: Language,
  t: PairingT,
  indicators: Map<string, IndicatorDefinitionView>,
  sectors: Map<string, SectorView>,
): { text: string; lang: Language } {
  if (language === 'en') return { text: change.description, lang: 'en' };
  const a: CityNames & { id: string } = detail.score.cityA;
  const b: CityNames & { id: string } = detail.score.cityB;
  const name = (id: string) => cityName(id === a.id ? a : id === b.id ? b : null, language) || id;
  const other = (id: string) => name(id === a.id ? b.id : a.id);
  const indicator = (key: string) => indicators.get(key)?.labelKo ?? key;
  const sector = (key: string) => sectorLabel(sectors.get(key), key, language);
  const parts = change.id.split(':');
  const kind = parts[0];
  const known = (cityId: string | undefined) => cityId === a.id || cityId === b.id;
  const readinessParts = ['strategy', 'visibleHome', 'networks', 'collaboration'] as const;
  type Part = (typeof readinessParts)[number];
  const isPart = (p: string | undefined): p is Part => readinessParts.includes(p as Part);
  const ko = (text: string) => ({ text, lang: 'ko' as const });

  switch (kind) {
    case 'fill':
      if (known(parts[2])) return ko(t('explanation.cf.fill', { city: name(parts[2]), other: other(parts[2]), indicator: indicator(parts[1]) }));
      break;
    case 'fill-all':
      if (known(parts[1])) {
        // The figures one city lacks and the other has: those the change fills.
        const side = parts[1] === a.id ? 'a' : 'b';
        const count = detail.explanation.indicators.filter((i) => (side === 'a' ? !i.rawA && !!i.rawB : !i.rawB && !!i.rawA)).length;
        return ko(t('explanation.cf.fillAll', { count, city: name(parts[1]), other: other(parts[1]) }));
      }
      break;
    case 'record-sectors':
      if (known(parts[1])) return ko(t('explanation.cf.recordSectors', { city: name(parts[1]), other: other(parts[1]) }));
      break;
    case 'narrow-gap': {
      const row = detail.explanation.indicators.find((i) => i.key === parts[1]);
      if (row && row.relativeA !== null && row.relativeA !== undefined && row.relativeB !== null && row.relativeB !== undefined) {
        const low = row.relativeA <= row.relativeB ? a.id : b.id;
        return ko(t('explanation.cf.narrowGap', { city: name(low), indicator: indicator(parts[1]) }));
      }
      break;
    }
    case 'widen-gap':
      return ko(t('explanation.cf.widenGap', { indicator: indicator(parts[1]) }));
    case 'assess-readiness':
      if (known(parts[1])) return ko(t('explanation.cf.assessReadiness', { city: name(parts[1]), other: other(parts[1]) }));
      break;
    case 'readiness-up':
    case 'readiness-down':
      if (isPart(parts[1]) && known(parts[2])) {
        const key = kind === 'readiness-up' ? 'explanation.cf.readinessUp' : 'explanation.cf.readinessDown';
        return ko(t(key, { city: name(parts[2]), part: t(`explanation.readinessPart.${parts[1]}`) }));
      }
      break;
    case 'add-sector':
    case 'upgrade-sector':
    case 'drop-sector':
      if (known(parts[2])) {
        const key = kind === 'add-sector' ? 'explanation.cf.addSector' : kind === 'upgrade-sector' ? 'explanation.cf.upgradeSector' : 'explanation.cf.dropSector';
        return ko(t(key, { city: name(parts[2]), other: other(parts[2]), sector: sector(parts[1]) }));
      }
      break;
    case 'add-link':
      return ko(t(parts[1] === '4' ? 'explanation.cf.addLink4' : 'explanation.cf.addLink3', { a: name(a.id), b: name(b.id) }));
    case 'remove-link':
      return ko(t('explanation.cf.removeLink', { a: name(a.id), b: name(b.id) }));
  }
  return { text: change.description, lang: 'en' };
}
