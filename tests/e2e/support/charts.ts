import type { Page } from '@playwright/test';

/**
 * Charts draw as they near the viewport (src/components/charts/lazy.tsx) and sections stream in,
 * so this steps down the page as a reader scrolls, until no placeholder or skeleton is left
 * (a few passes, as streamed sections can arrive behind the first one). Ends at the top.
 */
export async function drawCharts(page: Page, passes = 4) {
  for (let pass = 0; pass < passes; pass++) {
    await page.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (let y = 0; y <= document.documentElement.scrollHeight; y += Math.max(200, window.innerHeight / 2)) {
        window.scrollTo(0, y);
        await frame();
      }
      window.scrollTo(0, 0);
    });
    if ((await page.locator('.animate-pulse').count()) === 0) return;
    await page.waitForTimeout(500);
  }
}
