import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { BilingualField, bilingualInput, bilingualProblem, TITLE_MAX, type Bilingual } from '../../../components/BilingualField';
import { Field } from '../../../components/Field';
import { UK_ZONE } from '../../../i18n/format';
import { formMessages } from '../../../i18n/forms';
import { useMessages } from '../../../i18n';
import { instantToLocal, localToInstant } from '../../events/eventRules';
import { MeetingsList } from '../../board/BoardLists';
import { AdminCreateMeeting } from './documents';
import { adminFundMessages } from './messages';
import { BothZonesPreview, FundsError, useFund, ZoneChoice } from './shared';
import { useAnnouncer } from '../../../components/useAnnouncer';

/**
 * /admin/funds/:id/meetings: the board's meetings, each opening the board's
 * own meeting page (/board/meetings/:id), where admins set the agenda and
 * record decisions; and calling a new meeting.
 */
export default function FundMeetingsPage() {
  const fund = useFund();
  const { t } = useMessages(adminFundMessages);
  const [version, setVersion] = useState(0);
  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{t('meetings.title')}</h2>
      <p>{t('meetings.intro')}</p>
      <MeetingsList key={version} fundId={fund.id} />
      <CreateMeeting fundId={fund.id} onCreated={() => setVersion((v) => v + 1)} />
    </section>
  );
}

const EMPTY: Bilingual = { en: '', ko: '' };

function CreateMeeting({ fundId, onCreated }: { fundId: string; onCreated: () => void }) {
  const { t } = useMessages(adminFundMessages);
  const { t: tForm } = useMessages(formMessages);
  const [title, setTitle] = useState(EMPTY);
  const [zone, setZone] = useState(UK_ZONE);
  const [startsLocal, setStartsLocal] = useState('');
  const [location, setLocation] = useState('');
  const [tried, setTried] = useState(false);
  const [result, create] = useMutation(AdminCreateMeeting);
  const { line, announce } = useAnnouncer();
  const startsAt = localToInstant(startsLocal, zone);
  const titleProblem = bilingualProblem(title, TITLE_MAX, tForm);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (titleProblem || !startsAt) return;
    const { data } = await create({ input: { fundId, title: bilingualInput(title), startsAt, location: location.trim() || undefined } });
    if (data) {
      setTitle(EMPTY);
      setStartsLocal('');
      setLocation('');
      setTried(false);
      announce(t('meetings.created'));
      onCreated();
    }
  }
  return (
    <section className="panel" aria-labelledby="create-meeting">
      <h3 id="create-meeting">{t('meetings.create')}</h3>
      <form className="form" onSubmit={submit} noValidate>
        <BilingualField label={t('meetings.name')} value={title} onChange={setTitle} problem={tried ? titleProblem : null} maxLength={TITLE_MAX} />
        <ZoneChoice
          label={t('meetings.zone')}
          value={zone}
          onChange={(next) => {
            setZone(next);
            setStartsLocal(instantToLocal(startsAt, next));
          }}
        />
        <Field label={t('meetings.startsAt')} type="datetime-local" value={startsLocal} onChange={(e) => setStartsLocal(e.target.value)} problem={tried && !startsAt ? t('call.problems.when') : null} />
        <BothZonesPreview label={t('meetings.inBothZones')} times={[{ label: t('meetings.startsAt'), value: startsAt }]} />
        <Field label={t('meetings.location')} value={location} maxLength={500} onChange={(e) => setLocation(e.target.value)} />
        <FundsError error={result.error} />
        <div>
          <button type="submit" className="button button--primary" disabled={result.fetching}>
            {t('meetings.submit')}
          </button>
        </div>
        {line}
      </form>
    </section>
  );
}
