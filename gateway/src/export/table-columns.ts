import type { ExportLanguage } from './export-request';
import type { EnumValueLabel, IndicatorCell, IndicatorColumn, IndicatorTableRow } from './indicator-table-page';

export type Comparison = 'PREVIOUS_PERIOD' | 'SAME_PERIOD_LAST_YEAR';
export type Cell = string | number | null;

const FIXED = { zh: ['代码', '名称', '级别', '类别'], en: ['Code', 'Name', 'Level', 'Tier'] } as const;

/** The columns a comparison adds after each indicator's value, and the field each reads. */
const COMPARED: Record<Comparison, { field: keyof IndicatorCell; zh: string; en: string }[]> = {
  PREVIOUS_PERIOD: [
    { field: 'previousPeriod', zh: '上期', en: 'previous period' },
    { field: 'changeFromPreviousPeriod', zh: '较上期变化', en: 'change from previous period' },
  ],
  SAME_PERIOD_LAST_YEAR: [
    { field: 'samePeriodLastYear', zh: '去年同期', en: 'same period last year' },
    { field: 'changeFromSamePeriodLastYear', zh: '较去年同期变化', en: 'change from same period last year' },
  ],
};

/** The cell fields the comparisons asked for add, in the contract's order. */
export function comparedFields(compare: readonly Comparison[]): (keyof IndicatorCell)[] {
  return (['PREVIOUS_PERIOD', 'SAME_PERIOD_LAST_YEAR'] as const).filter((comparison) => compare.includes(comparison)).flatMap((comparison) => COMPARED[comparison].map((extra) => extra.field));
}

/**
 * The layout of an exported table: code, name, level, tier, then per
 * indicator its label in the chosen language with its unit in brackets, and,
 * for each comparison asked, the earlier figure and the change.
 */
export class TableColumns {
  private readonly compared: { field: keyof IndicatorCell; zh: string; en: string }[];

  private readonly names: Map<string, string>;

  constructor(
    private readonly indicators: IndicatorColumn[],
    compare: readonly Comparison[],
    private readonly language: ExportLanguage,
    enumLabels: readonly EnumValueLabel[] = [],
  ) {
    this.names = new Map(enumLabels.map((label) => [label.value, language === 'zh' ? label.labelZh : label.labelEn]));
    // In the contract's order, whatever order the caller listed them in.
    this.compared = (['PREVIOUS_PERIOD', 'SAME_PERIOD_LAST_YEAR'] as const).filter((comparison) => compare.includes(comparison)).flatMap((comparison) => COMPARED[comparison]);
  }

  header(): string[] {
    const zh = this.language === 'zh';
    return [
      ...FIXED[this.language],
      ...this.indicators.flatMap((column) => {
        const label = `${zh ? column.labelZh : column.labelEn} (${zh ? column.unitZh : column.unit})`;
        return [label, ...this.compared.map((extra) => `${label} ${zh ? extra.zh : extra.en}`)];
      }),
    ];
  }

  row(row: IndicatorTableRow): Cell[] {
    return [
      row.code,
      row.name,
      this.names.get(row.level) ?? row.level,
      row.tier === null ? null : (this.names.get(row.tier) ?? row.tier),
      ...this.indicators.flatMap((_, index) => {
        const cell = row.values?.[index];
        return [row.figures?.[index] ?? cell?.value ?? null, ...this.compared.map((extra) => (cell?.[extra.field] as number | null | undefined) ?? null)];
      }),
    ];
  }
}
