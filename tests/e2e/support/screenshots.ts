import type { Page, TestInfo } from '@playwright/test';

/** A full-page screenshot kept as a file in the test's output folder and attached to the report. */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
