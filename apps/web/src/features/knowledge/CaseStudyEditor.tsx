import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { problemOf, type ApiProblem } from '../../api/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { graphql } from '../../gql';
import { useDraft } from '../../hooks/useDraft';
import { useMessages, type Language } from '../../i18n';
import { caseStudyMessages } from './messages';
import { LANGS, SDGS, useSdgName, useVocabulary, type Status } from './shared';
import { formField, hasText, LIMITS, sharedInput, textInput, validate, type EditorDraft, type PartnerDraft, type ProblemKey, type TextDraft } from './validation';
import { CheckboxGroup, LanguageColumn, RowList } from './EditorParts';

const Create = graphql(`
  mutation CaseStudyCreate($input: CreateCaseStudyInput!) {
    createCaseStudy(input: $input) {
      id
      slug
    }
  }
`);

const UpdateShared = graphql(`
  mutation CaseStudyUpdateShared($input: UpdateCaseStudyInput!) {
    updateCaseStudy(input: $input) {
      id
      version
    }
  }
`);

const WriteText = graphql(`
  mutation CaseStudyWriteText($input: WriteCaseStudyTextInput!) {
    writeCaseStudyText(input: $input) {
      language
      revision
      status
    }
  }
`);

const Submit = graphql(`
  mutation CaseStudySubmit($input: CaseStudyStepInput!) {
    submitCaseStudyForReview(input: $input) {
      language
      status
    }
  }
`);

const Workspaces = graphql(`
  query CaseStudyEditorWorkspaces {
    myWorkspaces {
      ...WorkspaceCities
    }
  }
`);

/** The case study as the server has it (edit mode). */
export interface ServerCaseStudy {
  id: string;
  slug: string;
  versions: Array<{ language: Language; status: Status; reviewNote?: string | null }>;
  /** You are one of its authors (only authors send a version for review). */
  author: boolean;
  /** The server's state in the form's shape, with its version numbers as `base`. */
  snapshot: EditorDraft;
}

type SaveOutcome = { ok: true; slug?: string } | { ok: false };

/**
 * Writing a case study: English and Korean side by side (stacked on a phone),
 * Markdown with a live preview, the fields both versions share, checked as
 * you type with the API's rules. What is typed is kept in the browser until
 * saved; a save of text someone else changed meanwhile (CONFLICT) keeps it too.
 */
