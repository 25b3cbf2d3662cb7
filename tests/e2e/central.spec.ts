import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { drawCharts } from './support/charts';
import { attachScreenshot } from './support/screenshots';
import { signIn } from './support/auth';

// Central officials, the central-level list and action plans, checked against the 2022
// briefing's figures (tests/fixtures, the same file the seed reproduces).

type Figures = {
  centralOfficialMeetings: { '2022': {
    scheduledMeetings: { total: number; H1: number; H2: number };
    heldMeetings: { total: number; H1: number; H2: number };
    personalReceptions: { count: number };
    citizensReceived: number; issuesVoiced: number; issuesResolved: { count: number }; issuesInExecution: number;
  } };
  akimMeetings: {
    '2022-H2': {
      centralLevelList: {
        total: number; selectedForCentralDecision: number;
        byDisposition: Record<string, number | { count: number }>;
      };
      actionPlansNotPublished: { regions: string[] };
    };
    '2022-H1': { centralLevelList: { total: number; byDisposition: Record<string, number> } };
  };
};

const figures = JSON.parse(readFileSync(path.join(process.cwd(), 'tests/fixtures/seed-figures-2022.json'), 'utf8')) as Figures;
const central = figures.centralOfficialMeetings['2022'];
const listH2 = figures.akimMeetings['2022-H2'].centralLevelList;
const listH1 = figures.akimMeetings['2022-H1'].centralLevelList;

const DISPOSITION_RU: Record<string, string> = {
  NO_DOCUMENTATION: 'Отсутствует документация',
  ALREADY_FUNDED_IN_REPUBLICAN_BUDGET: 'Уже предусмотрено в РБ',
  CONSIDER_AT_BUDGET_REFINEMENT: 'Рассмотреть при уточнении бюджета',
  IN_EXECUTION: 'На исполнении госорганов',
  NOT_SUPPORTED_LOCAL_COMPETENCE: 'Не поддержан: компетенция МИО',
  EXECUTED: 'Исполнен',
};
const BY_DISPOSITION = 'Вопросы перечня по принятому решению: количество, доля и сумма из РБ';
const REGION_RU: Record<string, string> = {
  '550000000': 'Павлодарская область',
  '590000000': 'Северо-Казахстанская область',
  '620000000': 'область Ұлытау',
  '630000000': 'Восточно-Казахстанская область',
  '710000000': 'город Астана',
};

/** Russian grouping: 1 498 with a (narrow) no-break space. */
const count = (n: number) => new RegExp(`^${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '[\\s\\u00a0\\u202f]')}$`);
const card = (page: Page, label: string) => page.getByRole('region', { name: label, exact: true }).getByTestId('kpi-value');
/** A chart table's cells in the row whose first cell is `first`; index 0 is that first cell. */
const chartRow = (page: Page, table: string, first: string) =>
  page.getByRole('table', { name: table }).getByRole('row').filter({ has: page.getByRole('cell', { name: first, exact: true }) }).getByRole('cell');

/** Opens a chart's data table (the toggle under each chart). */
async function openTable(page: Page, chart: string) {
  await page.getByTestId(`chart-${chart}`).getByText('Показать данные таблицей').click();
}

