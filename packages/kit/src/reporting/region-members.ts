import type { MigrationInterface, QueryRunner } from 'typeorm';
import { builtOncePerShape, isCommunityPrefix, SCOPES } from './scopes';
import { dropTriggerMaintenance, eachRegionLevel, maintainByTriggers, SCOPE_CODE } from './month-summary';

/**
 * The distinct members of a fact table's rows — the organisations serving
 * communities, the communities with a current liaison — per region level
 * (street, county, prefecture, province), each with how many of its facts
 * fall there, kept exact by statement-level triggers. A region then reads
 * its distinct members as rows of its own instead of making every fact in
 * its range distinct; a community reads its own facts.
 */
export interface RegionMembers {
  /** The department's schema, which holds both tables. */
  schema: string;
  /** The members table's name. */
  table: string;
  /** The fact table's name; it has a `community_code` column. */
  source: string;
  /** The fact's column naming its member, and that column's SQL type. */
  member: { column: string; type: string };
  /** Facts that count, as a predicate over the fact table's columns (unqualified). */
  filter?: string;
}

/** Counts the facts of `transition` (a transition table, or the source for the backfill) into the members with `sign`, once per region level. */
function applyStatement(members: RegionMembers, transition: string, sign: 1 | -1): string {
  return `INSERT INTO ${members.schema}.${members.table} AS m (region_prefix, member, facts)
      SELECT region_level.prefix, ${members.member.column}, ${sign === 1 ? '' : '-'}count(*)
      FROM ${transition} ${eachRegionLevel()}
      ${members.filter ? `WHERE ${members.filter}` : ''}
      GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (region_prefix, member) DO UPDATE SET facts = m.facts + EXCLUDED.facts;`;
}

/** Creates the members table, fills it from the facts already there and adds the triggers that keep it exact. */
export async function createRegionMembers(runner: QueryRunner, members: RegionMembers): Promise<void> {
  await runner.query(`CREATE TABLE ${members.schema}.${members.table} (
    region_prefix text COLLATE "C" NOT NULL,
    member ${members.member.type} NOT NULL,
    facts integer NOT NULL,
    PRIMARY KEY (region_prefix, member) INCLUDE (facts))`);
  await runner.query(applyStatement(members, `${members.schema}.${members.source}`, 1));
  // Planned from its real size from the first question on, not as an empty table.
  await runner.query(`ANALYZE ${members.schema}.${members.table}`);
  await maintainByTriggers(runner, members, (facts, sign) => applyStatement(members, facts, sign));
}

export async function dropRegionMembers(runner: QueryRunner, members: RegionMembers): Promise<void> {
  await dropTriggerMaintenance(runner, members);
  await runner.query(`DROP TABLE ${members.schema}.${members.table}`);
}

/** The migration that creates a department's members tables (table, backfill, triggers). */
export function regionMembersMigration(list: readonly RegionMembers[], timestamp: number): new () => MigrationInterface {
  return class RegionMembersTables implements MigrationInterface {
    name = `RegionMembers${timestamp}`;

    async up(runner: QueryRunner): Promise<void> {
      for (const members of list) {
        await createRegionMembers(runner, members);
      }
    }

    async down(runner: QueryRunner): Promise<void> {
      for (const members of [...list].reverse()) {
        await dropRegionMembers(runner, members);
      }
    }
  };
}

/**
 * A SELECT of `code` and `member`: the distinct members of each scope of a
 * batch (`$1` codes, `$2` prefixes, see aggregatedOverScopes) — a
 * community's from its own facts, a region's from its rows of the members
 * table. Scopes without members are absent.
 */
export const membersOverScopes = builtOncePerShape(function membersOverScopes(members: RegionMembers, prefixes: readonly string[]): string {
  const branches: string[] = [];
  if (prefixes.some(isCommunityPrefix)) {
    branches.push(`SELECT DISTINCT ${SCOPE_CODE}, f.member FROM ${SCOPES}
      JOIN (SELECT community_code, ${members.member.column} AS member FROM ${members.schema}.${members.source} ${members.filter ? `WHERE ${members.filter}` : ''}) f
        ON length(scope.prefix) = 12 AND f.community_code = scope.prefix`);
  }
  if (prefixes.some((prefix) => !isCommunityPrefix(prefix))) {
    branches.push(`SELECT ${SCOPE_CODE}, m.member FROM ${SCOPES}
      JOIN ${members.schema}.${members.table} m ON length(scope.prefix) < 12 AND m.region_prefix = scope.prefix AND m.facts > 0`);
  }
  if (branches.length === 0) {
    throw new Error('membersOverScopes needs at least one scope');
  }
  return branches.join('\n      UNION ALL\n      ');
});
