import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { grantApplicationPrivileges, loadConfig, roleOfUrl } from '@app/core';
import { withDatabase } from '@app/dev-services';
import { createApiApp } from '../../apps/api/src/create-api';
import { startTestApp, TestApp } from '../support/harness';

/** The tables whose rows are never changed, each guarded by forbid_change() triggers. */
const APPEND_ONLY = [
  'application_transition',
  'case_study_revision',
  'city_indicator_change',
  'fund_audit_entry',
  'funding_decision',
  'ledger_entry',
  'pairing_evidence_audit',
  'project_stage_change',
  'twinning_status_change',
];

const ROLE_ATTRIBUTES = `SELECT rolsuper AS superuser, rolbypassrls AS bypass_rls, rolcreaterole AS create_role, rolcreatedb AS create_db, rolreplication AS replication
                           FROM pg_roles WHERE rolname = current_user`;
const LEAST = { superuser: false, bypass_rls: false, create_role: false, create_db: false, replication: false };

describe('the database keeps the permanent record safe from the application itself', () => {
  let app: TestApp;
  // A plain client as the application's role (what the API and the worker use), so refusals are not logged as errors.
  let asApp: Client;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    asApp = new Client({ connectionString: app.env.DATABASE_URL });
    await asApp.connect();
  });
  afterAll(async () => {
    await asApp.end();
    await app.close();
  });

  const sql = async (text: string) => (await asApp.query(text)).rows;

  it('the API signs in as a role that is no superuser, bypasses no row security, creates no roles or databases and owns no table, schema or database', async () => {
    const [{ role }] = await sql('SELECT current_user AS role');
    expect(role).toBe(roleOfUrl(app.env.DATABASE_URL));
    expect((await sql(ROLE_ATTRIBUTES))[0]).toEqual(LEAST);
    // Owning a table, or being able to act as its owner, is what would let it switch the triggers off.
    expect(await sql(`SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND pg_has_role(current_user, relowner, 'MEMBER')`)).toEqual([]);
    expect(await app.dataSource.query('SELECT current_user AS role')).toEqual([{ role }]);
    // Nor the schema public or the database, whose owners may drop any table in it.
    expect(
      await sql(`SELECT pg_has_role(current_user, nspowner, 'MEMBER') AS schema, pg_has_role(current_user, datdba, 'MEMBER') AS database
                   FROM pg_namespace, pg_database WHERE nspname = 'public' AND datname = current_database()`),
    ).toEqual([{ schema: false, database: false }]);
  });

  it('the role that owns the tables and runs the migrations is no superuser either', async () => {
    const [{ role }] = await app.asOwner<{ role: string }>('SELECT current_user AS role');
    expect(role).not.toBe(roleOfUrl(app.env.DATABASE_URL));
    expect((await app.asOwner(ROLE_ATTRIBUTES))[0]).toEqual(LEAST);
    expect(await app.asOwner(`SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND relowner <> current_user::regrole`)).toEqual([]);
  });

  it('cannot update, delete or truncate a funding decision, nor any other append-only row', async () => {
    for (const table of APPEND_ONLY) {
      for (const statement of [`UPDATE ${table} SET id = id`, `DELETE FROM ${table}`, `TRUNCATE ${table}`, `TRUNCATE ${table} CASCADE`]) {
        await expect(sql(statement)).rejects.toThrow(`permission denied for table ${table}`);
      }
    }
    // The seed's founding contributions are still there.
    expect((await sql('SELECT count(*)::int AS n FROM ledger_entry'))[0].n).toBeGreaterThan(0);
  });

  it('cannot switch the triggers off: no ALTER TABLE … DISABLE TRIGGER, no session_replication_role, no other role', async () => {
    await expect(sql('ALTER TABLE funding_decision DISABLE TRIGGER funding_decision_append_only')).rejects.toThrow('must be owner of table funding_decision');
    await expect(sql('ALTER TABLE ledger_entry DISABLE TRIGGER ALL')).rejects.toThrow('must be owner of table ledger_entry');
    await expect(sql('DROP TRIGGER funding_decision_append_only ON funding_decision')).rejects.toThrow('must be owner of relation funding_decision');
    await expect(sql('SET session_replication_role = replica')).rejects.toThrow('permission denied to set parameter "session_replication_role"');
    await expect(sql(`SET ROLE ${roleOfUrl(app.ownerUrl)}`)).rejects.toThrow('permission denied to set role');
    // Nor drop what holds them.
    for (const table of APPEND_ONLY) await expect(sql(`DROP TABLE ${table} CASCADE`)).rejects.toThrow(`must be owner of table ${table}`);
    await expect(sql('DROP SCHEMA public CASCADE')).rejects.toThrow('must be owner of schema public');
    // Nor change the schema.
    await expect(sql('CREATE TABLE intruder (id int)')).rejects.toThrow('permission denied for schema public');
    await expect(sql('ALTER TABLE city ADD COLUMN intruder int')).rejects.toThrow('must be owner of table city');
    const triggers = await app.asOwner<{ enabled: string }>(
      `SELECT DISTINCT tgenabled AS enabled FROM pg_trigger WHERE tgfoid = 'forbid_change()'::regprocedure`,
    );
    expect(triggers).toEqual([{ enabled: 'O' }]);
  });

  it('still reads and writes ordinary rows, and adds to the append-only ones', async () => {
    const updated = await asApp.query(`UPDATE user_account SET display_name = display_name WHERE email = 'admin@demo.twins.test'`);
    expect(updated.rowCount).toBe(1);
    const [{ fund_id }] = await sql('SELECT fund_id FROM ledger_entry LIMIT 1');
    const added = await asApp.query(
      `INSERT INTO fund_audit_entry (fund_id, action, subject_type, subject_id, facts, at) VALUES ($1, 'test.checked', 'fund', $2, '{}', now()) RETURNING id`,
      [fund_id, fund_id],
    );
    expect(added.rowCount).toBe(1);
  });

  it('has exactly what it needs: SELECT and INSERT on the append-only tables, SELECT only on the migrations, never TRUNCATE', async () => {
    const rows: Array<{ table: string; privileges: string[] }> = await sql(
      `SELECT c.relname AS table,
              array_remove(ARRAY[
                CASE WHEN has_table_privilege(c.oid, 'SELECT') THEN 'SELECT' END, CASE WHEN has_table_privilege(c.oid, 'INSERT') THEN 'INSERT' END,
                CASE WHEN has_table_privilege(c.oid, 'UPDATE') THEN 'UPDATE' END, CASE WHEN has_table_privilege(c.oid, 'DELETE') THEN 'DELETE' END,
                CASE WHEN has_table_privilege(c.oid, 'TRUNCATE') THEN 'TRUNCATE' END, CASE WHEN has_table_privilege(c.oid, 'TRIGGER') THEN 'TRIGGER' END,
                CASE WHEN has_table_privilege(c.oid, 'REFERENCES') THEN 'REFERENCES' END], NULL) AS privileges
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    const by = (privileges: string[]) => rows.filter((r) => r.privileges.join() === privileges.join()).map((r) => r.table);
    expect(by(['SELECT', 'INSERT'])).toEqual(APPEND_ONLY);
    expect(by(['SELECT'])).toEqual(['migrations']);
    expect(by(['SELECT', 'INSERT', 'UPDATE', 'DELETE'])).toHaveLength(rows.length - APPEND_ONLY.length - 1);
  });

  /** Starts a production API on `url` and expects it to refuse. */
  async function refusedInProduction(url: string, why: RegExp): Promise<void> {
    const api = await createApiApp(loadConfig({ ...app.env, NODE_ENV: 'production', DATABASE_URL: url }), { schemaFile: true });
    try {
      await expect(api.init()).rejects.toThrow(why);
    } finally {
      await api.close().catch(() => undefined);
    }
  }

  const databaseName = () => new URL(app.env.DATABASE_URL).pathname.slice(1);
  /** This file's database (or another) as the server's superuser. */
  const asAdmin = async (text: string, database = databaseName()) => {
    const admin = new Client({ connectionString: withDatabase(process.env.TEST_PG_ADMIN_URL!, database) });
    await admin.connect();
    try {
      return (await admin.query(text)).rows;
    } finally {
      await admin.end();
    }
  };

  it('in production the API refuses to start as a role that owns the tables, or as a superuser', async () => {
    const superuserUrl = withDatabase(process.env.TEST_PG_ADMIN_URL!, databaseName());
    await refusedInProduction(app.ownerUrl, /which owns \d+ table\(s\).*Refusing to start in production/s);
    await refusedInProduction(superuserUrl, /which is a superuser.*Refusing to start in production/s);
  });

  it('in production the API refuses to start as a role that owns the database, and the migrations grant it nothing', async () => {
    const appRole = roleOfUrl(app.env.DATABASE_URL);
    await asAdmin(`ALTER DATABASE ${databaseName()} OWNER TO ${appRole}`);
    try {
      // What that would allow: the database's owner owns the schema public, so may drop any table in it.
      await sql('BEGIN');
      try {
        await sql('DROP TABLE funding_decision CASCADE');
      } finally {
        await sql('ROLLBACK');
      }
      await refusedInProduction(app.env.DATABASE_URL, /which owns the database, and so may drop any table.*Refusing to start in production/s);
      const owner = new Client({ connectionString: app.ownerUrl });
      await owner.connect();
      try {
        const grant = grantApplicationPrivileges({ query: async (text, parameters) => (await owner.query(text, parameters)).rows }, appRole);
        await expect(grant).rejects.toThrow(/which owns the database.*Nothing was granted/s);
      } finally {
        await owner.end();
      }
    } finally {
      await asAdmin(`ALTER DATABASE ${databaseName()} OWNER TO ${roleOfUrl(app.ownerUrl)}`);
    }
  });

  it('in production the API refuses to start as a role that owns the schema public', async () => {
    await asAdmin(`ALTER SCHEMA public OWNER TO ${roleOfUrl(app.env.DATABASE_URL)}`);
    try {
      await refusedInProduction(app.env.DATABASE_URL, /which owns the schema public, and so may drop any table.*Refusing to start in production/s);
    } finally {
      await asAdmin('ALTER SCHEMA public OWNER TO pg_database_owner');
    }
  });

  it('in production the API refuses to start as a role that may set session_replication_role', async () => {
    // A role of its own (the grant is the whole server's, and other test files start production APIs as the application's role).
    const probe = `twins_probe_${randomBytes(4).toString('hex')}`;
    await asAdmin(`CREATE ROLE ${probe} LOGIN PASSWORD '${probe}' IN ROLE ${roleOfUrl(app.env.DATABASE_URL)}`);
    try {
      await asAdmin(`GRANT SET ON PARAMETER session_replication_role TO ${probe}`);
      const url = new URL(app.env.DATABASE_URL);
      url.username = probe;
      url.password = probe;
      const asProbe = new Client({ connectionString: url.toString() });
      await asProbe.connect();
      try {
        // What that would allow: every trigger silenced for the session.
        await asProbe.query('SET session_replication_role = replica');
      } finally {
        await asProbe.end();
      }
      await refusedInProduction(url.toString(), /which may set session_replication_role.*Refusing to start in production/s);
    } finally {
      await asAdmin(`REVOKE SET ON PARAMETER session_replication_role FROM ${probe}`);
      await asAdmin(`DROP ROLE ${probe}`);
    }
  });

  it('in production the API refuses to start as a member of a superuser role (SET ROLE would give it everything)', async () => {
    const probe = `twins_probe_${randomBytes(4).toString('hex')}`;
    const superuserRole = `twins_super_${randomBytes(4).toString('hex')}`;
    await asAdmin(`CREATE ROLE ${superuserRole} NOLOGIN SUPERUSER`);
    await asAdmin(`CREATE ROLE ${probe} LOGIN PASSWORD '${probe}' IN ROLE ${roleOfUrl(app.env.DATABASE_URL)}, ${superuserRole}`);
    try {
      const url = new URL(app.env.DATABASE_URL);
      url.username = probe;
      url.password = probe;
      await refusedInProduction(url.toString(), /which is a member of a superuser role.*Refusing to start in production/s);
    } finally {
      await asAdmin(`DROP ROLE ${probe}`);
      await asAdmin(`DROP ROLE ${superuserRole}`);
    }
  });

  it('in production the migrations refuse to run with one role for both URLs, before they migrate anything', async () => {
    // An empty database of the owner's, as the README's administrator makes it.
    const empty = `${databaseName()}_empty`;
    await asAdmin(`CREATE DATABASE ${empty} OWNER ${roleOfUrl(app.ownerUrl)}`);
    try {
      const ownerUrl = withDatabase(app.ownerUrl, empty);
      for (const urls of [{ DATABASE_URL: ownerUrl }, { DATABASE_URL: ownerUrl, MIGRATION_DATABASE_URL: ownerUrl }]) {
        const migrate = promisify(execFile)(process.execPath, [join(__dirname, '..', '..', 'dist', 'scripts', 'migrate.js')], {
          env: { PATH: process.env.PATH ?? '', ...app.env, NODE_ENV: 'production', ...urls },
        });
        await expect(migrate).rejects.toMatchObject({
          code: 1,
          stderr: expect.stringMatching(new RegExp(`both sign in as "${roleOfUrl(app.ownerUrl)}".*Nothing was migrated`, 's')),
        });
        expect(await asAdmin(`SELECT to_regclass('public.migrations') AS migrations, count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'`, empty)).toEqual([
          { migrations: null, tables: 0 },
        ]);
      }
    } finally {
      await asAdmin(`DROP DATABASE ${empty} WITH (FORCE)`, new URL(process.env.TEST_PG_ADMIN_URL!).pathname.slice(1));
    }
  });
});
