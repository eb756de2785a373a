import { databaseSchemaOf, SUBGRAPHS, subgraphEntry } from '@shequ/schema';

/**
 * How each role's password is set:
 * - `psql-variable` (the default): from the psql variable `<schema>_password`
 *   (`psql -v governance_password=… -f roles.sql`), so no password is ever
 *   written into the script;
 * - `environment`: psql (15 or later) reads it with `\getenv` from
 *   `<STEM>_DATABASE_PASSWORD` (GOVERNANCE_DATABASE_PASSWORD, …): for an init
 *   script run by a container whose environment holds the secrets;
 * - `none`: the script sets no password (the operator does, or the server
 *   authenticates the role otherwise, e.g. by certificate).
 */
export type RolePasswords = 'psql-variable' | 'environment' | 'none';

export interface DepartmentRolesOptions {
  /** The database that holds the subgraphs' schemas: each role may connect to it, and no other role may (CONNECT is revoked from PUBLIC). */
  database: string;
  /** The subgraphs of the list that get a role, by name; every subgraph by default. */
  subgraphs?: readonly string[];
  /** A role is this prefix and its subgraph's schema: `shequ_governance`, `shequ_public_safety`, … Lower-case letters, digits and `_`. */
  rolePrefix?: string;
  passwords?: RolePasswords;
}

/** One subgraph's database role, as the SQL creates it: what a manifest needs to build the subgraph's database URL. */
export interface DepartmentRole {
  subgraph: string;
  schema: string;
  role: string;
  /** The subgraph's own database URL variable (GOVERNANCE_DATABASE_URL): it connects as `role` through it. */
  databaseUrlVariable: string;
  /** psql variable holding the password under `passwords: 'psql-variable'`. */
  passwordVariable: string;
  /** Environment variable holding the password under `passwords: 'environment'`. */
  passwordEnvironmentVariable: string;
}

export const DEFAULT_ROLE_PREFIX = 'shequ_';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** An SQL identifier, always quoted: a database name may hold any character. */
function identifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** An SQL string literal. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The role of each named subgraph (every subgraph of the list by default), in the list's order. */
export function departmentRoles(options: Omit<DepartmentRolesOptions, 'database' | 'passwords'> = {}): DepartmentRole[] {
  const prefix = options.rolePrefix ?? DEFAULT_ROLE_PREFIX;
  if (!IDENTIFIER.test(prefix)) {
    throw new Error(`rolePrefix must be lower-case letters, digits and _, starting with a letter or _; got ${JSON.stringify(prefix)}`);
  }
  const entries = options.subgraphs ? options.subgraphs.map(subgraphEntry) : SUBGRAPHS;
  return entries.map((entry) => {
    const schema = databaseSchemaOf(entry.name);
    const role = `${prefix}${schema}`;
    if (role.length > 63) {
      throw new Error(`role ${role} is longer than PostgreSQL's 63 characters: use a shorter rolePrefix`);
    }
    return {
      subgraph: entry.name,
      schema,
      role,
      databaseUrlVariable: entry.databaseUrlVariable,
      passwordVariable: `${schema}_password`,
      passwordEnvironmentVariable: entry.databaseUrlVariable.replace(/_URL$/, '_PASSWORD'),
    };
  });
}

function passwordSql(role: DepartmentRole, passwords: RolePasswords): string[] {
  switch (passwords) {
    case 'none':
      return [];
    case 'psql-variable':
      return [`ALTER ROLE ${identifier(role.role)} PASSWORD :'${role.passwordVariable}';`];
    case 'environment':
      return [`\\getenv ${role.passwordVariable} ${role.passwordEnvironmentVariable}`, `ALTER ROLE ${identifier(role.role)} PASSWORD :'${role.passwordVariable}';`];
  }
}

/**
 * Objects made in the schema before it was the role's (an administrator
 * migrated at start, as `pnpm start` does) pass to the role, so its own
 * migrations may alter and drop them. Sequences of a column follow their
 * table; indexes and triggers have no owner of their own.
 */
