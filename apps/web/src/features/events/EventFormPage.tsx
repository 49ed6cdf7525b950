import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorNotice, Loading } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { usePageTitle } from '../../components/Layout';
import { Time } from '../../components/Time';
import { graphql } from '../../gql';
import type { EventsEditLoadQuery } from '../../gql/graphql';
import { useDraft } from '../../hooks/useDraft';
import { useMessages } from '../../i18n';
import { common } from '../../i18n/common';
import { browserZone, KR_ZONE, pickText, UK_ZONE, zoneLabel, zoneOptions } from '../../i18n/format';
import { draftProblems, FORMATS, instantToLocal, KINDS, localToInstant, type DraftField, type EventDraft } from './eventRules';
import { eventsMessages } from './messages';
import { useNow } from '../../hooks/useNow';
import './events.css';

const EventsEditLoad = graphql(`
  query EventsEditLoad($id: ID!) {
    event(id: $id) {
      id
      version
      status
      organiserUserId
      title {
        en
        ko
      }
      description {
        en
        ko
      }
      kind
      format
      venue
      joinUrl
      timeZone
      startsAt
      endsAt
      capacity
      registrationOpensAt
      registrationClosesAt
      sectors
      workspaceId
    }
  }
`);

const EventsFormOptions = graphql(`
  query EventsFormOptions {
    sectors {
      key
      nameEn
      nameKo
      inReportTaxonomy
    }
    myWorkspaces {
      ...WorkspaceCities
    }
  }
`);

const EventsCreate = graphql(`
  mutation EventsCreate($input: CreateEventInput!) {
    createEvent(input: $input) {
      id
      status
      version
    }
  }
`);

const EventsUpdate = graphql(`
  mutation EventsUpdate($input: UpdateEventInput!) {
    updateEvent(input: $input) {
      id
      status
      version
    }
  }
`);

type Loaded = EventsEditLoadQuery['event'];

function emptyDraft(zone: string): EventDraft {
  return {
    titleEn: '',
    titleKo: '',
    descriptionEn: '',
    descriptionKo: '',
    kind: 'SEMINAR',
    format: 'IN_PERSON',
    venue: '',
    joinUrl: '',
    timeZone: zone === UK_ZONE || zone === KR_ZONE ? zone : UK_ZONE,
    startsLocal: '',
    endsLocal: '',
    capacity: '',
    opensLocal: '',
    closesLocal: '',
    sectors: [],
    workspaceId: '',
  };
}

function draftOf(event: Loaded): EventDraft {
  const zone = event.timeZone;
  return {
    titleEn: event.title.en ?? '',
    titleKo: event.title.ko ?? '',
    descriptionEn: event.description.en ?? '',
    descriptionKo: event.description.ko ?? '',
    kind: event.kind,
    format: event.format,
    venue: event.venue ?? '',
    joinUrl: event.joinUrl ?? '',
    timeZone: zone,
    startsLocal: instantToLocal(event.startsAt, zone),
    endsLocal: instantToLocal(event.endsAt, zone),
    capacity: event.capacity == null ? '' : String(event.capacity),
    opensLocal: instantToLocal(event.registrationOpensAt, zone),
    closesLocal: instantToLocal(event.registrationClosesAt, zone),
    sectors: event.sectors,
    workspaceId: event.workspaceId ?? '',
  };
}

/** `/events/new` and `/events/:id/edit`: the organiser's form (organisers and admins). */
export default function EventFormPage() {
  const { id } = useParams();
  const { t } = useMessages(eventsMessages);
  const { hasRole } = useAuth();
  usePageTitle(id ? t('form.editTitle') : t('form.newTitle'));
  if (!id && !hasRole('EVENT_ORGANISER') && !hasRole('ADMIN')) {
    return (
      <div className="page page--narrow">
        <h1>{t('form.newTitle')}</h1>
        <p className="notice notice--info">{t('form.organisersOnly')}</p>
        <p>
          <Link to="/events">{t('event.backToList')}</Link>
        </p>
      </div>
    );
  }
  return id ? <EditEvent id={id} /> : <EventForm />;
}

