/**
 * Screenshots of the Lag pages at 1440×900 in light and dark, for people to look at (the png files are
 * git-ignored). Used by e2e/lag.spec.ts; also runnable against any running dashboard:
 * `npx tsx e2e/support/lag-shots.ts http://127.0.0.1:3000 <group>`.
 */
import path from "node:path";
import { chromium, type Page } from "@playwright/test";

export const SCREENSHOT_DIR = path.join(import.meta.dirname, "..", "screenshots");

export async function setTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  await page.evaluate((t) => {
    localStorage.setItem("eventscope-theme", t);
    document.documentElement.dataset.theme = t;
  }, theme);
}

/** Lag page and one group page, light and dark; waits for live data and settled charts first. */
export async function captureLagScreens(
  page: Page,
  baseURL: string,
  group: string,
  prefix = "lag",
): Promise<string[]> {
  const files: string[] = [];
  for (const theme of ["light", "dark"] as const) {
    await page.goto(`${baseURL}/lag`);
    await setTheme(page, theme);
    await page.getByTestId("lag-groups-table").waitFor();
    files.push(path.join(SCREENSHOT_DIR, `${prefix}-groups-${theme}.png`));
    await page.screenshot({ path: files.at(-1) });
    await page.goto(`${baseURL}/lag/${encodeURIComponent(group)}`);
    await page.getByTestId("lag-partition-table").waitFor();
    await page.waitForTimeout(500);
    files.push(path.join(SCREENSHOT_DIR, `${prefix}-group-${theme}.png`));
    await page.screenshot({ path: files.at(-1) });
  }
  return files;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const [baseURL = "http://127.0.0.1:3000", group = "inventory-service"] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  console.log((await captureLagScreens(page, baseURL, group, "manual")).join("\n"));
  await browser.close();
}
