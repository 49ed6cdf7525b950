import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { fieldProblems, problemOf } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { graphql } from '../../gql';
import { useDraft } from '../../hooks/useDraft';
import { useMessages } from '../../i18n';
import { pickText, todayIn } from '../../i18n/format';
import { BilingualField, bilingualInput, bilingualProblem, TEXT_MAX, TITLE_MAX, type Bilingual } from '../../components/BilingualField';
import { cityName } from '../../i18n/cities';
import { formMessages } from '../../i18n/forms';
import { twinningMessages } from '../twinning/messages';
import { PROJECT_TYPES, STAGES } from './kinds';
import { projectMessages } from './messages';
import { SectorNamesQuery } from '../../hooks/useSectorNames';

const CreateProject = graphql(`
  mutation OfficerCreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      id
      title {
        en
        ko
      }
    }
  }
`);

interface Member {
  role: string;
  cityId: string;
  user: { id: string; displayName: string };
}

interface ProjectDraft {
  title: Bilingual;
  summary: Bilingual;
  sectors: string[];
  type: (typeof PROJECT_TYPES)[number];
  stage: (typeof STAGES)[number];
  leadA: string;
  leadB: string;
  startDate: string;
  endDate: string;
}

/** Start a joint project: bilingual title and summary, sectors, type, stage, a lead from each city, dates. */
export function NewProjectForm({
  workspaceId,
  cities,
  members,
  onCreated,
}: {
  workspaceId: string;
  cities: Array<{ id: string; nameEn: string; nameKo: string }>;
  members: Member[];
  onCreated: () => void;
}) {
  const { t, language } = useMessages(projectMessages);
  const { t: tForm } = useMessages(formMessages);
  const { t: tTwinning } = useMessages(twinningMessages);
  const { user, timeZone } = useAuth();
  const [cityA, cityB] = cities;
  const eligible = (cityId: string) => members.filter((m) => m.cityId === cityId && m.role !== 'OBSERVER');
  const mine = (cityId: string) => eligible(cityId).find((m) => m.user.id === user?.id)?.user.id ?? '';
  const initial: ProjectDraft = {
    title: { en: '', ko: '' },
    summary: { en: '', ko: '' },
    sectors: [],
    type: 'PATHFINDER',
    stage: 'DISCOVERY',
    leadA: mine(cityA.id),
    leadB: mine(cityB.id),
    startDate: todayIn(timeZone),
    endDate: '',
  };
  const [draft, update, clear] = useDraft<ProjectDraft>(`officer.project-new.${workspaceId}`, initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [created, setCreated] = useState<{ id: string; title: string } | null>(null);
  // Open when a kept draft has something in it (after a reload or an error).
  const [open, setOpen] = useState(() => !!(draft.title.en || draft.title.ko || draft.summary.en || draft.summary.ko));
  const [result, createProject] = useMutation(CreateProject);
  const server = fieldProblems(problemOf(result.error));
  const touch = (field: string) => setTouched((all) => ({ ...all, [field]: true }));
  const show = (field: string) => submitted || touched[field];

  const problems = {
    title: bilingualProblem(draft.title, TITLE_MAX, tForm),
    summary: bilingualProblem(draft.summary, TEXT_MAX, tForm),
    sectors: draft.sectors.length < 1 || draft.sectors.length > 10 ? tForm('validation.sectors') : null,
    leadA: draft.leadA ? null : tForm('validation.lead'),
    leadB: draft.leadB ? null : tForm('validation.lead'),
    startDate: /^\d{4}-\d{2}-\d{2}$/.test(draft.startDate) ? null : tForm('validation.date'),
    endDate: draft.endDate && draft.endDate < draft.startDate ? tForm('validation.endBeforeStart') : null,
  };
  const shown = (field: keyof typeof problems, serverField: string = field) => (show(field) ? problems[field] : null) ?? server[serverField] ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setCreated(null);
    if (Object.values(problems).some(Boolean)) return;
    const { data } = await createProject({
      input: {
        workspaceId,
        title: bilingualInput(draft.title),
        summary: bilingualInput(draft.summary),
        sectors: draft.sectors,
        type: draft.type,
        stage: draft.stage,
        cityALeadUserId: draft.leadA,
        cityBLeadUserId: draft.leadB,
        startDate: draft.startDate,
        endDate: draft.endDate || undefined,
      },
    });
    if (data) {
      setCreated({ id: data.createProject.id, title: pickText(data.createProject.title, language).text });
      setSubmitted(false);
      setTouched({});
      setOpen(false);
      clear();
      onCreated();
    }
  }

  const leadSelect = (key: 'leadA' | 'leadB', city: { id: string; nameEn: string; nameKo: string }, serverField: string) => (
    <Field
      label={t('newProject.leadIn', { city: cityName(city, language) })}
      problem={shown(key, serverField)}
      render={(control) => (
        <select {...control} value={draft[key]} onChange={(e) => update({ [key]: e.target.value })} onBlur={() => touch(key)}>
          <option value="">{t('newProject.chooseLead')}</option>
          {eligible(city.id).map((m) => (
            <option key={m.user.id} value={m.user.id}>
              {m.user.displayName} ({tTwinning(`role.${m.role}` as 'role.LEAD')})
            </option>
          ))}
        </select>
      )}
    />
  );

  return (
    <>
      <p role="status" className="form__status">
        {created && (
          <>
            {t('newProject.created', { title: created.title })} <Link to={`/projects/${created.id}`}>{t('newProject.openIt')}</Link>
          </>
        )}
      </p>
      <details className="panel" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('newProject.open')}</summary>
        <form className="form officer-form" onSubmit={submit} noValidate aria-label={t('newProject.title')}>
          <BilingualField label={t('newProject.projectTitle')} value={draft.title} onChange={(title) => update({ title })} onBlur={() => touch('title')} problem={shown('title')} maxLength={TITLE_MAX} />
          <BilingualField label={t('newProject.summary')} value={draft.summary} onChange={(summary) => update({ summary })} onBlur={() => touch('summary')} problem={shown('summary')} maxLength={TEXT_MAX} multiline />
          <SectorChoices
            value={draft.sectors}
            onChange={(sectors) => {
              update({ sectors });
              touch('sectors');
            }}
            problem={shown('sectors')}
          />
          <ProjectTypeField value={draft.type} onChange={(type) => update({ type })} />
          <Field
            label={t('newProject.stage')}
            render={(control) => (
              <select {...control} value={draft.stage} onChange={(e) => update({ stage: e.target.value as ProjectDraft['stage'] })}>
                {STAGES.map((stage) => (
                  <option key={stage} value={stage}>
                    {t(`stage.${stage}`)}
                  </option>
                ))}
              </select>
            )}
          />
          {leadSelect('leadA', cityA, 'cityALeadUserId')}
          {leadSelect('leadB', cityB, 'cityBLeadUserId')}
          <ProjectDatesFields
            startDate={draft.startDate}
            endDate={draft.endDate}
            onChange={update}
            onBlur={touch}
            problems={{ startDate: shown('startDate'), endDate: shown('endDate') }}
          />
          <ErrorNotice error={result.error} />
          <div>
            <button type="submit" className="button button--primary" disabled={result.fetching}>
              {result.fetching ? tForm('saving') : t('newProject.submit')}
            </button>
          </div>
        </form>
      </details>
    </>
  );
}

