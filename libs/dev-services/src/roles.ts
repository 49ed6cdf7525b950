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

export interface PlatformRoleUrls {
  /** The schema owner's connection: MIGRATION_DATABASE_URL. */
  ownerUrl: string;
  /** The application's connection: DATABASE_URL. */
  appUrl: string;
}

/**
 * Creates both roles on the server behind `adminUrl` (a role that may create
 * roles), or puts existing ones back in shape: able to sign in, with the known
 * password, and without superuser, BYPASSRLS, CREATEROLE or CREATEDB. Safe to
 * run on every start. Returns their URLs for the database of `adminUrl`.
 */
export async function ensurePlatformRoles(adminUrl: string): Promise<PlatformRoleUrls> {
  await withClient(adminUrl, async (admin) => {
    const { rows } = await admin.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
    // Only a superuser may take these attributes away; a CREATEROLE admin never gives them.
    const notSuper = rows[0]?.rolsuper ? ' NOSUPERUSER NOBYPASSRLS NOREPLICATION' : '';
    for (const role of Object.values(LOCAL_ROLES)) {
      // CREATE ROLE has no IF NOT EXISTS; two test runs on one server may race here.
      await admin.query(`DO $$ BEGIN CREATE ROLE ${role.name} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
      await admin.query(`ALTER ROLE ${role.name} WITH LOGIN NOCREATEDB NOCREATEROLE${notSuper} PASSWORD ${admin.escapeLiteral(role.password)}`);
    }
  });
  return { ownerUrl: asRole(adminUrl, LOCAL_ROLES.owner), appUrl: asRole(adminUrl, LOCAL_ROLES.app) };
}

/**
 * Makes the owner role the owner of the public schema's contents in the
 * database of `adminUrl`, and lets it create objects there (and extensions
 * that PostgreSQL trusts non-superusers with, such as pg_trgm). Clusters made
 * before the platform had its own roles hold tables, sequences, types and
 * functions owned by the superuser `postgres`: they are handed over, so the
 * migrations (as the owner) can change them and grant them to the application.
 * Does nothing to what the owner already owns; safe to run on every start.
 */
export async function handDatabaseToOwner(adminUrl: string): Promise<void> {
  const owner = LOCAL_ROLES.owner.name;
  await withClient(adminUrl, async (admin) => {
    await admin.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${owner}`);
    // CREATE on the database: migrations add trusted extensions (pg_trgm).
    await admin.query(`DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO ${owner}', current_database()); END $$`);
    await admin.query(`DO $$
      DECLARE
        o record;
        owner_oid oid := '${owner}'::regrole;
      BEGIN
        -- Tables first: their indexes and the sequences of their identity and serial columns follow them.
        FOR o IN
          SELECT format('ALTER %s %s OWNER TO ${owner}',
                   CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'c' THEN 'TYPE' ELSE 'TABLE' END,
                   c.oid::regclass) AS statement
            FROM pg_class c
           WHERE c.relnamespace = 'public'::regnamespace AND c.relowner <> owner_oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        LOOP EXECUTE o.statement; END LOOP;
        FOR o IN
          SELECT format('ALTER SEQUENCE %s OWNER TO ${owner}', c.oid::regclass) AS statement
            FROM pg_class c
           WHERE c.relnamespace = 'public'::regnamespace AND c.relowner <> owner_oid AND c.relkind = 'S'
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        LOOP EXECUTE o.statement; END LOOP;
        FOR o IN
          SELECT format('ALTER %s %s OWNER TO ${owner}', CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, p.oid::regprocedure) AS statement
            FROM pg_proc p
           WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> owner_oid
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
        LOOP EXECUTE o.statement; END LOOP;
        FOR o IN
          SELECT format('ALTER TYPE %s OWNER TO ${owner}', t.oid::regtype) AS statement
            FROM pg_type t
           WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> owner_oid AND t.typtype IN ('e', 'd', 'r')
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
        LOOP EXECUTE o.statement; END LOOP;
      END $$`);
  });
}

function asRole(url: string, role: { name: string; password: string }): string {
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
