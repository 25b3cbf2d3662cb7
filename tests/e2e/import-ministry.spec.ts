import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { IMPORT_COLUMNS, type ColumnKey } from '../../src/features/import/columns';
import { signIn } from './support/auth';

// The ministry's side of the import: ministry.education uploads an Excel workbook of its
// minister's meeting (real date cells, the decree checklist, one personal reception), sees the
// body's figures for 2025-H1 (a period no other browser test uses) grow by exactly that meeting,
// and finds the meeting with its checklist and reception on the meeting's page.

const PERIOD = '2025-H1';
const BODY = 'EDUCATION';

test.beforeEach(() => test.slow());

const signInAs = (page: Page, username: string) => signIn(page, username, undefined, '/import');

type Central = { held: number; personalReceptions: number; citizensReceived: number; issuesVoiced: number };
async function bodyFigures(page: Page): Promise<Central> {
  const response = await page.request.get(`/api/v1/stats/central-meetings?period=${PERIOD}&body=${BODY}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Central;
}

/** A workbook as Excel saves it: Russian headers, dates as date cells, numbers as numbers. */
async function workbook(rows: Array<Partial<Record<ColumnKey, string | number | Date>>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Встречи');
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.ru));
  for (const row of rows) sheet.addRow(IMPORT_COLUMNS.map((c) => row[c.key] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

test('ministry.education imports its minister’s meeting from an Excel workbook', async ({ page }) => {
  await signInAs(page, 'ministry.education');
  const before = await bodyFigures(page);

  // A meeting number of its own, so a second run on the same data folder adds a new meeting.
  const ref = `E2E-M-${Date.now().toString(36)}`;
  const meeting = {
    region: 'Карагандинская область', externalRef: ref, heldOn: new Date(Date.UTC(2025, 1, 12)), venue: 'Дом культуры', attendance: 120,
    body: BODY, official: 'Министр', announcedOn: new Date(Date.UTC(2025, 1, 3)), announcementChannels: 'Сайт госоргана',
    questionsCollected: 'да', briefingHeld: 'да', ngoMeetingHeld: 'нет', actionPlanPrepared: 'да', problemSiteVisited: 'нет',
    receptionOn: new Date(Date.UTC(2025, 1, 12)), receptionCitizens: 14, receptionVoiced: 9, receptionResolved: 4, receptionInExecution: 3,
    category: 'Реконструкция дорог', responsible: 'Центральный уровень',
  };
  const file = await workbook([
    { ...meeting, issueNumber: 1, description: 'Подвоз учеников в сельскую школу', status: 'Решён', statusOn: new Date(Date.UTC(2025, 2, 3)) },
    { ...meeting, issueNumber: 2, description: 'Ремонт спортзала школы', status: 'На исполнении', needKzt: 45_000_000 },
  ]);

  await page.goto('/import');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Загрузка из таблицы');
  await page.getByLabel('Файл с таблицей').setInputFiles({
    name: 'встречи министра.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file,
  });
  await page.getByRole('button', { name: 'Проверить файл' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('2 строки готовы к записи, ошибок нет.', { timeout: 30_000 });
  await expect(page.getByRole('cell', { name: ref }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: '12.02.2025' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Записать 2 строки' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Записано' }))
    .toContainText('встреч добавлено — 1, вопросов добавлено — 2', { timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Записано' })).toContainText('личных приёмов добавлено — 1');

  const after = await bodyFigures(page);
  expect(after.held - before.held).toBe(1);
  expect(after.personalReceptions - before.personalReceptions).toBe(1);
  expect(after.citizensReceived - before.citizensReceived).toBe(14);
  expect(after.issuesVoiced - before.issuesVoiced).toBe(9);

  // The meeting, found by its number, with its checklist and reception.
  await page.goto(`/meetings?q=${encodeURIComponent(ref)}`);
  await expect(page.getByTestId('records-count')).toHaveText('Найдена 1 встреча');
  await page.getByRole('table', { name: 'Список встреч' }).locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Встреча 12.02.2025');
  await expect(page.getByRole('heading', { name: 'Требования Указа' })).toBeVisible();
  const receptions = page.getByRole('table', { name: 'Личные приёмы в ходе встречи' });
  await expect(receptions.locator('tbody tr').first()).toContainText('14');
  await expect(page.getByRole('table', { name: 'Вопросы, поднятые на встрече' }).locator('tbody tr')).toHaveCount(2);
});
