import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { IndicatorTablePage } from './indicator-table-page';
import { writeIndicatorTable, type ExportLayout } from './export-table';
import { csvField } from './table-writers';

const COLUMNS = [
  { id: 'INCIDENTS_PER_1000_RESIDENTS', labelZh: '每千人治安事件数', labelEn: 'Incidents per 1,000 residents', unit: 'per 1,000', unitZh: '件/千人' },
  { id: 'POPULATION', labelZh: '人口', labelEn: 'Population', unit: 'people', unitZh: '人' },
];
const PERIOD = { kind: 'QUARTER', label: '2026-Q3', first: '2026-07-01', last: '2026-09-30' };

/** Two pages of a county table as the graph answers `indicatorTable` (with both comparisons), the second the last. */
const PAGES: IndicatorTablePage[] = [
  {
    columns: COLUMNS,
    period: PERIOD,
    edges: [
      {
        node: {
          code: '620102',
          name: '城关区',
          level: 'COUNTY',
          tier: null,
          values: [
            { value: 0.35, previousPeriod: 0.5, changeFromPreviousPeriod: -0.15, samePeriodLastYear: null, changeFromSamePeriodLastYear: null },
            { value: 20000, previousPeriod: 20000, changeFromPreviousPeriod: 0, samePeriodLastYear: 19800, changeFromSamePeriodLastYear: 200 },
          ],
        },
      },
      {
        node: {
          code: '620103',
          name: '七里河区, "西"\n片',
          level: 'COUNTY',
          tier: null,
          values: [
            { value: null, previousPeriod: null, changeFromPreviousPeriod: null, samePeriodLastYear: null, changeFromSamePeriodLastYear: null },
            { value: 8000, previousPeriod: 7900, changeFromPreviousPeriod: 100, samePeriodLastYear: 7800, changeFromSamePeriodLastYear: 200 },
          ],
        },
      },
    ],
    pageInfo: { hasNextPage: true, endCursor: 'c2' },
  },
  {
    columns: COLUMNS,
    period: PERIOD,
    edges: [
      {
        node: {
          code: '620201',
          name: '示例区',
          level: 'COUNTY',
          tier: null,
          values: [
            { value: 1 / 3, previousPeriod: 0, changeFromPreviousPeriod: 1 / 3, samePeriodLastYear: 0.25, changeFromSamePeriodLastYear: 1 / 3 - 0.25 },
            { value: 3000, previousPeriod: 3000, changeFromPreviousPeriod: 0, samePeriodLastYear: 3000, changeFromSamePeriodLastYear: 0 },
          ],
        },
      },
    ],
    pageInfo: { hasNextPage: false, endCursor: 'c3' },
  },
];

async function* pagesOf(pages: IndicatorTablePage[]) {
  yield* pages;
}

async function exported(layout: ExportLayout, pages = PAGES): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeIndicatorTable(pagesOf(pages), layout, out);
  return Buffer.concat(chunks);
}

/** Every row as exceljs reads it back, empty cells as null. */
function rowsOf(sheet: ExcelJS.Worksheet, width: number): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from({ length: width }, (_, index) => row.getCell(index + 1).value ?? null));
  });
  return rows;
}

const ZH_HEADER_BOTH = [
  '代码',
  '名称',
  '级别',
  '类别',
  '每千人治安事件数 (件/千人)',
  '每千人治安事件数 (件/千人) 上期',
  '每千人治安事件数 (件/千人) 较上期变化',
  '每千人治安事件数 (件/千人) 去年同期',
  '每千人治安事件数 (件/千人) 较去年同期变化',
  '人口 (人)',
  '人口 (人) 上期',
  '人口 (人) 较上期变化',
  '人口 (人) 去年同期',
  '人口 (人) 较去年同期变化',
];
const ROWS_BOTH = [
  ['620102', '城关区', 'COUNTY', null, 0.35, 0.5, -0.15, null, null, 20000, 20000, 0, 19800, 200],
  ['620103', '七里河区, "西"\n片', 'COUNTY', null, null, null, null, null, null, 8000, 7900, 100, 7800, 200],
  ['620201', '示例区', 'COUNTY', null, 1 / 3, 0, 1 / 3, 0.25, 1 / 3 - 0.25, 3000, 3000, 0, 3000, 0],
];

describe('the export writer', () => {
  it('writes CSV in UTF-8 with a byte-order mark, RFC 4180 quoting and CRLF, every page in order', async () => {
    const bytes = await exported({ format: 'csv', language: 'zh', compare: ['SAME_PERIOD_LAST_YEAR', 'PREVIOUS_PERIOD'] });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(ZH_HEADER_BOTH.join(','));
    expect(text).toContain('\r\n620103,"七里河区, ""西""\n片",COUNTY,,,,,,,8000,7900,100,7800,200\r\n');
    expect(text.endsWith('\r\n')).toBe(true);

    // Read back by exceljs's CSV reader: the same cells (numbers parsed back as numbers, empty cells empty).
    const workbook = new ExcelJS.Workbook();
    const sheet = await workbook.csv.read(Readable.from([text]), { parserOptions: { delimiter: ',', quote: '"' }, map: (value: string) => (value === '' ? null : /^-?\d/.test(value) && !/^\d{6,}$/.test(value) ? Number(value) : value) });
    expect(rowsOf(sheet, ZH_HEADER_BOTH.length)).toEqual([ZH_HEADER_BOTH, ...ROWS_BOTH]);
  });

  it('writes XLSX through the streaming writer that exceljs reads back cell for cell, numbers as numbers', async () => {
    const bytes = await exported({ format: 'xlsx', language: 'zh', compare: ['PREVIOUS_PERIOD', 'SAME_PERIOD_LAST_YEAR'] });
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('2026-Q3');
    expect(rowsOf(sheet, ZH_HEADER_BOTH.length)).toEqual([ZH_HEADER_BOTH, ...ROWS_BOTH]);
  });

  it('labels the columns in English, and adds no comparison columns when none was asked', async () => {
    const bytes = await exported({ format: 'xlsx', language: 'en', compare: [] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(rowsOf(workbook.worksheets[0], 6)).toEqual([
      ['Code', 'Name', 'Level', 'Tier', 'Incidents per 1,000 residents (per 1,000)', 'Population (people)'],
      ['620102', '城关区', 'COUNTY', null, 0.35, 20000],
      ['620103', '七里河区, "西"\n片', 'COUNTY', null, null, 8000],
      ['620201', '示例区', 'COUNTY', null, 1 / 3, 3000],
    ]);
  });

  it('writes a table with no rows as its header alone', async () => {
    const empty = [{ ...PAGES[1], edges: [] }];
    const text = (await exported({ format: 'csv', language: 'en', compare: [] }, empty)).toString('utf8');
    expect(text).toBe('\ufeffCode,Name,Level,Tier,"Incidents per 1,000 residents (per 1,000)",Population (people)\r\n');
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    [null, ''],
    [0.1, '0.1'],
  ])('quotes the field %j as %j', (cell, field) => {
    expect(csvField(cell)).toBe(field);
  });
});
