// How long until the member sees their order on a slow phone: 400 kbps both
// ways, 400 ms round trips, a 4× slower CPU (Chromium's own throttling, via
// the DevTools protocol). Pages are served locally with brotli; each is
// opened RUNS times in a fresh context (empty cache) and the medians written
// to reports/slow-network.md. A report, not a CI gate.
//
//   node benches/slow-network.mjs        (after `trunk build --release`)
//
// Measured: the time from navigation start until the first candidate's name
// is on screen (a MutationObserver records the moment it appears), and how
// many modules the page fetched in its first 2 s (a result page needs none).
// The report's dated history below its table is kept.
// SLATECARD_DIST=DIR measures another build (default dist/).
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { slowPhone, median } from './phone.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.SLATECARD_DIST ?? join(ROOT, 'dist');
const RUNS = Number(process.env.RUNS ?? 5);
const require = createRequire(join(ROOT, 'tools/package.json'));
const { chromium } = require('playwright-core');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };

/** A static page with the same order as the result page, and nothing else. */
async function reference() {
  const page = await readFile(join(DIST, 'nec-2022/london/index.html'), 'utf8');
  const names = [...page.matchAll(/data-testid="candidate-name"[^>]*>([^<]*)</g)].map((m) => m[1]);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Reference</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;margin:1rem}</style></head>
<body><main><h1>London</h1><ol>${names.map((n) => `<li data-testid="candidate-name">${n}</li>`).join('')}</ol></main></body></html>`;
}

function serve(extra) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    try {
      let body;
      if (url.pathname === '/reference.html') body = Buffer.from(extra);
      else {
        const file = normalize(join(DIST, url.pathname.endsWith('/') ? url.pathname + 'index.html' : url.pathname));
        if (!file.startsWith(DIST)) throw new Error('outside');
        body = await readFile(file);
      }
      const key = url.pathname;
      if (!cache.has(key)) cache.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      res.writeHead(200, { 'content-type': TYPES[extname(url.pathname) || '.html'], 'content-encoding': 'br', 'cache-control': 'no-cache' });
      res.end(cache.get(key));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}


async function measure(browser, url) {
  const { context, page } = await slowPhone(browser);
  await page.addInitScript(() => {
    window.__seen = null;
    const check = () => {
      if (window.__seen === null && document.querySelector('[data-testid=candidate-name]')) window.__seen = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', check);
  });
  // From the member's tap on the link: across a redirect (an old-style
  // link is sent to its page), the page shown has a later time origin.
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__seen !== null, null, { timeout: 60_000 });
  const seen = (await page.evaluate(() => performance.timeOrigin + window.__seen)) - start;
  let wasm = null;
  if (!url.endsWith('reference.html')) {
    // A result page needs no module (its controls are HTML): none is
    // fetched while the member reads.
    await page.waitForTimeout(2000);
    wasm = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
  }
  await context.close();
  return { seen, wasm };
}

const server = await serve(await reference());
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const PAGES = [
  ['pre-rendered result page `/nec-2022/london/`', '/nec-2022/london/'],
  ['old-style link `/?election=nec-2022&region=london` (sent to its page)', '/?election=nec-2022&region=london'],
  ['static reference page with the same order', '/reference.html'],
];
const rows = [];
for (const [name, path] of PAGES) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, base + path));
  const seen = runs.map((r) => r.seen);
  const med = (k) => (runs.every((r) => r[k] === null) ? null : median(runs.filter((r) => r[k] !== null).map((r) => r[k])));
  rows.push({ name, seen: median(seen), lo: Math.min(...seen), hi: Math.max(...seen), wasm: med('wasm') });
  console.log(name, rows.at(-1));
}
await browser.close();
server.close();

const ref = rows[2].seen;
const ms = (v) => (v === null ? '—' : Math.round(v).toLocaleString('en-GB'));
const version = browser.version?.() ?? '';
// The report's dated history (from its first `## ` heading on) is kept.
const report = join(ROOT, 'reports/slow-network.md');
const old = await readFile(report, 'utf8').catch(() => '');
const history = old.includes('\n## ') ? old.slice(old.indexOf('\n## ') + 1) : '';
const lines = [
  '# Order visible on a slow phone',
  '',
  `Made by \`node benches/slow-network.mjs\` after \`trunk build --release\`: Chromium (playwright-core), 390 px wide,`,
  `400 kbps down and up, 400 ms round trips, CPU slowed 4× (DevTools protocol), empty cache, brotli; ${RUNS} runs each, medians.`,
  `Measured ${new Date().toISOString().slice(0, 10)} on the 2-core project machine.`,
  '',
  '| page | order visible, ms (median) | range, ms | × static page | modules fetched while reading (2 s) |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.name} | ${Math.round(r.seen).toLocaleString('en-GB')} | ${Math.round(r.lo)}–${Math.round(r.hi)} | ${(r.seen / ref).toFixed(2)} | ${ms(r.wasm)} |`),
  '',
  'On this 2-core machine single runs vary by a few hundred ms (the range column); compare medians of one run of the script.',
  '"Order visible" counts from the moment the link is opened (the old-style link includes its redirect: its',
  'page loads twice over, once for the address and once for the page it is sent to). A result page needs no',
  'module: its controls are HTML (the election choice opens that election\'s page; benches/hurried.mjs times it).',
  '',
  history,
];
await writeFile(report, lines.join('\n'));
console.log(lines.join('\n'));
