/**
 * Least privilege in PostgreSQL. Two roles, neither a superuser:
 *
 * - the owner (MIGRATION_DATABASE_URL) owns the database, its schema and
 *   tables, and runs the migrations; nothing else signs in as it;
 * - the application (DATABASE_URL: the API, the worker, the seed) reads and
 *   writes rows. It owns no table, no schema (the owner of the schema public
 *   may drop any table in it) and not the database (which, from PostgreSQL
 *   15, owns the schema public), so it can neither drop nor alter a table,
 *   nor `ALTER TABLE … DISABLE TRIGGER`, and as a non-superuser without a
 *   grant on the parameter it cannot `SET session_replication_role` (which
 *   would silence every trigger): the triggers that keep the permanent record
 *   append-only hold against it. The API and the worker check this at start
 *   (`connectionRoleProblems`), the migrations before they grant.
 *
 * After every migration run, `grantApplicationPrivileges` (as the owner) sets
 * the application's table privileges from scratch: SELECT, INSERT, UPDATE and
 * DELETE everywhere; only SELECT and INSERT on the append-only tables; only
 * SELECT on the migrations' own table; never TRUNCATE, REFERENCES or TRIGGER.
 * Which tables are append-only is read from the database itself: those
 * carrying a `forbid_change()` trigger (the migrations that make a table
 * append-only add one), so the list cannot drift from the triggers. Tables a
 * new migration creates get their grants the same way, the moment it has run.
 * (ALTER DEFAULT PRIVILEGES would grant a new table at creation, before anyone
 * could know it is append-only, and never take a grant back.)
 */

/** Anything that runs SQL: a DataSource, an EntityManager, a QueryRunner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** The trigger function the migrations attach to every append-only table. */
const APPEND_ONLY_TRIGGER_FUNCTION = 'public.forbid_change()';

/** The table TypeORM records applied migrations in: the application only reads it. */
const MIGRATIONS_TABLE = 'migrations';

/** The tables whose rows are never updated or deleted, by their forbid_change() triggers. */
async function appendOnlyTables(db: Queryable): Promise<string[]> {
  const rows = (await db.query(
    `SELECT DISTINCT c.relname AS name
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relnamespace = 'public'::regnamespace AND t.tgfoid = to_regprocedure($1)
      ORDER BY 1`,
    [APPEND_ONLY_TRIGGER_FUNCTION],
  )) as Array<{ name: string }>;
  return rows.map((r) => r.name);
}

export interface GrantSummary {
  role: string;
  tables: number;
  appendOnly: string[];
}

/**
 * Sets the application role's privileges on every table and sequence of the
 * public schema from scratch, as the owner. Idempotent; run it in one
 * transaction so the application never sees a table without its grants.
 */
export async function grantApplicationPrivileges(db: Queryable, appRole: string): Promise<GrantSummary> {
  const app = quoteIdent(appRole);
  const [exists] = (await db.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [appRole])) as unknown[];
  if (!exists) throw new Error(`DATABASE_URL's role "${appRole}" does not exist. Create it first (README, Production): CREATE ROLE ${app} LOGIN PASSWORD '…';`);
  // Grants cannot make a least-privileged role of one that owns the database, say: refuse rather than pretend.
  const { problems } = await roleProblems(db, appRole);
  if (problems.length) throw new Error(`${describeRoleProblems(appRole, problems)} Nothing was granted.`);
  const foreign = (await db.query(
    `SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND NOT pg_has_role(current_user, c.relowner, 'USAGE')
      ORDER BY 1`,
  )) as Array<{ name: string; owner: string }>;
  if (foreign.length) {
    throw new Error(
      `The migrations' role does not own ${foreign.map((t) => `${t.name} (owned by ${t.owner})`).join(', ')}, so it cannot grant it to the application. ` +
        'As an administrator: ALTER TABLE … OWNER TO <the role of MIGRATION_DATABASE_URL>.',
    );
  }
  const appendOnly = await appendOnlyTables(db);
  const [{ tables }] = (await db.query(
    `SELECT count(*)::int AS tables FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm')`,
  )) as Array<{ tables: number }>;
  // Schema USAGE is PUBLIC's by default; granted again in case a DBA took it from PUBLIC.
  await db.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
  await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`);
  await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
  if (appendOnly.length) await db.query(`REVOKE UPDATE, DELETE ON TABLE ${appendOnly.map(quoteIdent).join(', ')} FROM ${app}`);
  await db.query(`REVOKE INSERT, UPDATE, DELETE ON TABLE ${quoteIdent(MIGRATIONS_TABLE)} FROM ${app}`);
  await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app}`);
  await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
  return { role: appRole, tables, appendOnly };
}

