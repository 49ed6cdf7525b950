import { graphql, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import type { AuthUser, RequestContext } from './auth-user';
import { applyFieldAccess } from './field-access.middleware';
import { Role } from './roles';
import { accessCheck, AccessRule, isAllowed, Self } from './allow.decorator';

const person = new GraphQLObjectType({
  name: 'Person',
  extensions: { allow: [Role.ADMIN, Self('id')] },
  fields: {
    id: { type: GraphQLString, extensions: { allow: ['PUBLIC'] } },
    name: { type: GraphQLString, extensions: { allow: ['SIGNED_IN'] } },
    email: { type: GraphQLString },
    secret: { type: GraphQLString, resolve: () => 'computed' },
  },
});
const undeclared = new GraphQLObjectType({ name: 'Undeclared', fields: { value: { type: GraphQLString } } });
const schema = applyFieldAccess(
  new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        person: { type: person, resolve: () => ({ id: 'p1', name: 'Priya', email: 'priya@example.org' }) },
        undeclared: { type: undeclared, resolve: () => ({ value: 'x' }) },
      },
    }),
  }),
);

const user = (id: string, roles: Role[] = []): AuthUser => ({ id, email: '', displayName: '', roles, language: 'en', timeZone: 'UTC' });
async function ask(who: AuthUser | null) {
  const contextValue: RequestContext = { requestId: 'r', ip: '127.0.0.1', user: who, language: 'en', loaders: new Map() };
  const result = await graphql({ schema, source: '{ person { id name email secret } undeclared { value } }', contextValue });
  return result.data;
}

describe('applyFieldAccess', () => {
  it('lets anyone read public fields and nobody read undeclared ones', async () => {
    expect(await ask(null)).toEqual({ person: { id: 'p1', name: null, email: null, secret: null }, undeclared: { value: null } });
  });

  it('opens signed-in fields to any account, and self fields to the person', async () => {
    expect((await ask(user('someone-else')))?.person).toEqual({ id: 'p1', name: 'Priya', email: null, secret: null });
    expect((await ask(user('p1')))?.person).toEqual({ id: 'p1', name: 'Priya', email: 'priya@example.org', secret: 'computed' });
  });

  it('opens role fields to holders of the role', async () => {
    expect((await ask(user('admin', [Role.ADMIN])))?.person).toEqual({ id: 'p1', name: 'Priya', email: 'priya@example.org', secret: 'computed' });
    expect((await ask(user('organiser', [Role.EVENT_ORGANISER])))?.person).toMatchObject({ email: null });
  });
});

describe('accessCheck', () => {
  const admin = user('a', [Role.ADMIN]);
  const someone = user('s');
  const rulesets: AccessRule[][] = [['PUBLIC'], ['SIGNED_IN'], [Role.ADMIN], [Role.ADMIN, Self('id')], [Self('ownerId')], [Role.ADMIN, 'SIGNED_IN'], []];
  const parents = [undefined, { id: 's' }, { id: 'other', ownerId: 's' }];
  it('decides as isAllowed does, for every kind of rule, user and row', () => {
    for (const rules of rulesets) {
      const check = accessCheck(rules);
      for (const who of [null, admin, someone]) for (const parent of parents) expect([rules, who?.id, parent, check(who, parent)]).toEqual([rules, who?.id, parent, isAllowed(rules, who, parent)]);
    }
  });
});
