/** The parts of the contract's IndicatorTable an export reads, as the graph answers them. */
export interface IndicatorColumn {
  id: string;
  labelZh: string;
  labelEn: string;
  unit: string;
  unitZh: string;
}

export interface IndicatorCell {
  value: number | null;
  previousPeriod?: number | null;
  changeFromPreviousPeriod?: number | null;
  samePeriodLastYear?: number | null;
  changeFromSamePeriodLastYear?: number | null;
}

export interface IndicatorTableRow {
  code: string;
  name: string;
  level: string;
  tier: string | null;
  /** Each column's value, in column order (an export without comparisons). */
  figures?: (number | null)[];
  /** Each column's cell, in column order (an export with comparisons). */
  values?: IndicatorCell[];
}

/** The Chinese and English name of an enum value (`enumLabels`), so a file never shows `FOUNDATIONAL`. */
export interface EnumValueLabel {
  value: string;
  labelZh: string;
  labelEn: string;
}

export interface IndicatorTablePage {
  columns: IndicatorColumn[];
  /** Names of the table's levels and tiers; absent, the values are written as they are. */
  levels?: EnumValueLabel[];
  tiers?: EnumValueLabel[];
  period: { label: string };
  edges: { node: IndicatorTableRow }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** How many rows an export asks for at a time: indicatorTable's largest page. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * The operation an export runs for each page. Without comparisons a row's
 * `figures` (a list of numbers) is all it needs; cells, with their earlier
 * figures, only when the export compares (`fields`: the comparison columns
 * wanted). Both are in column order.
 */
export function indicatorTablePageQuery(comparedFields: readonly string[]): string {
  return `query IndicatorTableExport($input: IndicatorTableInput!, $after: String) {
  indicatorTable(input: $input, first: ${EXPORT_PAGE_SIZE}, after: $after) {
    columns { id labelZh labelEn unit unitZh }
    period { label }
    edges { node { code name level tier ${comparedFields.length ? `values { value ${comparedFields.join(' ')} }` : 'figures'} } }
    pageInfo { hasNextPage endCursor }
  }
  levels: enumLabels(enum: "TableLevel") { value labelZh labelEn }
  tiers: enumLabels(enum: "Tier") { value labelZh labelEn }
}`;
}
