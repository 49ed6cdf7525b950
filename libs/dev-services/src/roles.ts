import { Client } from 'pg';

/**
 * The platform's two PostgreSQL roles on a local server: the schema's owner,
 * which runs the migrations, and the application's role, which the API, the
 * worker and the seed sign in as. Neither is a superuser. The migrations grant
 * the application's role its privileges (libs/core/src/database/privileges.ts).
 *
 * Fixed passwords are fine here: the local servers listen on 127.0.0.1 only.
 */
export const LOCAL_ROLES = {
  owner: { name: 'twins_owner', password: 'twins_owner' },
  app: { name: 'twins_app', password: 'twins_app' },
} as const;

export interface PlatformRole {
  name: string;
  password: string;
}

export interface PlatformRoleUrls {
  /** The schema owner's connection: MIGRATION_DATABASE_URL. */
  ownerUrl: string;
  /** The application's connection: DATABASE_URL. */
  appUrl: string;
}

export interface PlatformDatabaseOptions {
  /**
   * Makes a new, empty database of this name for the owner (replacing one of
   * the same name) instead of preparing the database of `adminUrl`.
   */
  newDatabase?: string;
  /** The roles' names and passwords, when not LOCAL_ROLES (scripts/prepare-database.ts takes them from the URLs). */
  roles?: { owner: PlatformRole; app: PlatformRole };
}

/**
 * Prepares a PostgreSQL server for the platform, as an administrator
 * (`adminUrl`: a superuser, or a role that may create roles and databases):
 *
 * - the owner and application roles, created or put back in shape: able to
 *   sign in with the known password, without superuser, BYPASSRLS,
 *   CREATEROLE or CREATEDB;
 * - a database owned by the owner role, never by the application's: its
 *   owner owns its schema public (PostgreSQL 15+), so may create there and
 *   add the extensions PostgreSQL trusts non-superusers with (pg_trgm), and
 *   may drop any table in it. Either `newDatabase`, or the database of
 *   `adminUrl`: when that is not the owner's yet (a cluster made before the
 *   platform had its own roles, or by `startPostgres`), what the public
 *   schema holds is first handed from whoever made it to the owner, so the
 *   migrations (as the owner) can change it and grant it to the application.
 *
 * Safe to run on every start: once the database is the owner's, only the
 * roles are checked. Returns both roles' URLs for that database.
 */
export async function preparePlatformDatabase(adminUrl: string, options: PlatformDatabaseOptions = {}): Promise<PlatformRoleUrls> {
  const roles = options.roles ?? LOCAL_ROLES;
  if (roles.owner.name === roles.app.name) throw new Error(`The owner and the application need two roles, not one ("${roles.app.name}").`);
  const owner = roles.owner.name;
  await withClient(adminUrl, async (admin) => {
    await ensureRoles(admin, [roles.owner, roles.app]);
    if (options.newDatabase) {
      const database = admin.escapeIdentifier(options.newDatabase);
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${database} OWNER ${admin.escapeIdentifier(owner)}`);
      return;
    }
    const { rows } = await admin.query<{ owned: boolean }>(
      'SELECT datdba = (SELECT oid FROM pg_roles WHERE rolname = $1) AS owned FROM pg_database WHERE datname = current_database()',
      [owner],
    );
    if (rows[0]?.owned) return;
    await handPublicSchemaTo(admin, owner);
    // Last, as the mark that the database needs no more handing over.
    await admin.query(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I OWNER TO %I', current_database(), ${admin.escapeLiteral(owner)}); END $$`);
  });
  const database = options.newDatabase ? withDatabase(adminUrl, options.newDatabase) : adminUrl;
  return { ownerUrl: asRole(database, roles.owner), appUrl: asRole(database, roles.app) };
}

async function ensureRoles(admin: Client, roles: PlatformRole[]): Promise<void> {
  const { rows } = await admin.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
  // Only a superuser may take these attributes away; a CREATEROLE admin never gives them.
  const notSuper = rows[0]?.rolsuper ? ' NOSUPERUSER NOBYPASSRLS NOREPLICATION' : '';
  for (const role of roles) {
    const name = admin.escapeIdentifier(role.name);
    // CREATE ROLE has no IF NOT EXISTS; two test runs on one server may race here.
    await admin.query(`DO $$ BEGIN CREATE ROLE ${name} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    await admin.query(`ALTER ROLE ${name} WITH LOGIN NOCREATEDB NOCREATEROLE${notSuper} PASSWORD ${admin.escapeLiteral(role.password)}`);
  }
}

/**
 * Gives `owner` the tables, views, sequences, types and functions of the
 * public schema that someone else owns (those of extensions stay theirs).
 */
async function handPublicSchemaTo(admin: Client, owner: string): Promise<void> {
  await admin.query(`DO $$
    DECLARE
      o record;
      owner_name text := ${admin.escapeLiteral(owner)};
      owner_oid oid := (SELECT oid FROM pg_roles WHERE rolname = owner_name);
    BEGIN
      -- Tables first: their indexes and the sequences of their identity and serial columns follow them.
      FOR o IN
        SELECT format('ALTER %s %s OWNER TO %I',
                 CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'c' THEN 'TYPE' ELSE 'TABLE' END,
                 c.oid::regclass, owner_name) AS statement
          FROM pg_class c
         WHERE c.relnamespace = 'public'::regnamespace AND c.relowner <> owner_oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      LOOP EXECUTE o.statement; END LOOP;
      FOR o IN
        SELECT format('ALTER SEQUENCE %s OWNER TO %I', c.oid::regclass, owner_name) AS statement
          FROM pg_class c
         WHERE c.relnamespace = 'public'::regnamespace AND c.relowner <> owner_oid AND c.relkind = 'S'
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      LOOP EXECUTE o.statement; END LOOP;
      FOR o IN
        SELECT format('ALTER %s %s OWNER TO %I', CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, p.oid::regprocedure, owner_name) AS statement
          FROM pg_proc p
         WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> owner_oid
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
      LOOP EXECUTE o.statement; END LOOP;
      FOR o IN
        SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, owner_name) AS statement
          FROM pg_type t
         WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> owner_oid AND t.typtype IN ('e', 'd', 'r')
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
      LOOP EXECUTE o.statement; END LOOP;
    END $$`);
}

/** The same server URL, pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A database cloned from `template` (CREATE DATABASE … TEMPLATE) for one test
 * platform: it keeps the template's tables, rows and grants, and belongs to
 * `owner`, the role that owns the template's schema. `adminUrl` may create
 * databases. dropDatabase removes it.
 */
export async function cloneDatabase(adminUrl: string, clone: { name: string; template: string; owner: string }): Promise<void> {
  await withClient(adminUrl, async (admin) => {
    await admin.query(`CREATE DATABASE ${clone.name} TEMPLATE ${clone.template} OWNER ${clone.owner}`);
  });
}

/** Drops a database if it is there, ending the connections it still has. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

function asRole(url: string, role: PlatformRole): string {
  const parsed = new URL(url);
  parsed.username = role.name;
  parsed.password = role.password;
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
