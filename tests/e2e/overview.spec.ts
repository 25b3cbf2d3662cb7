import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';

// What an analyst sees first: the national figures of a period, in Russian by default.

test.beforeEach(async ({ page }) => {
  await signIn(page, 'analyst');
});

const card = (page: import('@playwright/test').Page, label: string) =>
  page.getByRole('region', { name: label }).getByTestId('kpi-value');

test('shows the 2022 national figures of the briefing', async ({ page }) => {
  await page.goto('/?period=2022');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Встречи акимов с населением');
  await expect(card(page, 'Проведено встреч')).toHaveText('28,3 тыс.');
  await expect(card(page, 'Поднято вопросов')).toHaveText('63 тыс.');
  await expect(card(page, 'Решено вопросов')).toHaveText('47,6 тыс.');
  await expect(card(page, 'Доля решённых')).toHaveText(/^75,5\s%$/);
});

test('shows the second half of 2022 with its own figures', async ({ page }) => {
  await page.goto('/?period=2022-H2');
  await expect(card(page, 'Проведено встреч')).toHaveText('19,8 тыс.');
  await expect(card(page, 'Решено вопросов')).toHaveText('33,1 тыс.');
});

test('the period picker puts the period in the URL', async ({ page }) => {
  await page.goto('/?period=2022');
  await page.getByLabel('Период').selectOption('2022-H1');
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page).toHaveURL(/period=2022-H1/);
  await expect(page.getByText('I полугодие 2022 года').first()).toBeVisible();
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
