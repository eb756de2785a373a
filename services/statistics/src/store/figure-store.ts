import { significantPrefix } from '@shequ/kit';
import { assertMeasureName, FLOW_MEASURES, MEMBER_MEASURES, REPORTING_COLUMN, SAMPLE_MEASURES, STOCK_MEASURES, type FeedDepartment } from '../catalogue/measures';
import type { AssessmentMethodEntry, DirectoryPage, FigureBlock, FigureMonth, FigurePage } from './feed-page';
import { rebuildScopeCounts } from './month-figures';
import type { Queryable } from './queryable';

/*
 * Writes what the department feeds publish into the store. Each function
 * takes one page or block exactly as the feed returns it.
 * Measures the store does not know are ignored (a department may publish
 * more than the catalogue reads).
 */

/** The page's values of `known` measures, one array per measure, aligned with its rows. */
function columnsOf(page: FigurePage, known: readonly string[]): { names: string[]; values: (number | null)[][] } {
  const positions = page.measures.map((measure, index) => ({ measure, index })).filter(({ measure }) => known.includes(measure));
  return {
    names: positions.map(({ measure }) => assertMeasureName(measure)),
    values: positions.map(({ index }) => page.rows.map((row) => row.values[index] ?? null)),
  };
}

async function upsertRows(db: Queryable, table: string, month: string, page: FigurePage, names: string[], values: (number | null)[][], extra: Record<string, string> = {}): Promise<number> {
  if (page.rows.length === 0) {
    return 0;
  }
  const extraNames = Object.keys(extra);
  const arrays = names.map((_, index) => `$${index + 3}::float8[]`).join(', ');
  const assignments = [...names, ...extraNames].map((name) => `${name} = EXCLUDED.${name}`);
  await db.query(
    `INSERT INTO statistics.${table} (month, community_code${names.map((name) => `, ${name}`).join('')}${extraNames.map((name) => `, ${name}`).join('')})
     SELECT $1, page.code${names.map((name) => `, page.${name}`).join('')}${extraNames.map((name) => `, ${extra[name]}`).join('')}
     FROM unnest($2::text[]${arrays ? `, ${arrays}` : ''}) AS page(code${names.map((name) => `, ${name}`).join('')})
     ON CONFLICT (month, community_code) DO ${assignments.length ? `UPDATE SET ${assignments.join(', ')}` : 'NOTHING'}`,
    [month, page.rows.map((row) => row.communityCode), ...values],
  );
  return page.rows.length;
}

/** Which flows a block replaces: the months asked, for the community codes after `after` (null: from the first) up to `through` (null: to the last). */
export interface BlockScope {
  months: string[];
  after: string | null;
  through: string | null;
}

const inScope = (alias: string, after: string, through: string) =>
  `(${after}::text IS NULL OR ${alias}.community_code > (${after}::text COLLATE "C")) AND (${through}::text IS NULL OR ${alias}.community_code <= (${through}::text COLLATE "C"))`;

/** A block with nothing in it: what a month the department no longer lists publishes. */
export const EMPTY_BLOCK: FigureBlock = { measures: [], rows: { month: [], communityCode: [], values: [] }, samples: { month: [], communityCode: [], measure: [], value: [], count: [] } };

/**
 * A department's flows of the block's months and communities, as its feed
 * publishes them, written as changes: rows whose figures differ are updated,
 * community-months of the scope the block no longer lists lose the
 * department's figures, samples likewise; a block collected again unchanged
 * writes nothing (no row versions for the other departments' columns to
 * carry). Returns how many rows and samples the block published, and the
 * months whose stored figures changed.
 */
