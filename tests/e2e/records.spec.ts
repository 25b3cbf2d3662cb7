import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/auth';

// The meetings and issues pages as people use them: filters in the URL, server-side sort and
// paging, a meeting's issues and an issue's timeline; and an akimat sees only its own region.

const AKTOBE = '150000000';
const ALMATY_CITY = '750000000';

const filters = (page: Page) => page.getByRole('form', { name: 'Фильтры списка' });
const count = (page: Page) => page.getByTestId('records-count');
const table = (page: Page, name: string) => page.getByRole('table', { name });

test('an analyst filters, sorts and pages the meetings, then opens a meeting and one of its issues', async ({ page }) => {
  await signIn(page, 'analyst', undefined, '/meetings');
  await page.goto('/meetings');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Встречи');
  const all = await count(page).textContent();
  expect(all).toMatch(/^Найдено [\d\s ]+ встреч/);

  await filters(page).getByLabel('Регион').selectOption(AKTOBE);
  await filters(page).getByLabel('Период').selectOption('2022-H2');
  await filters(page).getByRole('button', { name: 'Показать' }).click();
  await expect(page).toHaveURL(/region=150000000/);
  await expect(page).toHaveURL(/period=2022-H2/);
  await expect(count(page)).not.toHaveText(all ?? '');
  await expect(count(page)).toHaveText('Найдено 906 встреч');
  await expect(page.getByRole('list', { name: 'Применённые фильтры' })).toContainText('Регион: Актюбинская область');
  const regions = table(page, 'Список встреч').locator('tbody tr td:nth-child(2)');
  expect(new Set(await regions.allTextContents())).toEqual(new Set(['Актюбинская область']));

  // Sorting by the number of issues is done by the server, most first.
  await table(page, 'Список встреч').getByRole('link', { name: /Поднято вопросов/ }).click();
  await expect(page).toHaveURL(/sort=-issues/);
  await expect(table(page, 'Список встреч').getByRole('columnheader', { name: /Поднято вопросов/ })).toHaveAttribute('aria-sort', 'descending');
  const issueCounts = (await table(page, 'Список встреч').locator('tbody tr td:nth-child(5)').allTextContents()).map(Number);
  expect(issueCounts.length).toBe(50);
  expect(issueCounts).toEqual([...issueCounts].sort((a, b) => b - a));

  await page.getByRole('link', { name: /Следующая/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/sort=-issues/);
  await expect(page.getByText('Показаны 51–100 из 906')).toBeVisible();
  await expect(page.getByText('Страница 2 из 19')).toBeVisible();

  // Back to the first page: its first meeting has the most issues.
  await page.getByRole('link', { name: /Предыдущая/ }).click();
  await table(page, 'Список встреч').locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Встреча \d{2}\.\d{2}\.\d{4}$/);
  await expect(page.getByRole('heading', { name: /Поднятые вопросы/ })).toBeVisible();
  const issueLink = table(page, 'Вопросы, поднятые на встрече').getByRole('link', { name: /^Вопрос № \d+$/ }).first();
  const issueName = await issueLink.getAttribute('aria-label');
  await issueLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(issueName ?? '');
  const timeline = page.getByTestId('status-timeline');
  await expect(timeline.getByRole('listitem').first()).toContainText(/\d{2}\.\d{2}\.\d{4}/);
  await expect(timeline.getByRole('listitem').first()).toContainText('Поднят');
  await expect(page.getByRole('heading', { name: 'Бюджет' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Центральный уровень' })).toBeVisible();
});

test('an analyst filters the issues by status and pages through them', async ({ page }) => {
  await signIn(page, 'analyst', undefined, '/issues');
  await page.goto(`/issues?period=2022-H2&region=${AKTOBE}`);
  const before = await count(page).textContent();
  await filters(page).getByLabel('Статус сейчас').selectOption('RESOLVED');
  await filters(page).getByRole('button', { name: 'Показать' }).click();
  await expect(page).toHaveURL(/status=RESOLVED/);
  await expect(count(page)).not.toHaveText(before ?? '');
  const statuses = table(page, 'Список вопросов').locator('tbody tr td:nth-child(6)');
  expect(new Set(await statuses.allTextContents())).toEqual(new Set(['Решён']));
  await page.getByRole('link', { name: /Следующая/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/^Показаны 51–100 из/)).toBeVisible();
});

test('an akimat editor sees only its region’s records, and another region’s meeting is not found', async ({ page, browser }) => {
  // Another region's meeting, found as the analyst in a separate session.
  const analystContext = await browser.newContext();
  const analyst = await analystContext.newPage();
  await signIn(analyst, 'analyst');
  const response = await analyst.request.get(`/api/v1/meetings?region=${ALMATY_CITY}&limit=1`);
  const almatyMeeting: { id: number } = (await response.json()).items[0];
  await analystContext.close();

  await signIn(page, 'akimat.aktobe', undefined, '/meetings');
  await page.goto('/meetings');
  const regionChoices = await filters(page).getByLabel('Регион').locator('option').allTextContents();
  expect(regionChoices).toEqual(['Актюбинская область']);
  const regions = table(page, 'Список встреч').locator('tbody tr td:nth-child(2)');
  await expect(regions.first()).toBeVisible();
  expect(new Set(await regions.allTextContents())).toEqual(new Set(['Актюбинская область']));

  await page.goto('/issues');
  const issueRegions = table(page, 'Список вопросов').locator('tbody tr td:nth-child(3)');
  await expect(issueRegions.first()).toBeVisible();
  expect(new Set(await issueRegions.allTextContents())).toEqual(new Set(['Актюбинская область']));

  await page.goto(`/meetings/${almatyMeeting.id}`);
  await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible();
});
