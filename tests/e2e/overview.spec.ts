import { expect as baseExpect, test } from '@playwright/test';
import { drawCharts } from './support/charts';
import { signIn } from './support/auth';

// Each dashboard page runs a score of aggregate queries, which the embedded single-session
// database answers one after another: give pages and navigations time on a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });

// What an analyst sees first: the national figures of a period, in Russian by default.

test.beforeEach(async ({ page }) => {
  test.slow();
  await signIn(page, 'analyst');
});

const card = (page: import('@playwright/test').Page, label: string) =>
  page.getByRole('region', { name: label }).getByTestId('kpi-value');

test('shows the 2022 national figures of the briefing', async ({ page }) => {
  await page.goto('/?period=2022');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Встречи акимов с населением');
  await expect(card(page, 'Проведено встреч')).toHaveText('28,3 тыс.');
  await expect(card(page, 'Поднято вопросов')).toHaveText('63 тыс.');
  await expect(card(page, 'Решено за период (включая поднятые ранее)')).toHaveText('47,6 тыс.');
  await expect(card(page, 'Доля решённых')).toHaveText(/^75,5\s%$/);
});

test('shows the second half of 2022 with its own figures', async ({ page }) => {
  await page.goto('/?period=2022-H2');
  await expect(card(page, 'Проведено встреч')).toHaveText('19,8 тыс.');
  await expect(card(page, 'Поднято вопросов')).toHaveText('33,4 тыс.');
  await expect(card(page, 'Решено за период (включая поднятые ранее)')).toHaveText('33,1 тыс.');
  await expect(card(page, 'Потребность из МБ')).toHaveText(/^485\sмлрд\s₸$/);
  await expect(card(page, 'Выделено из МБ')).toHaveText(/^253,8\sмлрд\s₸$/);
  await expect(page.getByRole('region', { name: 'Выделено из МБ' })).toContainText(/52,3\s%\sпотребности/);

  // The central-level list: 62 issues by disposition, 6 selected.
  const funnel = page.getByTestId('chart-escalations');
  await funnel.getByText('Показать данные таблицей').click();
  const expected: Array<[string, string]> = [
    ['Предложено акиматами', '62'], ['Отсутствует документация', '10'], ['Уже предусмотрено в РБ', '5'],
    ['Рассмотреть при уточнении бюджета', '13'], ['На исполнении госорганов', '14'], ['Не поддержан: компетенция МИО', '18'],
    ['Исполнен', '2'], ['Отобрано для решения на центральном уровне', '6'],
  ];
  for (const [stage, count] of expected) {
    await expect(funnel.getByRole('row').filter({ has: page.getByRole('cell', { name: stage, exact: true }) }).getByRole('cell').nth(1)).toHaveText(count);
  }
  await expect(funnel.getByRole('row').filter({ hasText: 'Рассмотреть при уточнении бюджета' })).toContainText(/61,2\sмлрд\s₸/);
  await expect(funnel.getByRole('row').filter({ hasText: 'Уже предусмотрено в РБ' })).toContainText(/20,2\sмлрд\s₸/);
});

test('the period picker puts the period in the URL', async ({ page }) => {
  await page.goto('/?period=2022');
  await page.getByLabel('Период', { exact: true }).selectOption('2022-H1');
  await page.getByRole('button', { name: 'Показать', exact: true }).click();
  await expect(page).toHaveURL(/period=2022-H1/);
  await expect(page.getByText('I полугодие 2022 года').first()).toBeVisible();
});

test('the cards compare with the half before or the same half a year earlier, in times where the gap is large', async ({ page }) => {
  await page.goto('/?period=2022-H2');
  const meetings = page.getByRole('region', { name: 'Проведено встреч' });
  // 19,8 thousand meetings against 8,5 thousand in the first half: the briefing's "2.3 times".
  await expect(meetings.getByTestId('kpi-change')).toHaveText(/^▲ \+11,3\sтыс\. к I полугодие 2022 года$/);
  await expect(meetings.getByTestId('kpi-times')).toHaveText('в 2,3 раза больше');
  // 33,4 against 29,6 thousand issues: less than 1.5 times, so no factor.
  await expect(page.getByRole('region', { name: 'Поднято вопросов' }).getByTestId('kpi-times')).toHaveCount(0);
  await expect(page.getByLabel('Сравнить с')).toHaveValue('previous');

  await page.getByLabel('Период', { exact: true }).selectOption('2023-H1');
  await page.getByLabel('Сравнить с').selectOption('yearAgo');
  await page.getByRole('button', { name: 'Показать', exact: true }).click();
  await expect(page).toHaveURL(/period=2023-H1/);
  await expect(page).toHaveURL(/compare=yearAgo/);
  await expect(page.getByLabel('Сравнить с')).toHaveValue('yearAgo');
  // 4 200 meetings against 8 500 in the first half of 2022; 8 400 issues against 29 580.
  await expect(meetings.getByTestId('kpi-change')).toHaveText(/^▼ −4,3\sтыс\. к I полугодие 2022 года$/);
  await expect(meetings.getByTestId('kpi-times')).toHaveText('в 2 раза меньше');
  await expect(page.getByRole('region', { name: 'Поднято вопросов' }).getByTestId('kpi-times')).toHaveText('в 3,5 раза меньше');
});

test('an unknown comparison is explained, and the period before used', async ({ page }) => {
  await page.goto('/?period=2022-H2&compare=lastYear');
  await expect(page.getByRole('alert').filter({ hasText: 'lastYear' })).toContainText('не распознано');
  await expect(page.getByRole('region', { name: 'Проведено встреч' }).getByTestId('kpi-times')).toHaveText('в 2,3 раза больше');
});

