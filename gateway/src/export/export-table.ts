import type { Writable } from 'node:stream';
import type { ExportFormat, ExportLanguage } from './export-request';
import type { IndicatorTablePage } from './indicator-table-page';
import { TableColumns, type Comparison } from './table-columns';
import { tableWriter } from './table-writers';

export interface ExportLayout {
  format: ExportFormat;
  language: ExportLanguage;
  compare: readonly Comparison[];
}

/**
 * Writes the pages of an indicator table to `out` as they come: the header
 * from the first page's columns, then every row. Holds one page at a time.
 */
export async function writeIndicatorTable(pages: AsyncIterable<IndicatorTablePage>, layout: ExportLayout, out: Writable): Promise<void> {
  let writer: ReturnType<typeof tableWriter> | null = null;
  let columns: TableColumns | null = null;
  for await (const page of pages) {
    if (!writer || !columns) {
      columns = new TableColumns(page.columns, layout.compare, layout.language, [...(page.levels ?? []), ...(page.tiers ?? [])]);
      writer = tableWriter(layout.format, out, page.period.label);
      await writer.writeRow(columns.header());
    }
    for (const edge of page.edges) {
      await writer.writeRow(columns.row(edge.node));
    }
  }
  if (!writer) {
    throw new Error('an indicator table has at least one page');
  }
  await writer.end();
}
