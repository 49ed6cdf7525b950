import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldProblems, problemOf } from '../../../api/errors';
import { Field } from '../../../components/Field';
import type { OrganisationKind } from '../../../gql/graphql';
import { useMessages } from '../../../i18n';
import { ActionPair } from '../../../components/Confirm';
import { CreateOrganisation } from './documents';
import { peopleMessages } from './messages';
import { Choice, Refusal, useCities, useKinds } from './shared';

type Problem = 'nameEn' | 'nameKo' | 'cityId' | 'website';

/** What the form can tell before asking the API, by the API's own limits. */
function problemsOf(values: { nameEn: string; nameKo: string; cityId: string; website: string }): Set<Problem> {
  const problems = new Set<Problem>();
  const nameEn = values.nameEn.trim();
  if (nameEn.length < 2 || nameEn.length > 200) problems.add('nameEn');
  const nameKo = values.nameKo.trim();
  if (nameKo.length < 1 || nameKo.length > 200) problems.add('nameKo');
  if (!values.cityId) problems.add('cityId');
  if (values.website.trim() && !/^https?:\/\/\S+\.\S+$/.test(values.website.trim())) problems.add('website');
  return problems;
}

/** Adding an organisation: its names in both languages, its kind and its city. */
export function CreateOrganisationForm({ onDone, onCancel }: { onDone: (id: string) => void; onCancel: () => void }) {
  const { t } = useMessages(peopleMessages);
  const cities = useCities();
  const { kindOptions } = useKinds();
  const [values, setValues] = useState({ nameEn: '', nameKo: '', kind: 'CITY_GOVERNMENT' as OrganisationKind, cityId: '', website: '' });
  const [tried, setTried] = useState(false);
  const [result, create] = useMutation(CreateOrganisation);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const fromServer = fieldProblems(problemOf(result.error));
  const local = tried ? problemsOf(values) : new Set<Problem>();
  const shown = (problem: Problem, text: string) => (local.has(problem) || fromServer[problem] ? text : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (problemsOf(values).size > 0) return;
    const website = values.website.trim();
    const { data } = await create({
      input: { nameEn: values.nameEn.trim(), nameKo: values.nameKo.trim(), kind: values.kind, cityId: values.cityId, ...(website ? { website } : {}) },
    });
    if (data) onDone(data.createOrganisation.id);
  }

  return (
    <form className="form panel" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="create-organisation">
      <h2 id="create-organisation" ref={headingRef} tabIndex={-1}>
        {t('orgs.createTitle')}
      </h2>
      <Field label={t('orgs.nameEn')} lang="en" value={values.nameEn} onChange={(e) => set('nameEn')(e.target.value)} problem={shown('nameEn', t('orgs.validation.nameEn'))} />
      <Field label={t('orgs.nameKo')} lang="ko" value={values.nameKo} onChange={(e) => set('nameKo')(e.target.value)} problem={shown('nameKo', t('orgs.validation.nameKo'))} />
      <Choice label={t('orgs.kind')} value={values.kind} onChange={set('kind')} options={kindOptions} />
      <Choice
        label={t('orgs.city')}
        value={values.cityId}
        onChange={set('cityId')}
        empty={t('orgs.chooseCity')}
        problem={shown('cityId', t('orgs.validation.city'))}
        options={cities.map((c) => ({ value: c.id, label: c.name }))}
      />
      <Field
        label={t('orgs.website')}
        hint={t('orgs.websiteHint')}
        type="url"
        value={values.website}
        onChange={(e) => set('website')(e.target.value)}
        problem={shown('website', t('orgs.validation.website'))}
      />
      {Object.keys(fromServer).length === 0 && <Refusal error={result.error} />}
      <ActionPair confirm={t('orgs.save')} cancel={t('cancel')} busy={result.fetching} onCancel={onCancel} />
    </form>
  );
}
