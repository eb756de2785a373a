import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportFormat } from './export-request';
import type { Cell } from './table-columns';

/** Rows in, bytes out to a stream, one row at a time: nothing holds more than the row being written. */
export interface TableWriter {
  writeRow(cells: Cell[]): Promise<void>;
  end(): Promise<void>;
}

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled; nothing else is. */
export function csvField(cell: Cell): string {
  if (cell === null) {
    return '';
  }
  const text = typeof cell === 'number' ? String(cell) : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Waits, when the stream asks to, until it has drained: a slow client slows the export instead of filling memory. */
function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', done);
      out.off('error', done);
      out.off('close', closed);
      if (error) {
        reject(error);
      } else {
        resolve();
      }
    };
    const closed = () => done(new Error('the client went before the export was written'));
    out.once('drain', done);
    out.once('error', done);
    out.once('close', closed);
  });
}

/** UTF-8 with a byte-order mark, so that spreadsheet programs read the Chinese names as such; CRLF line ends. */
export function csvWriter(out: Writable): TableWriter {
  let started = false;
  return {
    async writeRow(cells) {
      const line = `${cells.map(csvField).join(',')}\r\n`;
      out.write(started ? line : `\ufeff${line}`);
      await drained(out);
      started = true;
    },
    async end() {
      await new Promise<void>((resolve) => out.end(resolve));
    },
  };
}

/** exceljs's streaming writer: each row is committed (written out and dropped) as soon as it is added. */
export function xlsxWriter(out: Writable, sheetName: string): TableWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  return {
    async writeRow(cells) {
      sheet.addRow(cells).commit();
      // Lets the zip stream reach the socket before the next row (and the next page) is made.
      await drained(out);
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export function tableWriter(format: ExportFormat, out: Writable, sheetName: string): TableWriter {
  return format === 'csv' ? csvWriter(out) : xlsxWriter(out, sheetName);
}
