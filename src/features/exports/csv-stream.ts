import 'server-only';
import { BOM, type Delimiter, csvLine } from './csv';
import { type Cell, type ExportContext, type TableName, exportTable } from './tables';
import { columnHeader } from './workbook';
import { isoDayOf } from '@/lib/calendar';

// One table as CSV, pulled a page at a time: the next page is read only when the reader has
// taken the last, so a record table of any size streams in flat memory.

const toCsv = (cell: Cell): string | number | null => {
  if (cell === null) return null;
  if (cell instanceof Date) return isoDayOf(cell);
  if (typeof cell === 'object') return cell.value;
  return cell;
};

export async function csvStream(name: TableName, c: ExportContext, delimiter: Delimiter): Promise<ReadableStream<Uint8Array>> {
  const table = await exportTable(name, c);
  const encoder = new TextEncoder();
  const pages = table.pages()[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvLine(table.columns.map((col) => columnHeader(c, col.key)), delimiter)));
        return;
      }
      const next = await pages.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((row) => csvLine(row.map(toCsv), delimiter)).join('')));
    },
    async cancel() {
      await pages.return?.();
    },
  });
}