function EditEvent({ id }: { id: string }) {
  const { t } = useMessages(eventsMessages);
  const { t: tc } = useMessages(common);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: EventsEditLoad, variables: { id }, requestPolicy: 'network-only' });
  if (problemOf(error)?.code === 'NOT_FOUND') {
    return (
      <div className="page">
        <h1>{tc('notFound.title')}</h1>
        <p>{t('event.notFound')}</p>
      </div>
    );
  }
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {fetching && !data && <Loading />}
      {data && <EventForm event={data.event} />}
    </>
  );
}

function EventForm({ event }: { event?: Loaded }) {
  const { t, language } = useMessages(eventsMessages);
  const { timeZone: viewerZone } = useAuth();
  const navigate = useNavigate();
  const initial = useMemo(() => (event ? draftOf(event) : emptyDraft(viewerZone)), [event, viewerZone]);
  const [draft, update, clear] = useDraft(event ? `event-edit-${event.id}` : 'event-new', initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [{ data: options, error: optionsError }] = useQuery({ query: EventsFormOptions });
  const [created, create] = useMutation(EventsCreate);
  const [updated, save] = useMutation(EventsUpdate);
  const saving = created.fetching || updated.fetching;
  const serverError = created.error ?? updated.error;
  const server = fieldProblems(problemOf(serverError));

  const startChanged = !event || draft.startsLocal !== instantToLocal(event.startsAt, draft.timeZone) || draft.timeZone !== event.timeZone;
  const now = useNow(15_000);
  const problems = draftProblems(draft, now, startChanged);
  const problemCount = Object.keys(problems).length;
  const touch = (field: string) => () => setTouched((all) => (all.has(field) ? all : new Set(all).add(field)));
  const shown = (field: DraftField): string | null => {
    const key = problems[field];
    if (key && (submitted || touched.has(field))) return t(`problem.${key}`);
    const fromServer = Object.entries(server).find(([name]) => name === field || name.startsWith(`${field}.`));
    return fromServer ? fromServer[1] : null;
  };

  const zone = draft.timeZone;
  const zones = zoneOptions(language, [viewerZone, browserZone(), draft.timeZone]);
  const startsAt = localToInstant(draft.startsLocal, zone);
  const endsAt = localToInstant(draft.endsLocal, zone);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (problemCount > 0) return;
    const text = (en: string, ko: string) => ({ ...(en.trim() ? { en: en.trim() } : {}), ...(ko.trim() ? { ko: ko.trim() } : {}) });
    const hasDescription = !!(draft.descriptionEn.trim() || draft.descriptionKo.trim());
    const common = {
      kind: draft.kind,
      format: draft.format,
      title: text(draft.titleEn, draft.titleKo),
      venue: draft.format !== 'ONLINE' ? draft.venue.trim() : null,
      joinUrl: draft.format !== 'IN_PERSON' ? draft.joinUrl.trim() : null,
      startsAt: startsAt!,
      endsAt: endsAt!,
      timeZone: draft.timeZone,
      capacity: draft.capacity.trim() ? Number(draft.capacity) : null,
      registrationOpensAt: localToInstant(draft.opensLocal, zone),
      registrationClosesAt: localToInstant(draft.closesLocal, zone),
      sectors: draft.sectors,
      workspaceId: draft.workspaceId || null,
    };
    if (event) {
      const result = await save({ input: { ...common, id: event.id, version: event.version, description: hasDescription ? text(draft.descriptionEn, draft.descriptionKo) : null } });
      if (result.data) {
        clear();
        navigate(`/events/${event.id}`, { state: { saved: true } });
      }
    } else {
      const result = await create({ input: { ...common, ...(hasDescription ? { description: text(draft.descriptionEn, draft.descriptionKo) } : {}) } });
      if (result.data) {
        clear();
        navigate(`/events/${result.data.createEvent.id}`, { state: { saved: true } });
      }
    }
  }

  const sectors = [...(options?.sectors ?? [])].sort((a, b) => Number(b.inReportTaxonomy) - Number(a.inReportTaxonomy));
  const workspaces = options?.myWorkspaces ?? [];
  const workspaceName = (w: (typeof workspaces)[number]) =>
    language === 'ko' ? `${w.twinning.cityA.nameKo} · ${w.twinning.cityB.nameKo}` : `${w.twinning.cityA.nameEn} · ${w.twinning.cityB.nameEn}`;
  const title = event ? t('form.editTitle') : t('form.newTitle');

  return (
    <div className="page">
      <h1>{title}</h1>
      {event && (
        <p>
          <Link to={`/events/${event.id}`}>{pickText(event.title, language).text}</Link>
        </p>
      )}
      <p className="lead">{event?.status === 'PUBLISHED' ? t('form.leadPublished') : t('form.lead')}</p>
      <p className="field__hint">{t('form.draftKept')}</p>
      <form className="form events-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('form.what')}</legend>
          <div className="events-form__pair">
            <Field label={t('form.titleEn')} lang="en" value={draft.titleEn} onChange={(e) => update({ titleEn: e.target.value })} onBlur={touch('title')} problem={shown('title')} maxLength={200} />
            <Field label={t('form.titleKo')} lang="ko" value={draft.titleKo} onChange={(e) => update({ titleKo: e.target.value })} onBlur={touch('title')} maxLength={200} />
          </div>
          <p className="field__hint">{t('form.bilingualHint')}</p>
          <div className="events-form__pair">
            <Field
              label={t('form.descriptionEn')}
              problem={shown('description')}
              render={(control) => <textarea {...control} lang="en" value={draft.descriptionEn} onChange={(e) => update({ descriptionEn: e.target.value })} onBlur={touch('description')} />}
            />
            <Field
              label={t('form.descriptionKo')}
              render={(control) => <textarea {...control} lang="ko" value={draft.descriptionKo} onChange={(e) => update({ descriptionKo: e.target.value })} onBlur={touch('description')} />}
            />
          </div>
          <div className="events-form__pair">
            <Field
              label={t('form.kind')}
              render={(control) => (
                <select {...control} value={draft.kind} onChange={(e) => update({ kind: e.target.value as EventDraft['kind'] })}>
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`kind.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            />
            <Field
              label={t('form.format')}
              hint={t('form.formatHint')}
              render={(control) => (
                <select {...control} value={draft.format} onChange={(e) => update({ format: e.target.value as EventDraft['format'] })}>
                  {FORMATS.map((f) => (
                    <option key={f} value={f}>
                      {t(`format.${f}`)}
                    </option>
                  ))}
                </select>
              )}
            />
          </div>
          {draft.format !== 'ONLINE' && (
            <Field label={t('form.venue')} hint={t('form.venueHint')} value={draft.venue} onChange={(e) => update({ venue: e.target.value })} onBlur={touch('venue')} problem={shown('venue')} maxLength={500} />
          )}
          {draft.format !== 'IN_PERSON' && (
            <Field
              label={t('form.joinUrl')}
              hint={t('form.joinUrlHint')}
              type="url"
              inputMode="url"
              value={draft.joinUrl}
              onChange={(e) => update({ joinUrl: e.target.value })}
              onBlur={touch('joinUrl')}
              problem={shown('joinUrl')}
            />
          )}
        </fieldset>

        <fieldset>
          <legend>{t('form.when')}</legend>
          <Field
            label={t('form.timeZone')}
            hint={t('form.timeZoneHint')}
            problem={shown('timeZone')}
            render={(control) => (
              <select {...control} value={draft.timeZone} onChange={(e) => update({ timeZone: e.target.value })}>
                {zones.map((z) => (
                  <option key={z.value} value={z.value}>
                    {z.label}
                  </option>
                ))}
              </select>
            )}
          />
          <div className="events-form__pair">
            <Field
              label={t('form.starts')}
              hint={t('form.localHint', { zone: zoneLabel(zone, language) })}
              type="datetime-local"
              value={draft.startsLocal}
              onChange={(e) => update({ startsLocal: e.target.value })}
              onBlur={touch('startsAt')}
              problem={shown('startsAt')}
            />
            <Field
              label={t('form.ends')}
              hint={t('form.localHint', { zone: zoneLabel(zone, language) })}
              type="datetime-local"
              value={draft.endsLocal}
              onChange={(e) => update({ endsLocal: e.target.value })}
              onBlur={touch('endsAt')}
              problem={shown('endsAt')}
            />
          </div>
          {startsAt && (
            <p className="field__hint" aria-live="polite">
              {t('form.startsPreview')} <Time value={startsAt} also={[zone, UK_ZONE, KR_ZONE]} />
            </p>
          )}
        </fieldset>

        <fieldset>
          <legend>{t('form.registration')}</legend>
          <Field
            label={t('form.capacity')}
            hint={t('form.capacityHint')}
            type="number"
            inputMode="numeric"
            min={1}
            max={100000}
            value={draft.capacity}
            onChange={(e) => update({ capacity: e.target.value })}
            onBlur={touch('capacity')}
            problem={shown('capacity')}
          />
          <div className="events-form__pair">
            <Field
              label={t('form.opens')}
              hint={t('form.opensHint', { zone: zoneLabel(zone, language) })}
              type="datetime-local"
              value={draft.opensLocal}
              onChange={(e) => update({ opensLocal: e.target.value })}
              onBlur={touch('registrationOpensAt')}
              problem={shown('registrationOpensAt')}
            />
            <Field
              label={t('form.closes')}
              hint={t('form.closesHint', { zone: zoneLabel(zone, language) })}
              type="datetime-local"
              value={draft.closesLocal}
              onChange={(e) => update({ closesLocal: e.target.value })}
              onBlur={touch('registrationClosesAt')}
              problem={shown('registrationClosesAt')}
            />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('form.audience')}</legend>
          <CheckGroup label={t('form.sectors')} hint={t('form.sectorsHint')} problem={shown('sectors')}>
            {optionsError && <ErrorNotice error={optionsError} />}
            {sectors.map((s) => (
              <li key={s.key}>
                <label>
                  <input
                    type="checkbox"
                    checked={draft.sectors.includes(s.key)}
                    onChange={(e) => update({ sectors: e.target.checked ? [...draft.sectors, s.key] : draft.sectors.filter((k) => k !== s.key) })}
                  />
                  {language === 'ko' ? s.nameKo : s.nameEn}
                </label>
              </li>
            ))}
          </CheckGroup>
          <Field
            label={t('form.workspace')}
            hint={t('form.workspaceHint')}
            problem={shown('workspaceId')}
            render={(control) => (
              <select {...control} value={draft.workspaceId} onChange={(e) => update({ workspaceId: e.target.value })}>
                <option value="">{t('form.noWorkspace')}</option>
                {workspaces.map((w) => (
                  <option key={w.id} value={w.id}>
                    {workspaceName(w)}
                  </option>
                ))}
                {draft.workspaceId && !workspaces.some((w) => w.id === draft.workspaceId) && <option value={draft.workspaceId}>{t('form.otherWorkspace')}</option>}
              </select>
            )}
          />
        </fieldset>

        {submitted && problemCount > 0 && (
          <div className="notice notice--error" role="alert">
            <p className="notice__title">{t('form.fixProblems', { count: problemCount })}</p>
            <ul className="events-problems">
              {Object.values(problems).map((key) => (
                <li key={key}>{t(`problem.${key}`)}</li>
              ))}
            </ul>
          </div>
        )}
        <ErrorNotice error={serverError} />
        <div className="events-actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {event ? t('form.save') : t('form.createDraft')}
          </button>
          <Link className="button button--ghost" to={event ? `/events/${event.id}` : '/events?mine=1'}>
            {t('form.back')}
          </Link>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              clear();
              setTouched(new Set());
              setSubmitted(false);
            }}
          >
            {event ? t('form.discardChanges') : t('form.startAgain')}
          </button>
        </div>
        {!event && <p className="field__hint">{t('form.publishLater')}</p>}
      </form>
    </div>
  );
}

function CheckGroup({ label, hint, problem, children }: { label: string; hint?: string; problem?: string | null; children: ReactNode }) {
  return (
    <fieldset className={`field${problem ? ' field--invalid' : ''}`}>
      <legend>{label}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      <ul className="events-checks">{children}</ul>
      {problem && <p className="field__problem">{problem}</p>}
    </fieldset>
  );
}
