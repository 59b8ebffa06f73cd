// Renders build/icon.svg to build/icon.png (512×512, transparent corners) with the system Chromium:
//   node build/render-icon.mjs            (CHROMIUM_PATH overrides /usr/bin/chromium)
// electron-builder takes icon.png for every platform (see electron-builder.yml).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const SIZE = 512;
const svg = readFileSync(new URL('./icon.svg', import.meta.url), 'utf8');
const output = fileURLToPath(new URL('./icon.png', import.meta.url));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><body style="margin:0;background:transparent">${svg}</body>`);
  await page.locator('svg').screenshot({ path: output, omitBackground: true });
} finally {
  await browser.close();
}
process.stdout.write(`wrote ${output}\n`);
