import { useParams, useSearchParams } from 'react-router';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { pickText } from '../../i18n/format';
import { useMessages } from '../../i18n';
import { AssignedReviews, DecisionsList, MeetingsList } from './BoardLists';
import { boardMessages } from './messages';
import { useBoardFunds } from './shared';
import { MyReviewsLink } from './MyReviewsLink';
import { useAuth } from '../../auth/AuthProvider';

/** /board (or /funds/:fundId/board): the reviews assigned to me, my board's meetings and its decisions. */
export default function BoardPage() {
  const { t, language } = useMessages(boardMessages);
  usePageTitle(t('home.title'));
  const { funds, error, fetching, reexecute } = useBoardFunds();
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  // /funds/:fundId/board opens one fund's board; /board?fund=… chooses among several.
  const { fundId } = useParams();
  const fund = funds?.find((f) => f.id === (params.get('fund') ?? fundId)) ?? funds?.[0];

  return (
    <div className="page">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      {hasRole('BOARD_MEMBER') && <MyReviewsLink />}
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !funds && <Loading />}
      {funds && funds.length === 0 && <p className="notice notice--info">{t('home.notMember')}</p>}
      {funds && funds.length > 1 && fund && (
        <div className="toolbar">
          <Field
            label={t('home.fund')}
            render={(control) => (
              <select {...control} value={fund.id} onChange={(e) => setParams({ fund: e.target.value })}>
                {funds.map((f) => (
                  <option key={f.id} value={f.id}>
                    {pickText(f.name, language).text}
                  </option>
                ))}
              </select>
            )}
          />
        </div>
      )}
      {fund && (
        <>
          {funds && funds.length === 1 && <p className="muted">{pickText(fund.name, language).text}</p>}
          <section aria-labelledby="board-reviews">
            <h2 id="board-reviews">{t('home.reviews')}</h2>
            <AssignedReviews key={fund.id} fundId={fund.id} />
          </section>
          <section aria-labelledby="board-meetings">
            <h2 id="board-meetings">{t('home.meetings')}</h2>
            <MeetingsList key={fund.id} fundId={fund.id} />
          </section>
          <section aria-labelledby="board-decisions">
            <h2 id="board-decisions">{t('home.decisions')}</h2>
            <DecisionsList key={fund.id} fundId={fund.id} />
          </section>
        </>
      )}
    </div>
  );
}
