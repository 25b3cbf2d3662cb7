import { expect, type Page } from '@playwright/test';

// Demo accounts exist in the demo data only; all share this password and skip the second factor.
export const DEMO_PASSWORD = 'kezdesu-demo';

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD, callbackUrl = '/') {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('Имя пользователя').fill(username);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  // The first sign-in of a run also compiles and warms the route on a busy machine.
  await expect(page.getByTestId('signed-in-user')).toBeVisible({ timeout: 30_000 });
}