test('an unknown period is explained, and the default period shown', async ({ page }) => {
  await page.goto('/?period=2022-H7');
  await expect(page.getByRole('alert').filter({ hasText: '2022-H7' })).toContainText('не распознан');
  await expect(card(page, 'Проведено встреч')).toBeVisible();
});

test('the reader can switch to Kazakh and English, and the choice is remembered', async ({ page }) => {
  await page.goto('/?period=2022');
  await page.getByRole('button', { name: 'Қазақша' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Әкімдердің халықпен кездесулері');
  await expect(card(page, 'Өткізілген кездесулер')).toHaveText('28,3 мың');
  await page.goto('/?period=2022');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(card(page, 'Meetings held')).toHaveText('28.3K');
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});

test('the ranking shows the briefing\'s top three and bottom three regions, marked not by colour alone', async ({ page }) => {
  await page.goto('/?period=2022');
  const ranking = page.getByTestId('chart-ranking');
  await expect(ranking.getByRole('heading', { level: 2 })).toHaveText('Доля решённых вопросов по регионам, 2022 год');
  await ranking.getByText('Показать данные таблицей').click();
  const rows = ranking.getByRole('row');
  await expect(rows).toHaveCount(21);
  const top = ['▲ Актюбинская область', '▲ Костанайская область', '▲ город Алматы'];
  const bottom = ['▼ Атырауская область', '▼ Западно-Казахстанская область', '▼ Алматинская область'];
  for (const [i, name] of top.entries()) await expect(rows.nth(i + 1).getByRole('cell').nth(1)).toHaveText(name);
  for (const [i, name] of bottom.entries()) await expect(rows.nth(18 + i).getByRole('cell').nth(1)).toHaveText(name);
  // Both counts of "resolved", each named: the rate is the second over the issues raised.
  await expect(rows.first().getByRole('columnheader').nth(4)).toHaveText('Решено за период (включая поднятые ранее)');
  await expect(rows.first().getByRole('columnheader').nth(5)).toHaveText('Из поднятых за период решено');
  await expect(rows.nth(1).getByRole('cell').nth(6)).toHaveText(/^94,7\s%$/);
  await expect(rows.nth(20).getByRole('cell').nth(6)).toHaveText(/^28,5\s%$/);
  await expect(ranking).toContainText(/в среднем по стране \(75,5\s%\)/);
});

test('a tile of the map opens its region\'s page, which sets the region beside the nation', async ({ page }) => {
  await page.goto('/?period=2022');
  const tile = page.getByTestId('tile-150000000');
  await expect(tile).toContainText(/94,7\s%/);
  await tile.click();
  await expect(page).toHaveURL(/\/regions\/150000000\?period=2022$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Актюбинская область');
  await expect(card(page, 'Доля решённых')).toHaveText(/^94,7\s%$/);
  await expect(page.getByRole('region', { name: 'Доля решённых' }).getByTestId('kpi-comparison')).toHaveText(/По стране: 75,5\s%/);
  await expect(page.getByTestId('region-rank')).toContainText('1 из 20');
  await expect(page.getByTestId('action-plan')).toContainText('Опубликован на сайте акимата');
  await expect(page.getByRole('link', { name: 'Регионы' }).first()).toHaveAttribute('aria-current', 'page');
});

test('a region whose plan was not published says so', async ({ page }) => {
  await page.goto('/regions/630000000?period=2022-H2');
  await expect(page.getByTestId('action-plan')).toContainText('Не опубликован на сайте акимата');
});

test('the regions index lists the 20 regions with their rates, linking to each', async ({ page }) => {
  await page.goto('/regions?period=2022');
  await expect(page.getByTestId(/^region-row-/)).toHaveCount(20);
  const aktobe = page.getByTestId('region-row-150000000');
  await expect(aktobe).toContainText(/94,7\s%/);
  await aktobe.getByRole('link').click();
  await expect(page).toHaveURL(/\/regions\/150000000\?period=2022$/);
});

test('an unknown region code shows the not-found page', async ({ page }) => {
  await page.goto('/regions/999999999');
  await expect(page.getByRole('heading', { name: 'Страница не найдена' })).toBeVisible();
});

test('filters change the URL and the figures, and each chip removes its filter', async ({ page }) => {
  await page.goto('/?period=2022');
  await page.getByLabel('Регион', { exact: true }).selectOption('150000000');
  await page.getByRole('button', { name: 'Показать', exact: true }).click();
  await expect(page).toHaveURL(/region=150000000/);
  await expect(card(page, 'Доля решённых')).toHaveText(/^94,7\s%$/);
  await expect(page.getByText('Акимы всех уровней, Актюбинская область, за 2022 год')).toBeVisible();
  await page.getByRole('link', { name: 'Убрать фильтр «Регион: Актюбинская область»' }).click();
  await expect(page).not.toHaveURL(/region=/);
  await expect(card(page, 'Доля решённых')).toHaveText(/^75,5\s%$/);
  await page.goto('/?period=2022&region=123');
  await expect(page.getByRole('alert').filter({ hasText: '123' })).toContainText('не распознан');
});

test('saves screenshots of the overview and the region pages at desktop and phone widths, without sideways scrolling', async ({ page }) => {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/?period=2022-H2');
    await drawCharts(page);
    await expect(page.getByTestId('chart-escalations').locator('.recharts-surface')).toBeVisible();
    await expect(page.locator('.animate-pulse')).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `test-results/screenshots/overview-${width}.png`, fullPage: true });
  }
  for (const [name, path] of [['region', '/regions/150000000?period=2022'], ['regions', '/regions?period=2022']] as const) {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await drawCharts(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true });
    }
  }
});