export async function storeFlowBlock(db: Queryable, department: FeedDepartment, scope: BlockScope, block: FigureBlock): Promise<{ published: number; changedMonths: string[] }> {
  const flows = FLOW_MEASURES[department].map(assertMeasureName);
  const measures = SAMPLE_MEASURES[department];
  const width = block.measures.length;
  const positions = flows.map((measure) => block.measures.indexOf(measure));
  const values = positions.map((position) => block.rows.month.map((_, row) => (position < 0 ? null : (block.rows.values[row * width + position] ?? null))));
  const keep = block.samples.measure.map((measure) => measures.includes(measure));
  const samples = {
    month: block.samples.month.filter((_, index) => keep[index]),
    communityCode: block.samples.communityCode.filter((_, index) => keep[index]),
    measure: block.samples.measure.filter((_, index) => keep[index]),
    value: block.samples.value.filter((_, index) => keep[index]),
    count: block.samples.count.filter((_, index) => keep[index]),
  };
  const changed = new Set<string>();
  const collect = (rows: { month: string }[]) => rows.forEach((row) => changed.add(row.month));
  if (flows.length) {
    const tuple = (alias: string) => `(${flows.map((name) => `${alias}.${name}`).join(', ')})`;
    // Two changes in one statement: the rows the block lists (upserted) and the rows of its scope it no longer lists (cleared) never meet.
    collect(
      await db.query(
        `WITH page AS MATERIALIZED (
           SELECT * FROM unnest($4::text[], $5::text[], ${flows.map((_, index) => `$${index + 6}::float8[]`).join(', ')}) AS page(month, code, ${flows.join(', ')})
         ), upserted AS (
           INSERT INTO statistics.community_month AS held (month, community_code, ${flows.join(', ')})
           SELECT page.month, page.code, ${flows.map((name) => `page.${name}`).join(', ')} FROM page
           ON CONFLICT (month, community_code) DO UPDATE SET ${flows.map((name) => `${name} = EXCLUDED.${name}`).join(', ')}
           WHERE ${tuple('held')} IS DISTINCT FROM ${tuple('EXCLUDED')}
           RETURNING held.month
         ), cleared AS (
           UPDATE statistics.community_month held SET ${flows.map((name) => `${name} = NULL`).join(', ')}
           WHERE held.month = ANY($1::text[]) AND ${inScope('held', '$2', '$3')} AND (${flows.map((name) => `held.${name} IS NOT NULL`).join(' OR ')})
             AND NOT EXISTS (SELECT 1 FROM page WHERE page.month = held.month AND page.code = held.community_code)
           RETURNING held.month
         )
         SELECT DISTINCT month FROM (SELECT month FROM upserted UNION ALL SELECT month FROM cleared) changed`,
        [scope.months, scope.after, scope.through, block.rows.month, block.rows.communityCode, ...values],
      ),
    );
  }
  if (measures.length) {
    collect(
      await db.query(
        `WITH published AS MATERIALIZED (
           SELECT * FROM unnest($4::text[], $5::text[], $6::text[], $7::float8[], $8::int[]) AS s(month, code, measure, value, count)
         ), upserted AS (
           INSERT INTO statistics.sample AS held (month, community_code, measure, value, count)
           SELECT s.month, s.code, s.measure, s.value, s.count FROM published s
           ON CONFLICT (month, community_code, measure, value) DO UPDATE SET count = EXCLUDED.count WHERE held.count <> EXCLUDED.count
           RETURNING held.month
         ), dropped AS (
           DELETE FROM statistics.sample held
           WHERE held.month = ANY($1::text[]) AND held.measure = ANY($9::text[]) AND ${inScope('held', '$2', '$3')}
             AND NOT EXISTS (SELECT 1 FROM published s WHERE s.month = held.month AND s.code = held.community_code AND s.measure = held.measure AND s.value = held.value)
           RETURNING held.month
         )
         SELECT DISTINCT month FROM (SELECT month FROM upserted UNION ALL SELECT month FROM dropped) changed`,
        [scope.months, scope.after, scope.through, samples.month, samples.communityCode, samples.measure, samples.value, samples.count, measures],
      ),
    );
  }
  return { published: block.rows.month.length + samples.month.length, changedMonths: [...changed].sort() };
}

/** Empties a department's snapshot of `month`, before it is taken again. */
export async function clearStocks(db: Queryable, department: FeedDepartment, month: string): Promise<void> {
  const stocks = STOCK_MEASURES[department];
  await db.query(
    `UPDATE statistics.stock_snapshot SET ${[...stocks.map((name) => `${name} = NULL`), `${REPORTING_COLUMN[department]} = false`].join(', ')} WHERE month = $1`,
    [month],
  );
  await db.query(`DELETE FROM statistics.member WHERE month = $1 AND measure = ANY($2::text[])`, [month, MEMBER_MEASURES[department]]);
}

/** One page of a department's stocks, snapshotted into `month` (the current China month): rows and members. */
export async function storeStocks(db: Queryable, department: FeedDepartment, month: string, page: FigurePage): Promise<number> {
  const { names, values } = columnsOf(page, STOCK_MEASURES[department]);
  let written = await upsertRows(db, 'stock_snapshot', month, page, names, values, { [REPORTING_COLUMN[department]]: 'true' });
  const members = page.members.filter((member) => MEMBER_MEASURES[department].includes(member.measure));
  if (members.length) {
    await db.query(
      `INSERT INTO statistics.member (month, community_code, measure, member)
       SELECT $1, m.code, m.measure, m.member FROM unnest($2::text[], $3::text[], $4::text[]) AS m(code, measure, member)
       ON CONFLICT DO NOTHING`,
      [month, members.map((m) => m.communityCode), members.map((m) => m.measure), members.map((m) => m.member)],
    );
    written += members.length;
  }
  return written;
}

