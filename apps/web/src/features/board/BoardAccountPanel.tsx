import { Link } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LocalText } from '../../components/LocalText';
import { useMessages } from '../../i18n';
import { AssignedReviews, MeetingsList } from './BoardLists';
import { boardMessages } from './messages';
import { useBoardFunds } from './shared';
import { MyReviewsLink } from './MyReviewsLink';

/** The account page's board panel: reviews assigned to me and my boards' upcoming meetings. Only for board members. */
export function BoardAccountPanel() {
  const { hasRole } = useAuth();
  if (!hasRole('BOARD_MEMBER')) return null;
  return <Panel />;
}

function Panel() {
  const { t } = useMessages(boardMessages);
  const { funds, error, reexecute } = useBoardFunds();
  // Admins see every fund on the board pages; the panel lists only the boards one sits on.
  const mine = funds ?? [];
  return (
    <section className="board-panel" aria-labelledby="board-panel-title">
      <h2 id="board-panel-title">{t('panel.title')}</h2>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      <MyReviewsLink />
      {mine.map((fund) => (
        <div key={fund.id}>
          {mine.length > 1 && <LocalText as="p" className="muted" value={fund.name} />}
          <div className="columns">
            <div>
              <h3>{t('panel.reviews')}</h3>
              <AssignedReviews fundId={fund.id} />
            </div>
            <div>
              <h3>{t('panel.meetings')}</h3>
              <MeetingsList fundId={fund.id} upcomingOnly />
            </div>
          </div>
        </div>
      ))}
      <p>
        <Link to="/board" className="button button--secondary">
          {t('panel.open')}
        </Link>
      </p>
    </section>
  );
}
