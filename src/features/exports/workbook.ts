import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { type Cell, type CellType, type ExportContext, TABLES, exportTable } from './tables';
import { logger } from '@/server/observability/logger';

// The workbook, streamed: exceljs's WorkbookWriter commits each row as it is written, the
// record sheets arrive a page at a time, and a page waits while the reader is behind, so
// memory stays flat however many issues the period holds.

const FORMATS: Record<CellType, string | undefined> = { int: '#,##0', kzt: '#,##0', pct: '0.0%', date: 'dd.mm.yyyy', text: undefined };

const isTyped = (c: Cell): c is { value: number | null; type: CellType } => typeof c === 'object' && c !== null && !(c instanceof Date);

/** A column's header in the export's language; requirement columns reuse the core catalogue's names. */
export const columnHeader = (c: ExportContext, key: string) =>
  key.startsWith('requirement.') ? c.t(`codes.${key}`) : c.t(`exports.columns.${key}`);

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function workbookStream(c: ExportContext, onDone?: (rows: number) => void): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Kezdesu';
  const write = async () => {
    let total = 0;
    for (const name of TABLES) {
      const table = await exportTable(name, c);
      const sheet = workbook.addWorksheet(c.t(`exports.tables.${name}`).slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = table.columns.map((col) => ({
        header: columnHeader(c, col.key),
        key: col.key, width: col.width ?? 14, style: FORMATS[col.type] ? { numFmt: FORMATS[col.type] } : {},
      }));
      sheet.getRow(1).font = { bold: true };
      for await (const page of table.pages()) {
        for (const cells of page) {
          const row = sheet.addRow(cells.map((cell) => (isTyped(cell) ? cell.value : cell)));
          cells.forEach((cell, i) => {
            if (isTyped(cell) && FORMATS[cell.type]) row.getCell(i + 1).numFmt = FORMATS[cell.type] as string;
          });
          row.commit();
          total++;
        }
        // Let the reader catch up before the next page is read.
        if (out.writableNeedDrain) await once(out, 'drain');
      }
      sheet.commit();
    }
    await workbook.commit();
    onDone?.(total);
  };
  write().catch((error: unknown) => {
    logger.error({ err: error }, 'workbook export failed');
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