function adoptExistingObjectsSql(role: DepartmentRole): string {
  const owner = literal(role.role);
  const schema = literal(role.schema);
  return `DO $$
DECLARE statement text;
BEGIN
  FOR statement IN
    SELECT format('ALTER %s %I.%I OWNER TO %I',
             CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
             n.nspname, c.relname, ${owner})
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relowner <> ${owner}::regrole
       AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
    UNION ALL
    SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, ${owner})
      FROM pg_proc p WHERE p.pronamespace = ${schema}::regnamespace AND p.proowner <> ${owner}::regrole
    UNION ALL
    SELECT format('ALTER %s %s OWNER TO %I', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype, ${owner})
      FROM pg_type t WHERE t.typnamespace = ${schema}::regnamespace AND t.typowner <> ${owner}::regrole
       AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
  LOOP
    EXECUTE statement;
  END LOOP;
END $$;`;
}

function roleSql(role: DepartmentRole, database: string, passwords: RolePasswords): string {
  const name = identifier(role.role);
  const schema = identifier(role.schema);
  return [
    `-- ${role.subgraph}: ${role.role} owns schema ${role.schema} (so it can migrate it) and nothing else.`,
    // CREATE ROLE has no IF NOT EXISTS: the script may run again (a restarted job) and must not fail.
    `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(role.role)}) THEN CREATE ROLE ${name} LOGIN; END IF; END $$;`,
    `ALTER ROLE ${name} LOGIN;`,
    ...passwordSql(role, passwords),
    `GRANT CONNECT ON DATABASE ${identifier(database)} TO ${name};`,
    `CREATE SCHEMA IF NOT EXISTS ${schema} AUTHORIZATION ${name};`,
    `ALTER SCHEMA ${schema} OWNER TO ${name};`,
    // The owner may grant others rights on its schema; nobody else holds any.
    `REVOKE ALL ON SCHEMA ${schema} FROM PUBLIC;`,
    adoptExistingObjectsSql(role),
  ].join('\n');
}

/**
 * The SQL that gives each subgraph a database role of its own, least
 * privilege: the role may connect to `database`, owns its subgraph's schema
 * (its tables, its migrations table, so `main.js migrate up` runs as it) and
 * has no right on any other subgraph's schema, nor to create anything in
 * `public`. Roles are LOGIN, NOSUPERUSER, NOCREATEDB, NOCREATEROLE (PostgreSQL's
 * defaults). Run it as a superuser or the database's owner, before the first
 * migration or after (objects already in a schema pass to its role); it may
 * run again. For a compose init script or a Kubernetes Job; each subgraph
 * then connects with its own `<STEM>_DATABASE_URL` naming its role.
 */
export function departmentRolesSql(options: DepartmentRolesOptions): string {
  const roles = departmentRoles(options);
  const passwords = options.passwords ?? 'psql-variable';
  const passwordNote = {
    'psql-variable': `-- Passwords from psql variables: psql ${roles.map((role) => `-v ${role.passwordVariable}=…`).join(' ')} -f <this file>`,
    environment: `-- Passwords from the environment (psql 15 or later): ${roles.map((role) => role.passwordEnvironmentVariable).join(', ')}`,
    none: '-- No passwords set here: set them with ALTER ROLE … PASSWORD, or authenticate the roles otherwise.',
  }[passwords];
  return [
    `-- Shequ: one database role per subgraph, each owning its own schema in database ${options.database} and nothing else.`,
    passwordNote,
    // psql stops at the first error instead of going on without a role.
    ...(passwords === 'none' ? [] : ['\\set ON_ERROR_STOP on']),
    // Only the roles below (and superusers, and the owner) may connect; PostgreSQL before 15 let every role create in public.
    `REVOKE ALL ON DATABASE ${identifier(options.database)} FROM PUBLIC;`,
    'REVOKE CREATE ON SCHEMA public FROM PUBLIC;',
    ...roles.map((role) => roleSql(role, options.database, passwords)),
  ].join('\n') + '\n';
}