/** One page of governance's directory: regions and communities with name, level, parent and tier. */
export async function storeDirectory(db: Queryable, page: DirectoryPage): Promise<number> {
  const entries = page.entries;
  if (entries.length === 0) {
    return 0;
  }
  await db.query(
    `INSERT INTO statistics.directory (code, name, level, parent_code, tier, prefix)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, tier = EXCLUDED.tier, prefix = EXCLUDED.prefix`,
    [
      entries.map((entry) => entry.code),
      entries.map((entry) => entry.name),
      entries.map((entry) => entry.level),
      entries.map((entry) => entry.parentCode),
      entries.map((entry) => (entry.level === 'COMMUNITY' ? entry.tier : null)),
      entries.map((entry) => (entry.level === 'COMMUNITY' ? entry.code : significantPrefix(entry.code))),
    ],
  );
  return entries.length;
}

/**
 * After the directory's last page: drops codes the directory no longer
 * lists and rebuilds which table rows each community adds into.
 */
export async function finishDirectory(db: Queryable, listed: string[]): Promise<void> {
  await dropUnlistedCodes(db, listed);
  await rebuildScopes(db);
}

/** Drops the codes the directory no longer lists. */
export async function dropUnlistedCodes(db: Queryable, listed: string[]): Promise<void> {
  await db.query(`DELETE FROM statistics.directory WHERE NOT (code = ANY($1::text[]))`, [listed]);
}

/** Rebuilds which table rows each community adds into, and how many communities of each tier every row holds. */
export async function rebuildScopes(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM statistics.scope_member`);
  // A region's communities are the codes that start with its significant prefix (kit rule); a community's
  // candidate prefixes are its first 2, 4, 6 and 9 digits, so the roll-up is an equality join, not a range per region.
  await db.query(
    `WITH ancestry AS (
       SELECT r.code AS scope_code, c.code AS community_code, c.tier
       FROM statistics.directory c
       CROSS JOIN LATERAL unnest(ARRAY[left(c.code, 2), left(c.code, 4), left(c.code, 6), left(c.code, 9)]) AS candidate(prefix)
       JOIN statistics.directory r ON r.prefix = candidate.prefix AND r.level <> 'COMMUNITY'
       WHERE c.level = 'COMMUNITY'
     )
     INSERT INTO statistics.scope_member (scope_code, tier_set, community_code)
     SELECT c.code, 7, c.code FROM statistics.directory c WHERE c.level = 'COMMUNITY'
     UNION ALL
     SELECT a.scope_code, sets.tier_set, a.community_code
     FROM ancestry a
     JOIN (VALUES ('ADVANCED', 1), ('ADVANCED', 3), ('ADVANCED', 5), ('STANDARD', 2), ('STANDARD', 3), ('STANDARD', 6),
                  ('FOUNDATIONAL', 4), ('FOUNDATIONAL', 5), ('FOUNDATIONAL', 6)) AS sets(tier, tier_set) ON sets.tier = a.tier
     UNION ALL
     SELECT a.scope_code, 7, a.community_code FROM ancestry a`,
  );
  await rebuildScopeCounts(db);
}

/** governance's assessment method, replacing the one held. */
export async function storeAssessmentMethod(db: Queryable, method: AssessmentMethodEntry[]): Promise<number> {
  const rows = method.flatMap((template) => template.targets.map((target) => ({ ...template, tier: target.tier, target: target.target })));
  await db.query(`DELETE FROM statistics.assessment_template`);
  if (rows.length) {
    await db.query(
      `INSERT INTO statistics.assessment_template (indicator, component, comparison, unit, tier, target)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[])`,
      [rows.map((r) => r.indicator), rows.map((r) => r.component), rows.map((r) => r.comparison), rows.map((r) => r.unit), rows.map((r) => r.tier), rows.map((r) => r.target)],
    );
  }
  return rows.length;
}

/** The fingerprints held for a department's months. */
export async function storedFingerprints(db: Queryable, department: FeedDepartment): Promise<Map<string, string>> {
  const rows: { month: string; fingerprint: string }[] = await db.query(`SELECT month, fingerprint FROM statistics.month_fingerprint WHERE department = $1`, [department]);
  return new Map(rows.map((row) => [row.month, row.fingerprint]));
}

/** Records the fingerprints of months just collected. */
export async function storeFingerprints(db: Queryable, department: FeedDepartment, months: readonly FigureMonth[]): Promise<void> {
  await db.query(
    `INSERT INTO statistics.month_fingerprint (department, month, rows, fingerprint)
     SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[])
     ON CONFLICT (department, month) DO UPDATE SET rows = EXCLUDED.rows, fingerprint = EXCLUDED.fingerprint`,
    [department, months.map((month) => month.month), months.map((month) => month.rows), months.map((month) => month.fingerprint)],
  );
}

/** Forgets the fingerprints of months the department no longer lists. */
export async function forgetFingerprints(db: Queryable, department: FeedDepartment, listed: string[]): Promise<void> {
  await db.query(`DELETE FROM statistics.month_fingerprint WHERE department = $1 AND NOT (month = ANY($2::text[]))`, [department, listed]);
}
