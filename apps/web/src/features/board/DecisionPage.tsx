import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { usePageTitle } from '../../components/Layout';
import { PageFrame } from '../../components/PageFrame';
import { LocalText } from '../../components/LocalText';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import { useMessages } from '../../i18n';
import { KR_ZONE, pickText, UK_ZONE } from '../../i18n/format';
import { boardMessages } from './messages';
import { decisionMessages } from './decision-messages';
import { cityLabel } from '../../i18n/cities';
import { useCityNames } from '../../hooks/useCityNames';
import { moneyText } from '../../i18n/money';

const BoardPublicDecision = graphql(`
  query BoardPublicDecision($id: ID!) {
    fundingDecision(id: $id) {
      id
      outcome
      cityIds
      applicationStatus
      decidedAt
      supersedesDecisionId
      supersededByDecisionId
      title {
        en
        ko
      }
      amounts {
        ...Amount
      }
      currentAward {
        ...Amount
      }
      rationale {
        en
        ko
      }
      conditions {
        en
        ko
      }
    }
  }
`);

/** /decisions/:id: the public record of a board decision, in the reader's language. */
export default function DecisionPage() {
  const { id = '' } = useParams();
  const { t, language } = useMessages(boardMessages);
  const { t: td } = useMessages(decisionMessages);
  const cities = useCityNames();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: BoardPublicDecision, variables: { id } });
  const decision = data?.fundingDecision;
  usePageTitle(decision ? `${td('record.title')}: ${pickText(decision.title, language).text}` : td('record.title'));

  return (
    <PageFrame
      data={decision}
      error={error}
      fetching={fetching}
      onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      notFound={{ title: td('record.title'), message: td('record.notFound'), notice: true, narrow: true }}
    >
      {(decision) => (
        <article aria-labelledby="decision-title">
          <p className="muted">{td('record.title')}</p>
          <h1 id="decision-title">
            <LocalText value={decision.title} />
          </h1>
          <p className="board-outcome" data-testid="decision-outcome">
            {t(`outcome.${decision.outcome}`)}
          </p>
          <dl className="board-meta">
            <dt>{td('record.cities')}</dt>
            <dd>{decision.cityIds.map((c) => cityLabel(c, cities, language)).join(' · ')}</dd>
            <dt>{td('record.award')}</dt>
            <dd data-testid="decision-award">{decision.amounts.length ? moneyText(decision.amounts, language) : td('record.noAward')}</dd>
            {decision.amounts.length > 0 && moneyText(decision.currentAward, language) !== moneyText(decision.amounts, language) && (
              <>
                <dt>{td('record.currentAward')}</dt>
                <dd>{decision.currentAward.length ? moneyText(decision.currentAward, language) : td('record.noAward')}</dd>
              </>
            )}
            <dt>{td('record.decided')}</dt>
            <dd>
              <Time value={decision.decidedAt} also={[UK_ZONE, KR_ZONE]} />
            </dd>
            <dt>{td('record.status')}</dt>
            <dd>{t(`status.${decision.applicationStatus}`)}</dd>
          </dl>
          {decision.conditions && (
            <section aria-labelledby="decision-conditions" data-testid="decision-conditions">
              <h2 id="decision-conditions">{td('record.conditions')}</h2>
              <LocalText as="p" value={decision.conditions} />
            </section>
          )}
          <h2>{td('record.rationale')}</h2>
          <LocalText as="p" value={decision.rationale} className="lead" />
          {decision.supersedesDecisionId && (
            <p>
              {td('record.supersedes')} <Link to={`/decisions/${decision.supersedesDecisionId}`}>{td('record.earlier')}</Link>
            </p>
          )}
          {decision.supersededByDecisionId && (
            <p className="notice notice--info">
              {td('record.supersededBy')} <Link to={`/decisions/${decision.supersededByDecisionId}`}>{td('record.later')}</Link>
            </p>
          )}
          <p className="muted">{td('record.note')}</p>
        </article>
      )}
    </PageFrame>
  );
}
