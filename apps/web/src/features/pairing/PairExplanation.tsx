import { useQueryInLanguage } from '../../api/query';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { LocalText } from '../../components/LocalText';
import { graphql } from '../../gql';
import type { ExplorerPairScoreQuery, WeightsInput } from '../../gql/graphql';
import { useMessages } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { explanationMessages } from './explanation-messages';
import { pairingMessages } from './messages';
import { cityLabel, cityName } from '../../i18n/cities';
import { useCityNames } from '../../hooks/useCityNames';
import { ConfidenceMeter } from './Confidence';
import { PILLARS, points, starGlyphs, type Pillar } from './shared';
import { useReference } from './useReference';
import { levelKey, linkKind, rawValue, similarityNeeds } from './explanation-words';
import { sectorLabel } from '../../hooks/useSectorNames';

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
          summary {
            en
            ko
          }
          since
          partners
          live
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
  const { t, language } = useMessages(explanationMessages);
  const { t: tp } = useMessages(pairingMessages);
  const reference = useReference();
  const names = useCityNames();
  const [{ data, error, fetching }, reexecute] = useQueryInLanguage({
    query: ExplorerPairScore,
    variables: { cityA: cityId, cityB: partnerId, profileId, weights },
  });
  if (!data) return fetching ? <Loading /> : <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;

  const { score, explanation } = data.pairScore;
  const nameA = cityName(score.cityA, language);
  const nameB = cityName(score.cityB, language);
  const sectorName = (key: string) => sectorLabel(reference.sectors, key, language);
  const list = (items: string[]) => items.join(language === 'ko' ? ', ' : ', ');

  return (
    <div className="explanation__body">
      <p className="explanation__scores">
        {t('explanation.scores', {
          adjusted: points(score.adjusted, language),
          overall: points(score.overall, language),
          stars: tp('stars', { count: score.overallStars }),
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
                  <th scope="row">{tp(`pillar.${pillar}`)}</th>
                  <td className="num">{p.score === null || p.score === undefined ? tp('noData') : tp('score', { value: points(p.score, language) })}</td>
                  <td>
                    {p.stars ? (
                      <>
                        <span aria-hidden="true" className="partner-card__stars">
                          {starGlyphs(p.stars)}
                        </span>{' '}
                        <span className="visually-hidden">{tp('stars', { count: p.stars })}</span>
                      </>
                    ) : (
                      tp('starsNone')
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
            return (
              <li key={link.id} className={link.live ? undefined : 'explanation__history'} data-live={link.live}>
                <LocalText value={link.summary} />
                <br />
                <small>
                  {t('explanation.link', { formality: link.formality, kind: linkKind(link.kind, language) })}
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
        <ChangeList title={t('explanation.raiseTitle')} changes={explanation.wouldRaise} />
        <ChangeList title={t('explanation.lowerTitle')} changes={explanation.wouldLower} />
      </div>
      <p className="muted">
        <small>{t('explanation.sourceNote')}</small>
      </p>
    </div>
  );
}

/** The changes of evidence that would move the score, as the API says them in the page's language. */
function ChangeList({ title, changes }: { title: string; changes: Change[] }) {
  const { t, language } = useMessages(explanationMessages);
  return (
    <section>
      <h4>{title}</h4>
      {changes.length === 0 ? (
        <p>{t('explanation.noChanges')}</p>
      ) : (
        <ul>
          {changes.map((change) => {
            return (
              <li key={change.id}>
                {change.description}{' '}
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

/** Where a city stands on an indicator against its own country's leader, naming the leader: "40% of Korea's leader, Ulsan". */
function LeaderNote({ relative, leader, city, names }: { relative: number | null | undefined; leader: { cityId: string } | null | undefined; city: Side; names: Names }) {
  const { t, language } = useMessages(explanationMessages);
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
