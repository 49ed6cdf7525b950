import { Mailbox, type Lang } from '../fixtures';
import { DEMO_PEOPLE } from '../../support/constants';
import { createConfirmedAccount, gql, tokenFor } from './api';

/** A person made for one events test: a confirmed account of its own, in the test's language. */
export interface EventsPerson {
  email: string;
  password: string;
  displayName: string;
  id: string;
  token: string;
}

/** A confirmed account of its own (see createConfirmedAccount), speaking `lang` and living in its country's zone. */
export async function createConfirmedPerson(mail: Mailbox, lang: Lang, _what: string, displayName: string): Promise<EventsPerson> {
  const password = `Twins-${Date.now()}-events-pass`;
  const email = await createConfirmedAccount(mail, { displayName, preferredLanguage: lang, password });
  const access = await tokenFor(email, password);
  const me = await gql<{ me: { id: string } }>(`query { me { id } }`, {}, access);
  return { email, password, displayName, id: me.me.id, token: access };
}

/** An event organiser of the test's language: a new account the admin grants EVENT_ORGANISER. */
export async function createOrganiser(mail: Mailbox, lang: Lang, displayName: string): Promise<EventsPerson> {
  const person = await createConfirmedPerson(mail, lang, 'organiser', displayName);
  await gql(`mutation($input: UserRoleInput!) { grantRole(input: $input) { id } }`, { input: { userId: person.id, role: 'EVENT_ORGANISER' } }, await tokenFor(DEMO_PEOPLE.admin));
  return person;
}

/** What the API recorded of a person's registration for an event. */
export async function myRegistrationOf(person: EventsPerson, eventId: string): Promise<{ status: string; waitlistPosition: number | null } | null> {
  const data = await gql<{ event: { myRegistration: { status: string; waitlistPosition: number | null } | null } }>(
    `query($id: ID!) { event(id: $id) { myRegistration { status waitlistPosition } } }`,
    { id: eventId },
    person.token,
  );
  return data.event.myRegistration;
}
