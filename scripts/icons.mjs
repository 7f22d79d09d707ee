// Renders static/favicon.svg to the PNG icons the web app manifest and iOS
// need (static/icon-192.png, static/icon-512.png), with Debian's Chromium.
// Run after editing the SVG:  node scripts/icons.mjs
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '../tests/e2e/support.mjs';

const svgPath = fileURLToPath(new URL('../static/favicon.svg', import.meta.url));
const svg = readFileSync(svgPath, 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  await page.screenshot({ path: fileURLToPath(new URL(`../static/icon-${size}.png`, import.meta.url)), omitBackground: true });
  await page.close();
}
await browser.close();
