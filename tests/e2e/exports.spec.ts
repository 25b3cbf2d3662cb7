import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/auth';

// The export page as the manager: every format downloads from its link, and issuing a
// half-year's briefing adds it to the archive. Issuing closes that half-year, so it is done
// for an empty half-year of its own (the first of 2019-H1, 2018-H1, … not yet issued), never
// for one that other specs read or write, and a rerun on the same data folder picks the next.

test.describe.configure({ timeout: 180_000 });

async function download(page: Page, name: string | RegExp) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).first().click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

test('the manager downloads every format of 2022-H2 from the export page', async ({ page }) => {
  await signIn(page, 'manager', undefined, '/exports?period=2022-H2');
  await page.goto('/exports?period=2022-H2');
  await expect(page.getByRole('heading', { level: 1, name: 'Выгрузки' })).toBeVisible();

  const docx = await download(page, 'DOCX, Русский');
  expect(docx.name).toBe('kezdesu-briefing-2022-H2-ru.docx');
  expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
  const pdf = await download(page, 'PDF, Қазақша');
  expect(pdf.name).toBe('kezdesu-briefing-2022-H2-kk.pdf');
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const xlsx = await download(page, 'XLSX, English');
  expect(xlsx.name).toBe('kezdesu-2022-H2-en.xlsx');
  expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');

  const csvRow = page.getByRole('listitem').filter({ hasText: 'Регионы' });
  const [csv] = await Promise.all([page.waitForEvent('download'), csvRow.getByRole('link', { name: 'разделитель «;»' }).click()]);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('Актюбинская область');
});

test('the manager issues a half-year’s briefing and finds it in the archive', async ({ page }) => {
  await signIn(page, 'manager', undefined, '/exports');
  await page.goto('/exports');
  let period = '';
  for (let year = 2019; year > 2000 && !period; year--) {
    if ((await page.getByTestId(`issued-${year}-H1-v1`).count()) === 0) period = `${year}-H1`;
  }
  expect(period).not.toBe('');
  await page.goto(`/exports?period=${period}`);
  await page.getByRole('button', { name: /^Выпустить материалы за/ }).click();
  await expect(page.getByRole('status')).toContainText(`Выпущена версия 1 за ${period}`, { timeout: 60_000 });
  const row = page.getByTestId(`issued-${period}-v1`);
  await expect(row).toBeVisible();
  await expect(row.getByRole('link')).toHaveCount(6);
  const [file] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'PDF Русский' }).click()]);
  expect(file.suggestedFilename()).toBe(`kezdesu-briefing-${period}-v1-ru.pdf`);

  // Issued and closed: a second issue is refused until an admin reopens the half-year.
  await page.getByRole('button', { name: /^Выпустить материалы за/ }).click();
  await expect(page.getByRole('status')).toContainText(`Материалы за ${period} уже выпущены`);
});
