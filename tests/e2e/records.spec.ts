import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { attachScreenshot } from './support/screenshots';
import { signIn } from './support/auth';

// The meetings and issues pages as people use them: filters in the URL, server-side sort and
// paging, a meeting's issues and an issue's timeline; and an akimat sees only its own region.

const AKTOBE = '150000000';
const ALMATY_CITY = '750000000';

// A freshly started server loads each route on its first request; on a busy machine that can
// outlast sign-in's wait, so the routes these tests visit are loaded once first.
test.beforeAll(async ({ playwright }, testInfo) => {
  const request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  for (const path of ['/signin', '/account/security', '/meetings', '/meetings/1', '/issues', '/issues/1']) await request.get(path);
  await request.dispose();
});

// Each test walks several pages; on a shared, busy machine the default 30 s is too tight.
test.beforeEach(() => test.slow());

/** The shared sign-in, with a longer wait for the first page after it on a busy machine. */
const signInAs = (page: Page, username: string) => signIn(page, username, undefined, '/account/security');

const filters = (page: Page) => page.getByRole('form', { name: 'Фильтры списка' });
const count = (page: Page) => page.getByTestId('records-count');
const table = (page: Page, name: string) => page.getByRole('table', { name });

test('an analyst filters, sorts and pages the meetings, then opens a meeting and one of its issues', async ({ page }) => {
  await signInAs(page, 'analyst');
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
  await expect(regions.first()).toHaveText('Актюбинская область');
  expect(new Set(await regions.allTextContents())).toEqual(new Set(['Актюбинская область']));

  // Sorting by the number of issues is done by the server, most first.
  await table(page, 'Список встреч').getByRole('link', { name: /Поднято вопросов/ }).click();
  await expect(page).toHaveURL(/sort=-issues/);
  await expect(table(page, 'Список встреч').getByRole('columnheader', { name: /Поднято вопросов/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(table(page, 'Список встреч').locator('tbody tr')).toHaveCount(50);
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
  await signInAs(page, 'analyst');
  await page.goto(`/issues?period=2022-H2&region=${AKTOBE}`);
  await expect(count(page)).toBeVisible();
  const before = await count(page).textContent();
  await filters(page).getByLabel('Статус сейчас').selectOption('RESOLVED');
  await filters(page).getByRole('button', { name: 'Показать' }).click();
  await expect(page).toHaveURL(/status=RESOLVED/);
  await expect(count(page)).not.toHaveText(before ?? '');
  const statuses = table(page, 'Список вопросов').locator('tbody tr td:nth-child(6)');
  await expect(statuses.first()).toHaveText('Решён'); // the table streams in after the count
  expect(new Set(await statuses.allTextContents())).toEqual(new Set(['Решён']));
  await page.getByRole('link', { name: /Следующая/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/^Показаны 51–100 из/)).toBeVisible();
});

test('an akimat editor sees only its region’s records, and another region’s meeting is not found', async ({ page, browser }) => {
  // Another region's meeting, found as the analyst in a separate session.
  const analystContext = await browser.newContext();
  const analyst = await analystContext.newPage();
  await signInAs(analyst, 'analyst');
  const response = await analyst.request.get(`/api/v1/meetings?region=${ALMATY_CITY}&limit=1`);
  const almatyMeeting: { id: number } = (await response.json()).items[0];
  await analystContext.close();

  await signInAs(page, 'akimat.aktobe');
  await page.goto('/meetings');
  // A retrying assertion: the filters stream in after the page starts.
  await expect(filters(page).getByLabel('Регион').locator('option')).toHaveText(['Актюбинская область']);
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

/** No WCAG A/AA violations, and a screenshot at desktop and phone widths kept as an artifact. */
async function checkPage(page: Page, testInfo: TestInfo, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await attachScreenshot(page, testInfo, `${name}-${width}.png`);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('the records pages pass the accessibility checks, at desktop and phone widths', async ({ page }, testInfo) => {
  await signInAs(page, 'analyst');
  await page.goto(`/meetings?period=2022-H2&region=${AKTOBE}`);
  await expect(count(page)).toBeVisible();
  await checkPage(page, testInfo, 'meetings');
  await table(page, 'Список встреч').locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: /Поднятые вопросы/ })).toBeVisible();
  await checkPage(page, testInfo, 'meeting');
  await page.goto(`/issues?period=2022-H2&region=${AKTOBE}`);
  await expect(count(page)).toBeVisible();
  await checkPage(page, testInfo, 'issues');
  await table(page, 'Список вопросов').locator('tbody tr').first().getByRole('link').first().click();
  await expect(page.getByTestId('status-timeline')).toBeVisible();
  await checkPage(page, testInfo, 'issue');
  // A central official's meeting, with its Decree checklist and receptions.
  await page.goto('/meetings?kind=CENTRAL&period=2022');
  await table(page, 'Список встреч').locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByTestId('requirements')).toBeVisible();
  await checkPage(page, testInfo, 'central-meeting');
});