export function CaseStudyEditor({
  draftKey,
  initial,
  server,
  onSaved,
  created,
  projectNote,
}: {
  draftKey: string;
  initial: EditorDraft;
  /** The saved case study; none while writing a new one. */
  server?: ServerCaseStudy;
  /** After a save to the server (the page reloads the case study). */
  onSaved?: () => void;
  /** Just created: say the draft was saved. */
  created?: boolean;
  /** A note above the form (the project it is about). */
  projectNote?: ReactNode;
}) {
  const { t, language } = useMessages(caseStudyMessages);
  const navigate = useNavigate();
  const vocabulary = useVocabulary();
  const sdgName = useSdgName();
  const [draft, setDraft, clearDraft] = useDraft<EditorDraft>(draftKey, initial);
  const update = (patch: Partial<EditorDraft>) => setDraft({ ...patch, edited: true });
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverProblems, setServerProblems] = useState<Record<string, string>>({});
  const [apiProblem, setApiProblem] = useState<ApiProblem | null>(null);
  const [conflict, setConflict] = useState(false);
  const [status, setStatus] = useState<string>(created ? t('editor.created') : '');
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const [, create] = useMutation(Create);
  const [, updateShared] = useMutation(UpdateShared);
  const [, writeText] = useMutation(WriteText);
  const [, submit] = useMutation(Submit);

  const existing = useMemo(() => new Set<Language>((server?.versions ?? []).map((v) => v.language)), [server]);
  const statusOf = (lang: Language) => server?.versions.find((v) => v.language === lang)?.status;
  const problems = validate(draft, existing);
  const problemText = (key: ProblemKey) => t(`editor.validation.${key}`, { max: key === 'tooMany' ? LIMITS.items : undefined });
  /** The problem to show beside a field: once it was left (or a save was tried), or the server's. */
  const shown = (field: string) => {
    const own = problems[field];
    if (own && (touched[field] || submitted)) return problemText(own);
    return serverProblems[field] ?? null;
  };
  const touch = (field: string) => () => setTouched((all) => ({ ...all, [field]: true }));

  const snapshot = server?.snapshot;
  const sharedNow = JSON.stringify(sharedInput(draft).input);
  const sharedDirty = !!snapshot && sharedNow !== JSON.stringify(sharedInput(snapshot).input);
  const textDirty = (lang: Language) => !!snapshot && JSON.stringify(textInput(draft.text[lang])) !== JSON.stringify(textInput(snapshot.text[lang]));
  const dirty = !server || sharedDirty || LANGS.some((lang) => textDirty(lang) && (existing.has(lang) || hasText(draft.text[lang])));

  function setText(lang: Language, patch: Partial<TextDraft>) {
    update({ text: { ...draft.text, [lang]: { ...draft.text[lang], ...patch } } });
  }

  /** An API error: field problems beside their fields (in the reader's language), a CONFLICT on stale text as its own notice. */
  function failed(error: CombinedError | undefined, context: Parameters<typeof formField>[1]) {
    const problem = problemOf(error);
    if (!problem) return;
    if (problem.code === 'CONFLICT' && problem.reason === 'STALE_VERSION') {
      setConflict(true);
      onSaved?.();
      return;
    }
    setApiProblem(problem);
    const byField: Record<string, string> = {};
    for (const f of problem.fields) {
      const field = formField(f.field, context);
      const kind = field.split('.').pop();
      const local = kind === 'title' || kind === 'summary' || kind === 'body' ? t(`editor.validation.${kind}`) : t('editor.validation.server', { message: f.message });
      byField[field] ??= local;
    }
    setServerProblems(byField);
  }

  async function save(baseOverride?: EditorDraft['base']): Promise<SaveOutcome> {
    setSubmitted(true);
    setStatus('');
    if (Object.keys(problems).length) {
      setStatus(t('editor.validation.fixFirst'));
      // The first field with a problem, for the keyboard and screen readers.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return { ok: false };
    }
    setBusy(true);
    setApiProblem(null);
    setServerProblems({});
    setConflict(false);
    try {
      const shared = sharedInput(draft);
      if (!server) {
        const languages = LANGS.filter((lang) => hasText(draft.text[lang]));
        const result = await create({
          input: {
            ...shared.input,
            versions: languages.map((lang) => ({ language: lang, ...textInput(draft.text[lang]) })),
            ...(draft.workspaceId ? { workspaceId: draft.workspaceId } : {}),
            ...(draft.projectIds.length ? { projectIds: draft.projectIds } : {}),
          },
        });
        if (!result.data) {
          failed(result.error, { versionLanguages: languages, index: shared.index });
          return { ok: false };
        }
        return { ok: true, slug: result.data.createCaseStudy.slug };
      }
      let base = baseOverride ?? draft.base ?? server.snapshot.base!;
      if (sharedDirty) {
        const result = await updateShared({ input: { id: server.id, version: base.version, ...shared.input } });
        if (!result.data) {
          failed(result.error, { index: shared.index });
          return { ok: false };
        }
        base = { ...base, version: result.data.updateCaseStudy.version };
        setDraft({ base });
      }
      for (const lang of LANGS) {
        if (!textDirty(lang) || statusOf(lang) === 'IN_REVIEW' || (!existing.has(lang) && !hasText(draft.text[lang]))) continue;
        const result = await writeText({ input: { caseStudyId: server.id, language: lang, ...textInput(draft.text[lang]), revision: base.revisions[lang] ?? null } });
        if (!result.data) {
          failed(result.error, { language: lang });
          return { ok: false };
        }
        base = { ...base, revisions: { ...base.revisions, [lang]: result.data.writeCaseStudyText.revision } };
        setDraft({ base });
      }
      setDraft({ base, edited: false });
      onSaved?.();
      return { ok: true };
    } finally {
      setBusy(false);
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const outcome = await save();
    if (!outcome.ok) return;
    if (!server && outcome.slug) {
      clearDraft();
      navigate(`/case-studies/${outcome.slug}/edit`, { state: { created: true } });
      return;
    }
    setStatus(t('editor.saved'));
  }

  async function submitForReview(lang: Language) {
    if (!server) return;
    if (dirty) {
      const outcome = await save();
      if (!outcome.ok) return;
    }
    setBusy(true);
    const result = await submit({ input: { caseStudyId: server.id, language: lang } });
    setBusy(false);
    if (!result.data) {
      setApiProblem(problemOf(result.error));
      return;
    }
    setStatus(t('editor.submitted', { language: t(`languages.${lang}`) }));
    onSaved?.();
  }

  /** Once the latest version is loaded: save mine over it (its version numbers as my base), or take it. */
  async function resolveConflict(keepMine: boolean) {
    if (!server) return;
    setConflict(false);
    setStatus('');
    if (!keepMine) {
      setDraft({ ...server.snapshot, edited: false });
      return;
    }
    setDraft({ base: server.snapshot.base });
    if ((await save(server.snapshot.base)).ok) setStatus(t('editor.saved'));
  }
  // The latest version has arrived when the server's numbers differ from the ones my text is based on.
  const latestLoaded = !!server && JSON.stringify(server.snapshot.base) !== JSON.stringify(draft.base);

  const workspaces = useQuery({ query: Workspaces, pause: !!server })[0];
  const writableWorkspaces = (workspaces.data?.myWorkspaces ?? []).filter((w) => w.myRole === 'LEAD' || w.myRole === 'MEMBER');
  const formProblem = submitted && problems.form ? problemText(problems.form) : null;

  return (
    <form ref={formRef} className="cs-editor" onSubmit={onSubmit} noValidate>
      {projectNote}
      <p className="muted">{t('editor.keptLocally')}</p>

      {conflict && (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t('editor.conflict.title')}</p>
          <p>{t('editor.conflict.body')}</p>
          <p className="cs-editor__buttons">
            <button type="button" className="button button--primary" disabled={!latestLoaded || busy} onClick={() => void resolveConflict(true)}>
              {t('editor.conflict.keepMine')}
            </button>
            <button type="button" className="button button--secondary" disabled={!latestLoaded || busy} onClick={() => void resolveConflict(false)}>
              {t('editor.conflict.takeTheirs')}
            </button>
          </p>
        </div>
      )}

      <section aria-labelledby="cs-editor-text">
        <h2 id="cs-editor-text">{t('editor.text')}</h2>
        <p className="field__hint">{t('editor.leaveEmpty')}</p>
        {formProblem && (
          <p className="field__problem" role="alert">
            {formProblem}
          </p>
        )}
        <div className="cs-editor__languages">
          {LANGS.map((lang) => (
            <LanguageColumn
              key={lang}
              lang={lang}
              text={draft.text[lang]}
              onChange={(patch) => setText(lang, patch)}
              shown={shown}
              touch={touch}
              status={statusOf(lang)}
              reviewNote={server?.versions.find((v) => v.language === lang)?.reviewNote}
              onSubmitForReview={server?.author && statusOf(lang) === 'DRAFT' ? () => void submitForReview(lang) : undefined}
              busy={busy}
            />
          ))}
        </div>
        {!server && <p className="muted">{t('editor.saveFirst')}</p>}
      </section>

      <section aria-labelledby="cs-editor-shared">
        <h2 id="cs-editor-shared">{t('editor.shared')}</h2>
        {!server && writableWorkspaces.length > 0 && (
          <Field
            label={t('editor.workspace')}
            hint={t('editor.workspaceHint')}
            problem={serverProblems.workspaceId ?? null}
            render={(control) => (
              <select
                {...control}
                value={draft.workspaceId}
                disabled={draft.projectIds.length > 0}
                onChange={(e) => update({ workspaceId: e.target.value })}
              >
                <option value="">{t('editor.noWorkspace')}</option>
                {writableWorkspaces.map((w) => (
                  <option key={w.id} value={w.id}>
                    {language === 'ko' ? `${w.twinning.cityA.nameKo} · ${w.twinning.cityB.nameKo}` : `${w.twinning.cityA.nameEn} · ${w.twinning.cityB.nameEn}`}
                  </option>
                ))}
              </select>
            )}
          />
        )}

        <ErrorNotice error={vocabulary.error} onRetry={vocabulary.retry} />
        <CheckboxGroup
          legend={t('editor.cities')}
          hint={t('editor.citiesHint')}
          problem={shown('cityIds')}
          groups={(['GB', 'KR'] as const).map((country) => ({
            label: t(`countries.${country}`),
            options: vocabulary.cities.filter((c) => c.countryCode === country).map((c) => ({ value: c.id, label: language === 'ko' ? c.nameKo : c.nameEn })),
          }))}
          selected={draft.cityIds}
          onChange={(cityIds) => {
            update({ cityIds });
            touch('cityIds')();
          }}
        />
        <CheckboxGroup
          legend={t('editor.sectors')}
          hint={t('editor.sectorsHint')}
          problem={shown('sectors')}
          groups={[{ options: vocabulary.sectors.map((s) => ({ value: s.key, label: language === 'ko' ? s.nameKo : s.nameEn })) }]}
          selected={draft.sectors}
          onChange={(sectors) => {
            update({ sectors });
            touch('sectors')();
          }}
        />
        <CheckboxGroup
          legend={t('editor.sdgs')}
          problem={shown('sdgs')}
          groups={[{ options: SDGS.map((n) => ({ value: String(n), label: sdgName(n) })) }]}
          selected={draft.sdgs.map(String)}
          onChange={(sdgs) => update({ sdgs: sdgs.map(Number) })}
        />

        <RowList
          legend={t('editor.successFactors')}
          itemLabel={(n) => t('editor.successFactor', { n })}
          addLabel={t('editor.addSuccessFactor')}
          items={draft.successFactors}
          onChange={(successFactors) => update({ successFactors })}
          problemOf={(i) => shown(`successFactors.${i}`)}
          listProblem={shown('successFactors')}
          max={LIMITS.items}
          multiline
        />
        <RowList
          legend={t('editor.lessons')}
          itemLabel={(n) => t('editor.lesson', { n })}
          addLabel={t('editor.addLesson')}
          items={draft.lessons}
          onChange={(lessons) => update({ lessons })}
          problemOf={(i) => shown(`lessons.${i}`)}
          listProblem={shown('lessons')}
          max={LIMITS.items}
          multiline
        />
        <RowList
          legend={t('editor.partners')}
          itemLabel={(n) => t('editor.partner', { n })}
          addLabel={t('editor.addPartner')}
          items={draft.partners}
          onChange={(partners) => update({ partners: partners as PartnerDraft[] })}
          problemOf={(i) => shown(`partners.${i}`)}
          listProblem={shown('partners')}
          max={LIMITS.partners}
        />
      </section>

      <div className="cs-editor__footer">
        <ErrorNotice problem={conflict ? null : apiProblem} />
        {serverProblems.form && <p className="field__problem">{serverProblems.form}</p>}
        <p className="cs-editor__buttons">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('editor.saving') : t('editor.save')}
          </button>
          {server && (
            <Link className="button button--ghost" to={`/case-studies/${server.slug}`}>
              {t('editor.view')}
            </Link>
          )}
        </p>
        {server && dirty && !busy && <p className="muted">{t('editor.unsaved')}</p>}
        <p role="status" className="form__status">
          {status}
        </p>
      </div>
    </form>
  );
}
