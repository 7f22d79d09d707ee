// Lighthouse (mobile preset) on the release build and on a minimal static
// reference page, both served locally with brotli, three runs each; writes the
// medians to reports/lighthouse.md. A report, not a CI gate.
//   node benches/lighthouse/run.mjs     (after `trunk build --release`)
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveBrotli, ROOT, DIST, CHROME_FLAGS } from './serve.mjs';

const RUNS = Number(process.env.RUNS ?? 3);

const REFERENCE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Reference</title>
<link rel="icon" href="data:,"><style>body{font:1rem/1.5 system-ui,sans-serif;margin:1rem}</style></head>
<body><main><h1>Reference page</h1><p>A minimal static page: the best a page can score on this machine.</p>
<ol><li>One</li><li>Two</li><li>Three</li></ol></main></body></html>`;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function measure(url, port) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const a = r.lhr.audits;
    runs.push({
      performance: Math.round(r.lhr.categories.performance.score * 100),
      fcp: a['first-contentful-paint'].numericValue,
      lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      bytes: a['total-byte-weight'].numericValue,
    });
  }
  const m = {};
  for (const k of Object.keys(runs[0])) m[k] = median(runs.map((r) => r[k]));
  return m;
}

const refDir = await mkdtemp(join(tmpdir(), 'lh-ref-'));
await writeFile(join(refDir, 'index.html'), REFERENCE);
const app = await serveBrotli(DIST);
const ref = await serveBrotli(refDir);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: CHROME_FLAGS,
});
try {
  const appBase = `http://127.0.0.1:${app.address().port}`;
  const refUrl = `http://127.0.0.1:${ref.address().port}/`;
  const a = await measure(`${appBase}/nec-2022/london/`, chrome.port);
  const landing = await measure(`${appBase}/`, chrome.port);
  const old = await measure(`${appBase}/?election=nec-2022&region=london`, chrome.port);
  const r = await measure(refUrl, chrome.port);
  const chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  const row = (name, m) => `| ${name} | ${m.performance} | ${Math.round(m.fcp)} | ${Math.round(m.lcp)} | ${Math.round(m.tbt)} | ${m.cls.toFixed(3)} | ${Math.round(m.bytes).toLocaleString('en-GB')} |`;
  const report = `# Lighthouse (mobile preset)

Made by \`node benches/lighthouse/run.mjs\` after \`trunk build --release\`: Lighthouse 12.8.2,
${chromium}, simulated mobile (Moto G Power, slow 4G, 4× CPU slowdown), ${RUNS} runs each, medians.
All pages served locally with brotli (quality 11). The result page is the pre-rendered
\`/nec-2022/london/\`; an old-style link (\`/?election=nec-2022&region=london\`) is sent to
that page by a script in the head of the landing page (its figures are of the page it lands on).
Measured ${new Date().toISOString().slice(0, 10)} on the 2-core project machine.

| page | Performance | FCP ms | LCP ms | TBT ms | CLS | transfer bytes |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${row('slatecard: result page', a)}
${row('slatecard: landing page', landing)}
${row('slatecard: old-style result link', old)}
${row('reference (static HTML)', r)}

LCP ratio result page / reference: **${(a.lcp / r.lcp).toFixed(2)}**; landing page / reference: **${(landing.lcp / r.lcp).toFixed(2)}**.
`;
  // The report's dated history (from its first `## ` heading on) is kept.
  const path = join(ROOT, 'reports/lighthouse.md');
  const before = await readFile(path, 'utf8').catch(() => '');
  const history = before.includes('\n## ') ? before.slice(before.indexOf('\n## ') + 1) : '';
  await writeFile(path, history ? `${report}\n${history}` : report);
  console.log(report);
} finally {
  await chrome.kill();
  app.close(); ref.close();
}