/** What the connection's role may do beyond what the application needs; empty when it is least-privileged. */
export async function connectionRoleProblems(db: Queryable): Promise<{ role: string; problems: string[] }> {
  return roleProblems(db, null);
}

/**
 * What `role` (the connection's own when null) may do beyond what the
 * application needs. Owning a table, or the public schema (whose owner may
 * drop any table in it), or the database (which owns the public schema from
 * PostgreSQL 15), or being allowed to set session_replication_role: each
 * would let the role get round the append-only triggers.
 */
async function roleProblems(db: Queryable, role: string | null): Promise<{ role: string; problems: string[] }> {
  const [{ version }] = (await db.query(`SELECT current_setting('server_version_num')::int AS version`)) as Array<{ version: number }>;
  // GRANT SET ON PARAMETER came with PostgreSQL 15; before, only a superuser could set it.
  const setsReplicationRole = version >= 150000 ? `has_parameter_privilege(r.oid, 'session_replication_role', 'SET')` : 'false';
  const [row] = (await db.query(
    `SELECT r.rolname AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypass_rls, r.rolcreaterole AS create_role,
            (SELECT count(*)::int FROM pg_class c
              WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND pg_has_role(r.oid, c.relowner, 'MEMBER')) AS owned_tables,
            (SELECT pg_has_role(r.oid, n.nspowner, 'MEMBER') FROM pg_namespace n WHERE n.nspname = 'public') AS owns_schema,
            (SELECT pg_has_role(r.oid, d.datdba, 'MEMBER') FROM pg_database d WHERE d.datname = current_database()) AS owns_database,
            ${setsReplicationRole} AS sets_replication_role,
            EXISTS (SELECT 1 FROM pg_roles s WHERE s.rolsuper AND s.oid <> r.oid AND pg_has_role(r.oid, s.oid, 'MEMBER')) AS in_superuser_role
       FROM pg_roles r WHERE r.rolname = COALESCE($1, current_user)`,
    [role],
  )) as RoleRow[];
  if (!row) throw new Error(`The role "${role}" does not exist.`);
  return { role: row.role, problems: problemsOf(row) };
}

interface RoleRow {
  role: string;
  superuser: boolean;
  bypass_rls: boolean;
  create_role: boolean;
  owned_tables: number;
  owns_schema: boolean;
  owns_database: boolean;
  sets_replication_role: boolean;
  in_superuser_role: boolean;
}

function problemsOf(role: RoleRow): string[] {
  const problems: string[] = [];
  if (role.superuser) problems.push('is a superuser');
  // SET ROLE to a superuser role it belongs to would give it everything.
  else if (role.in_superuser_role) problems.push('is a member of a superuser role');
  if (role.bypass_rls) problems.push('bypasses row-level security (BYPASSRLS)');
  if (role.create_role) problems.push('may create and grant roles (CREATEROLE)');
  // A superuser is a member of every role: the ownerships below say nothing more of it.
  if (role.superuser) return problems;
  if (role.owned_tables > 0) problems.push(`owns ${role.owned_tables} table(s), or may act as their owner`);
  // From PostgreSQL 15 the database's owner owns the schema public too (pg_database_owner).
  if (role.owns_database) problems.push('owns the database, and so may drop any table of its schema public, or may act as its owner');
  else if (role.owns_schema) problems.push('owns the schema public, and so may drop any table in it, or may act as its owner');
  if (role.sets_replication_role) problems.push('may set session_replication_role');
  return problems;
}

/** The sentence the API and the worker log (or, in production, refuse to start with). */
export function describeRoleProblems(role: string, problems: string[]): string {
  return (
    `DATABASE_URL signs in as "${role}", which ${problems.join(', ')}: from the application's own connection the triggers ` +
    'that keep funding decisions, the ledger, application transitions, the audit log and case-study revisions append-only ' +
    'could be switched off, or their tables dropped. Give the API and the worker a role of their own that owns no table, ' +
    'no schema and no database and is no superuser, and run the migrations as the owner with MIGRATION_DATABASE_URL ' +
    '(README: Production).'
  );
}

/** The role a postgres:// URL signs in as. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
