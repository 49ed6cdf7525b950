import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { usePageTitle } from '../../../components/Layout';
import { LocalText } from '../../../components/LocalText';
import { PageFrame } from '../../../components/PageFrame';
import { useCityNames } from '../../../hooks/useCityNames';
import { useMessages } from '../../../i18n';
import { cityLabel } from '../../../i18n/cities';
import { pickText } from '../../../i18n/format';
import { ApplicationReadOnly } from '../../funding/ApplicationReadOnly';
import { ApplicationHistory } from '../../funding/ApplicationHistory';
import { ApplicationStatus } from '../../funding/ApplicationStatus';
import { sidesOf } from '../../funding/documents';
import { AdminApplication, AdminApplicationSides, type AdminApplicationData } from './documents';
import { AwardPanel } from './AwardPanel';
import { EligibilityPanel } from './EligibilityPanel';
import { adminApplicationMessages } from './messages';
import { ReviewersPanel } from './ReviewersPanel';
import { waitsFor } from './waits';
import '../../../components/panels.css';
import './applications.css';

/** /admin/applications/:id: one application as the secretariat sees it, with its eligibility, reviewers, decision and award, and its history. */
export default function AdminApplicationPage() {
  const { id = '' } = useParams();
  const { t, language } = useMessages(adminApplicationMessages);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: AdminApplication, variables: { id } });
  const application = data?.fundApplication;
  usePageTitle(application ? pickText(application.title, language).text : t('list.title'));
  const [done, setDone] = useState('');
  const doneRef = useRef<HTMLParagraphElement>(null);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const announce = (text: string) => {
    setDone(text);
    refresh();
    setTimeout(() => doneRef.current?.focus(), 0);
  };
  return (
    <PageFrame
      data={application}
      error={error}
      fetching={fetching}
      onRetry={refresh}
      back={{ to: '/admin/applications', label: `← ${t('detail.back')}` }}
      notFound={{ title: t('list.title'), message: t('detail.notFound'), back: { to: '/admin/applications', label: t('detail.back') }, notice: true }}
    >
      {(application) => (
        <div className="admin-application">
          <h1>
            <LocalText value={application.title} /> <ApplicationStatus status={application.status} />
          </h1>
          <p ref={doneRef} tabIndex={-1} role="status" className="notice notice--success" hidden={!done}>
            {done}
          </p>
          <Overview application={application} />
          <EligibilityPanel application={application} onDone={announce} />
          <ReviewersPanel application={application} onDone={announce} />
          <AwardPanel application={application} onDone={announce} />
          <Content application={application} />
          <ApplicationHistory steps={application.transitions} heading={t('detail.history')} />
        </div>
      )}
    </PageFrame>
  );
}

function Overview({ application }: { application: AdminApplicationData }) {
  const { t, language } = useMessages(adminApplicationMessages);
  const cityNames = useCityNames();
  return (
    <dl className="meta">
      <dt>{t('detail.waitsFor')}</dt>
      <dd>{waitsFor(application, t)}</dd>
      <dt>{t('detail.cities')}</dt>
      <dd>{application.cityIds.map((c) => cityLabel(c, cityNames, language)).join(' · ')}</dd>
      <dt>{t('detail.fund')}</dt>
      <dd>
        <LocalText value={application.fund.name} />
      </dd>
      <dt>{t('detail.call')}</dt>
      <dd>
        <LocalText value={application.call.title} />
      </dd>
      <dt>{t('detail.project')}</dt>
      <dd>
        <Link to={`/projects/${application.projectId}`}>{t('detail.openProject')}</Link> · <Link to={`/admin/applications?project=${application.projectId}`}>{t('list.project')}</Link>
      </dd>
      <dt>{t('detail.boardView')}</dt>
      <dd>
        <Link to={`/board/applications/${application.id}`}>{pickText(application.title, language).text}</Link>
      </dd>
    </dl>
  );
}

/** What the applicants wrote, as they and the board read it, with each side's budget in its currency. */
function Content({ application }: { application: AdminApplicationData }) {
  const [a = '', b = ''] = application.cityIds;
  const [{ data }] = useQuery({ query: AdminApplicationSides, variables: { a, b }, pause: !a || !b });
  if (!data) return null;
  return <ApplicationReadOnly application={application} sides={sidesOf([data.a, data.b])} />;
}
