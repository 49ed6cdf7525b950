import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import ownTables from './own-tables.mjs';

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: {} } } });
const inEvents = join(process.cwd(), 'libs/events/src/probe.ts');
const inIdentity = join(process.cwd(), 'libs/identity/src/probe.ts');
const inPlatform = join(process.cwd(), 'libs/platform/src/probe.ts');
const names = (table: string) => ({ message: new RegExp(`names libs/identity's table ${table}`) });
const queries = (entity: string, owner = 'identity') => ({ message: new RegExp(`queries libs/${owner}'s entity ${entity}`) });

tester.run('own-tables', ownTables, {
  valid: [
    // A lib's own tables and entities.
    { filename: inEvents, code: "em.query('SELECT id FROM programme_event e JOIN event_registration r ON r.event_id = e.id');" },
    { filename: inIdentity, code: "em.query('select id from user_account'); em.findBy(User, {});" },
    // Prose that happens to hold a table's name is not SQL.
    { filename: inEvents, code: "throw new Error('This event is open to everyone.');" },
    // Another lib's rows through what it lends: a function call, not its table's name.
    { filename: inEvents, code: 'em.query(`SELECT e.id, ${accountProfileSql("e.organiser_user_id")} FROM programme_event e`);' },
    // The composition root seeds every table.
    { filename: inPlatform, code: "em.query('DELETE FROM user_account'); em.save(User, {});" },
  ],
  invalid: [
    { filename: inEvents, code: "em.query('SELECT u.email FROM event_registration r JOIN user_account u ON u.id = r.user_id');", errors: [names('user_account')] },
    { filename: inEvents, code: "em.query('select email from public.user_account');", errors: [names('user_account')] },
    { filename: inEvents, code: "em.query('SELECT 1 FROM event_follow f, user_account u WHERE u.id = f.user_id');", errors: [names('user_account')] },
    { filename: inEvents, code: 'em.query(`UPDATE "workspace_member" SET role = $1`);', errors: [{ message: /names libs\/twinning's table workspace_member/ }] },
    { filename: inEvents, code: 'em.findOneBy(User, { id });', errors: [queries('User')] },
    { filename: inEvents, code: "em.createQueryBuilder(ProgrammeEvent, 'e').innerJoin(User, 'u', 'u.id = e.organiser_user_id');", errors: [queries('User')] },
    { filename: inEvents, code: "qb.leftJoinAndSelect(Workspace, 'w', 'w.id = e.workspace_id');", errors: [queries('Workspace', 'twinning')] },
    { filename: inEvents, code: 'class S { constructor(@InjectRepository(User) private readonly users: Repository<User>) {} }', errors: [queries('User')] },
  ],
});