/** The shared taxonomy's sectors to tick, 1 to 10, with the problem under them. */
export function SectorChoices({ value, onChange, problem }: { value: string[]; onChange: (sectors: string[]) => void; problem: string | null }) {
  const { t, language } = useMessages(projectMessages);
  const [{ data: sectorData }] = useQuery({ query: SectorNamesQuery });
  return (
    <fieldset className="field">
      <legend>{t('newProject.sectors')}</legend>
      <p className="field__hint">{t('newProject.sectorsHint')}</p>
      <div className="sector-choices">
        {sectorData?.sectors.map((sector) => (
          <label key={sector.key} className="check">
            <input
              type="checkbox"
              checked={value.includes(sector.key)}
              onChange={(e) => onChange(e.target.checked ? [...value, sector.key] : value.filter((s) => s !== sector.key))}
            />
            <span>{language === 'ko' ? sector.nameKo : sector.nameEn}</span>
          </label>
        ))}
      </div>
      {problem && <p className="field__problem">{problem}</p>}
    </fieldset>
  );
}

export type ProjectType = (typeof PROJECT_TYPES)[number];

/** A project's type, chosen from the API's three. */
export function ProjectTypeField({ value, onChange }: { value: ProjectType; onChange: (type: ProjectType) => void }) {
  const { t } = useMessages(projectMessages);
  return (
    <Field
      label={t('newProject.type')}
      render={(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as ProjectType)}>
          {PROJECT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`type.${type}`)}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A project's start date and its optional end date (empty while open-ended). */
export function ProjectDatesFields({
  startDate,
  endDate,
  onChange,
  onBlur,
  problems,
}: {
  startDate: string;
  endDate: string;
  onChange: (dates: { startDate?: string; endDate?: string }) => void;
  onBlur?: (field: 'startDate' | 'endDate') => void;
  problems: { startDate: string | null; endDate: string | null };
}) {
  const { t } = useMessages(projectMessages);
  const { t: tForm } = useMessages(formMessages);
  return (
    <>
      <Field label={t('newProject.startDate')} type="date" value={startDate} onChange={(e) => onChange({ startDate: e.target.value })} onBlur={() => onBlur?.('startDate')} problem={problems.startDate} />
      <Field
        label={`${t('newProject.endDate')} ${tForm('optional')}`}
        hint={t('newProject.endDateHint')}
        type="date"
        value={endDate}
        min={startDate || undefined}
        onChange={(e) => onChange({ endDate: e.target.value })}
        onBlur={() => onBlur?.('endDate')}
        problem={problems.endDate}
      />
    </>
  );
}
