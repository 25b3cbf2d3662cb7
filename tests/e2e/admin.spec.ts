import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';

// An administrator creates a colleague's account; the colleague then signs in with it.
test('an admin creates a user, who then signs in', async ({ page, browser }) => {
  const username = `analyst.e2e${Date.now().toString(36)}`;
  const password = 'тёплый ветер над степью';
  await signIn(page, 'admin', undefined, '/admin/users/new');
  await expect(page).toHaveURL(/\/admin\/users\/new/);
  await page.getByLabel('Имя пользователя').fill(username);
  await page.getByLabel('ФИО').fill('Сарсенова Айгуль Маратовна');
  await page.getByLabel('Роль', { exact: true }).selectOption('ANALYST');
  await page.getByLabel('Начальный пароль').fill(password);
  await page.getByLabel('Пароль ещё раз').fill(password);
  await page.getByRole('button', { name: 'Создать пользователя' }).click();
  await expect(page.getByText('Пользователь создан')).toBeVisible();

  const colleague = await browser.newPage();
  await signIn(colleague, username, password);
  await expect(colleague.getByTestId('signed-in-user')).toContainText('Сарсенова Айгуль Маратовна');
  await expect(colleague.getByTestId('signed-in-user')).toContainText('Аналитик');
  await colleague.close();
});

test('a weak password is refused with a message on the field', async ({ page }) => {
  await signIn(page, 'admin', undefined, '/admin/users/new');
  await page.getByLabel('Имя пользователя').fill('weak.password');
  await page.getByLabel('ФИО').fill('Тестов Тест');
  await page.getByLabel('Роль', { exact: true }).selectOption('ANALYST');
  await page.getByLabel('Начальный пароль').fill('password1234');
  await page.getByLabel('Пароль ещё раз').fill('password1234');
  await page.getByRole('button', { name: 'Создать пользователя' }).click();
  await expect(page.getByText('Этот пароль слишком распространён').first()).toBeVisible();
});

test('an analyst is kept out of the admin pages', async ({ page }) => {
  await signIn(page, 'analyst', undefined, '/admin/users');
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole('heading', { name: 'Нет доступа' })).toBeVisible();
});
