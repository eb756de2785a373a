import { ScaffoldError } from './scaffold-error';

/**
 * Every name the generated subgraph uses, derived from its one name, so the
 * folder, the package, the PostgreSQL schema, the variables, the classes and
 * the GraphQL fields always agree (`neighbourhood-watch` → schema
 * `neighbourhood_watch`, `NeighbourhoodWatchRecord`,
 * `NEIGHBOURHOOD_WATCH_URL`). The keys are also the template's placeholders:
 * `{{Name}}` in a template file is `NeighbourhoodWatch`.
 */
export interface SubgraphNames {
  /** The subgraph's and the department's name, lower-case kebab-case: `neighbourhood-watch`. */
  name: string;
  /** For prose, starting a sentence or a heading: `Neighbourhood watch`. */
  title: string;
  /** For prose, within a sentence: `neighbourhood watch`. */
  words: string;
  /** For classes and types: `NeighbourhoodWatch`. */
  Name: string;
  /** For values and fields: `neighbourhoodWatch`. */
  camelName: string;
  /** The PostgreSQL schema that holds its tables: `neighbourhood_watch` (`databaseSchemaOf` in @shequ/schema). */
  schema: string;
  /** The stem of its variables: `NEIGHBOURHOOD_WATCH`. */
  NAME: string;
  urlVariable: string;
  databaseUrlVariable: string;
  /** Its folder, from the repository root. */
  directory: string;
  packageName: string;
  /** The generated entity, a GraphQL type and a TypeORM entity: `NeighbourhoodWatchRecord`. */
  Entity: string;
  /** The audited mutation that writes one, and its access rule: `registerNeighbourhoodWatchRecord`. */
  mutation: string;
  /** The field it adds to governance's Community: `neighbourhoodWatchRecords`. */
  communityField: string;
  /** Admins read its audit log here: `neighbourhoodWatchAuditLog`. */
  auditLogField: string;
}

/** Lower-case words of letters and digits joined by single hyphens, starting with a letter. */
const KEBAB_CASE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Room for the longest identifier made from the name (`<schema>` in
 * PostgreSQL, whose identifiers stop at 63 bytes) and for names people read
 * in the graph.
 */
export const MAX_NAME_LENGTH = 40;

/** Schemas PostgreSQL keeps for itself: a subgraph's tables never go there. */
function reservedSchema(schema: string): boolean {
  return schema === 'public' || schema === 'information_schema' || schema.startsWith('pg_');
}

/** Refuses a name that is not lower-case kebab-case, is too long, or would put the subgraph's tables in a schema PostgreSQL reserves. */
export function assertSubgraphName(name: string): string {
  if (!KEBAB_CASE.test(name)) {
    throw new ScaffoldError(
      'BAD_NAME',
      `"${name}" is not a subgraph name: use lower-case kebab-case, words of a–z and 0–9 joined by single hyphens, starting with a letter (e.g. neighbourhood-watch)`,
    );
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw new ScaffoldError('BAD_NAME', `"${name}" is ${name.length} characters long; a subgraph name has at most ${MAX_NAME_LENGTH}`);
  }
  const schema = name.replaceAll('-', '_');
  if (reservedSchema(schema)) {
    throw new ScaffoldError('BAD_NAME', `"${name}" would keep its tables in the PostgreSQL schema ${schema}, which PostgreSQL reserves: choose another name`);
  }
  return name;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The names of the subgraph called `name`; refuses a name `assertSubgraphName` refuses. */
export function subgraphNames(name: string): SubgraphNames {
  const words = assertSubgraphName(name).split('-');
  const Name = words.map(capitalised).join('');
  const camelName = words[0] + words.slice(1).map(capitalised).join('');
  const NAME = words.join('_').toUpperCase();
  return {
    name,
    title: capitalised(words.join(' ')),
    words: words.join(' '),
    Name,
    camelName,
    schema: words.join('_'),
    NAME,
    urlVariable: `${NAME}_URL`,
    databaseUrlVariable: `${NAME}_DATABASE_URL`,
    directory: `services/${name}`,
    packageName: `@shequ/${name}`,
    Entity: `${Name}Record`,
    mutation: `register${Name}Record`,
    communityField: `${camelName}Records`,
    auditLogField: `${camelName}AuditLog`,
  };
}
