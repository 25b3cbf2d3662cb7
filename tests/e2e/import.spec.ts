import iconv from 'iconv-lite';
import { expect, test, type Page } from '@playwright/test';
import { IMPORT_COLUMNS } from '../../src/features/import/columns';
import { signIn } from './support/auth';

// An akimat editor of Aktobe imports a CSV saved by Excel in Windows-1251 with ";", sees
// Aktobe's figures for 2024-H1 (a period no other test uses) grow by exactly what the file
// adds, and submits the half-year.

const AKTOBE = '150000000';
const PERIOD = '2024-H1';

test.beforeEach(() => test.slow());

const signInAs = (page: Page, username: string) => signIn(page, username, undefined, '/import');

type Summary = { meetings: number; issuesRaised: number };
async function aktobeFigures(page: Page): Promise<Summary> {
  const response = await page.request.get(`/api/v1/stats/summary?period=${PERIOD}&region=${AKTOBE}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Summary;
}

test('akimat.aktobe imports a Windows-1251 CSV with ";" and submits the half-year', async ({ page }) => {
  await signInAs(page, 'akimat.aktobe');
  const before = await aktobeFigures(page);

  // A meeting number of its own, so a second run on the same data folder adds a new meeting.
  const ref = `E2E-${Date.now().toString(36)}`;
  const row = (n: number, status: string, need: string) =>
    ['Актюбинская область', ref, '14.03.2024', 'Областной уровень', '', 'Дом культуры', '85', String(n), 'Реконструкция дорог',
      `Ремонт дороги, вопрос ${n}`, 'Область (город республиканского значения)', status, '28.03.2024', '', need, ''].join(';');
  const csv = iconv.encode([IMPORT_COLUMNS.map((c) => c.ru).join(';'), row(1, 'Решён', '2 500 000'), row(2, 'На исполнении', '1\u00a0200\u00a0000,00')].join('\r\n'), 'win1251');

  await page.goto('/import');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Загрузка из таблицы');
  await page.getByLabel('Файл с таблицей').setInputFiles({ name: 'встречи.csv', mimeType: 'text/csv', buffer: csv });
  await page.getByRole('button', { name: 'Проверить файл' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('2 строки готовы к записи, ошибок нет.', { timeout: 30_000 });
  await expect(page.getByRole('cell', { name: ref }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Записать 2 строки' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Записано' })).toContainText('встреч добавлено — 1, вопросов добавлено — 2', { timeout: 30_000 });

  const after = await aktobeFigures(page);
  expect(after.meetings - before.meetings).toBe(1);
  expect(after.issuesRaised - before.issuesRaised).toBe(2);

  // The same file again changes nothing.
  await page.getByRole('button', { name: 'Проверить файл' }).click();
  await expect(page.getByText(/Этот файл уже загружали/)).toBeVisible({ timeout: 30_000 });

  await page.goto(`/submissions?period=${PERIOD}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Сдача данных за полугодие');
  const submit = page.getByRole('button', { name: 'Сдать данные за первое полугодие 2024 года' });
  if (await submit.isVisible()) {
    await submit.click();
    // The success note shows until the page's refresh replaces the form with the submitted state.
    await expect(page.getByRole('status').filter({ hasText: /Данные за первое полугодие 2024 года (уже )?сданы/ })).toBeVisible({ timeout: 30_000 });
  }
  await page.reload();
  await expect(page.getByText(/Данные за первое полугодие 2024 года уже сданы/)).toBeVisible();
  await expect(page.getByRole('row', { name: /Актюбинская область/ })).toContainText('Сдано');
});