async function screenshots(page: Page, info: TestInfo, name: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await drawCharts(page);
    await attachScreenshot(page, info, `${name}-${width}px.png`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.beforeEach(async ({ page }) => {
  await signIn(page, 'analyst');
});

test('central officials for 2022: the schedule, planned against held, by half-year', async ({ page }, info) => {
  await page.goto('/central?period=2022');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Встречи руководителей центральных госорганов с населением');
  await expect(card(page, 'Запланировано по графику')).toHaveText(count(central.scheduledMeetings.total));
  await expect(card(page, 'Проведено встреч')).toHaveText(count(central.heldMeetings.total));

  await openTable(page, 'schedule-by-half');
  const byHalf = 'Встречи по графику: запланировано и проведено, по полугодиям';
  // H1: fewer planned than held, since some H2 entries were held early.
  await expect(chartRow(page, byHalf, 'I пол. 2022').nth(1)).toHaveText(count(central.scheduledMeetings.H1));
  await expect(chartRow(page, byHalf, 'I пол. 2022').nth(2)).toHaveText(count(central.heldMeetings.H1));
  await expect(chartRow(page, byHalf, 'II пол. 2022').nth(1)).toHaveText(count(central.scheduledMeetings.H2));
  await expect(chartRow(page, byHalf, 'II пол. 2022').nth(2)).toHaveText(count(central.heldMeetings.H2));

  await openTable(page, 'schedule-by-body');
  const byBody = 'Проведено встреч к запланированным по графику, по госорганам';
  const total = chartRow(page, byBody, 'Все госорганы');
  await expect(total.nth(5)).toHaveText(count(central.scheduledMeetings.total));
  await expect(total.nth(6)).toHaveText(count(central.heldMeetings.total));
  await screenshots(page, info, 'central-2022');
});

test('central officials for 2022: personal receptions and their outcomes', async ({ page }) => {
  await page.goto('/central?period=2022');
  await expect(card(page, 'Проведено личных приёмов')).toHaveText(count(central.personalReceptions.count));
  await expect(card(page, 'Принято граждан')).toHaveText(count(central.citizensReceived));
  await expect(card(page, 'Озвучено вопросов')).toHaveText(count(central.issuesVoiced));
  await expect(card(page, 'Решено вопросов')).toHaveText(count(central.issuesResolved.count));
  await expect(card(page, 'На исполнении')).toHaveText(count(central.issuesInExecution));
});

test('the compliance matrix shows percentages, and marks shortfalls in words', async ({ page }) => {
  await page.goto('/central?period=2022');
  const matrix = page.getByRole('table', { name: 'Доля встреч, выполнивших каждое требование Указа, по госорганам' });
  await expect(matrix.getByRole('columnheader', { name: 'Проведён брифинг' })).toBeVisible();
  const all = matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Все госорганы', exact: true }) });
  await expect(all.getByRole('cell').first()).toHaveText(count(central.heldMeetings.total));
  await expect(all.getByRole('cell').nth(1)).toContainText('%');
  await expect(matrix.getByText('✗').first()).toBeVisible();
  await expect(matrix.getByText('менее половины').first()).toBeAttached();
});

test('meetings that missed a requirement link to the meeting, and filter by requirement', async ({ page }) => {
  await page.goto('/central?period=2022');
  const list = page.getByRole('table', { name: 'Встречи с невыполненными требованиями Указа' });
  await expect(list.getByRole('link').first()).toHaveAttribute('href', /^\/meetings\/\d+$/);
  await page.getByLabel('Требование', { exact: true }).selectOption('BRIEFING_HELD');
  await page.getByRole('button', { name: 'Показать' }).last().click();
  await expect(page).toHaveURL(/missed=BRIEFING_HELD/);
  await expect(page).toHaveURL(/period=2022(&|$)/);
  const rows = page.getByRole('table', { name: 'Встречи с невыполненными требованиями Указа' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('Проведён брифинг');
});

test('the body filter narrows the page and lives in the URL', async ({ page }) => {
  await page.goto('/central?period=2022');
  await page.getByLabel('Госорган', { exact: true }).selectOption('EDUCATION');
  await page.getByRole('button', { name: 'Показать' }).first().click();
  await expect(page).toHaveURL(/body=EDUCATION/);
  const held = await card(page, 'Проведено встреч').innerText();
  expect(Number(held.replace(/\D/g, ''))).toBeLessThan(central.heldMeetings.total);
  await openTable(page, 'schedule-by-body');
  const rows = page.getByRole('table', { name: 'Проведено встреч к запланированным по графику, по госорганам' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Министерство просвещения');
});

test('the central-level list for 2022-H2: by disposition, and the selected issues', async ({ page }, info) => {
  await page.goto('/escalations?period=2022-H2');
  await expect(card(page, 'Внесено вопросов в перечень')).toHaveText(count(listH2.total));
  await expect(card(page, 'Отобрано для решения на центральном уровне')).toHaveText(count(listH2.selectedForCentralDecision));
  await openTable(page, 'by-disposition');
  for (const [code, value] of Object.entries(listH2.byDisposition)) {
    const n = typeof value === 'number' ? value : value.count;
    await expect(chartRow(page, BY_DISPOSITION, DISPOSITION_RU[code]!).nth(1)).toHaveText(count(n));
  }
  await expect(chartRow(page, BY_DISPOSITION, 'Всего').nth(1)).toHaveText(count(listH2.total));
  await expect(chartRow(page, BY_DISPOSITION, 'Уже предусмотрено в РБ').nth(3)).toHaveText(/^20,2\sмлрд\s₸$/);
  await expect(chartRow(page, BY_DISPOSITION, 'Рассмотреть при уточнении бюджета').nth(3)).toHaveText(/^61,2\sмлрд\s₸$/);

  const selected = page.getByRole('table', { name: 'Вопросы, отобранные для решения на центральном уровне' });
  await expect(selected.getByRole('link')).toHaveCount(listH2.selectedForCentralDecision);
  await expect(selected.getByRole('link').first()).toHaveAttribute('href', /^\/issues\/\d+$/);
  await screenshots(page, info, 'escalations-2022-H2');
});

test('the central-level list of a year covers both half-years', async ({ page }) => {
  await page.goto('/escalations?period=2022');
  await expect(card(page, 'Внесено вопросов в перечень')).toHaveText(count(listH2.total + listH1.total));
  await page.goto('/escalations?period=2022-H1');
  await openTable(page, 'by-disposition');
  for (const [code, n] of Object.entries(listH1.byDisposition)) {
    await expect(chartRow(page, BY_DISPOSITION, DISPOSITION_RU[code]!).nth(1)).toHaveText(count(n));
  }
});

test('action plans of 2022-H2: the five akimats that did not publish, by name', async ({ page }, info) => {
  await page.goto('/action-plans?period=2022-H2');
  const regions = figures.akimMeetings['2022-H2'].actionPlansNotPublished.regions;
  await expect(page.getByTestId('not-published-count')).toContainText(`${regions.length} из 20`);
  const names = page.getByRole('table', { name: 'Акиматы, не опубликовавшие план действий' }).getByRole('rowheader');
  await expect(names).toHaveCount(regions.length);
  for (const kato of regions) await expect(names.filter({ hasText: REGION_RU[kato]! })).toHaveCount(1);
  const published = page.getByRole('table', { name: 'Акиматы, опубликовавшие план действий' });
  await expect(published.getByRole('rowheader')).toHaveCount(20 - regions.length);
  await expect(published.getByRole('link', { name: /^План действий:/ }).first()).toHaveAttribute('href', /^https:\/\//);
  await screenshots(page, info, 'action-plans-2022-H2');
});

test('action plans of the year 2022: the same five, with the half that is missing', async ({ page }) => {
  await page.goto('/action-plans?period=2022');
  const names = page.getByRole('table', { name: 'Акиматы, не опубликовавшие план действий' }).getByRole('row');
  await expect(names).toHaveCount(1 + 5);
  await expect(names.filter({ hasText: 'город Астана' })).toContainText('Не опубликован');
});

test('a period or body that is not understood is explained, and the page still shows', async ({ page }) => {
  await page.goto('/central?period=2022-H7&body=NOPE');
  const alert = page.getByRole('alert').filter({ hasText: '2022-H7' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('NOPE');
  await expect(card(page, 'Проведено встреч')).toBeVisible();
});
