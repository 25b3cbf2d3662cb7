// The workbook's time and peak memory on a large database, streamed to nowhere as a download
// would be read. Skipped unless EXPORT_BENCH_DB names a database that already holds the data
// (such as one kept by `npm run bench:stats -- --issues 1000000 --keep --db kz_bench_exports`):
//   EXPORT_BENCH_DB=postgresql://…/kz_bench_exports EXPORT_BENCH_PERIOD=2022 npx vitest run tests/integration/export-workbook-scale.test.ts
// It only reads: no audit row, no change.
import { expect, it } from 'vitest';

const url = process.env.EXPORT_BENCH_DB;

it.skipIf(!url)('streams the workbook of a large period in flat memory', async () => {
  process.env.DATABASE_URL = url;
  const { exportContext } = await import('@/features/exports/params');
  const { workbookStream } = await import('@/features/exports/workbook');
  const caller = {
    userId: 0, username: 'bench', fullName: 'Bench', role: 'ANALYST' as const, regionId: null, unitId: null, centralBodyId: null,
    mfaPending: false, via: 'token' as const, sessionId: null, tokenId: null, tokenScope: null, ip: null,
  };
  const period = process.env.EXPORT_BENCH_PERIOD ?? '2022';
  const started = Date.now();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
  let rows = 0;
  let bytes = 0;
  const context = await exportContext(caller, { period }, 'ru');
  const reader = workbookStream(context, (n) => (rows = n)).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  clearInterval(timer);
  const seconds = (Date.now() - started) / 1000;
  const mb = (n: number) => Math.round(n / 1048576);
  console.log(`workbook ${period}: ${rows} rows, ${mb(bytes)} MB in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s); RSS ${mb(baseline)} MB before, peak ${mb(peak)} MB (+${mb(peak - baseline)} MB)`);
  expect(rows).toBeGreaterThan(0);
}, 3_600_000);
