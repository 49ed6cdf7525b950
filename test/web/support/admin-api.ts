import type { Lang, Mailbox } from '../fixtures';
import { DEMO_PEOPLE } from '../../support/constants';
import { gql, tokenFor } from './api';
import { createConfirmedPerson, type EventsPerson } from './events-api';

/** An admin of the test's language: a new confirmed account the demo admin makes an admin, so the console reads in that language. */
export async function createAdmin(mail: Mailbox, lang: Lang, displayName: string): Promise<EventsPerson> {
  const person = await createConfirmedPerson(mail, lang, 'admin', displayName);
  await gql(`mutation($input: UserRoleInput!) { grantRole(input: $input) { id } }`, { input: { userId: person.id, role: 'ADMIN' } }, await tokenFor(DEMO_PEOPLE.admin));
  return person;
}
