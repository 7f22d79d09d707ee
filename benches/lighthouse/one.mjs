// One Lighthouse run (mobile preset) of one page of a build, served as
// run.mjs serves it, with what Lighthouse counted: its LCP phases, the
// requests of the page and the main-thread tasks. For looking into a figure
// of reports/lighthouse.md, not a report.
//   node benches/lighthouse/one.mjs [PATH]      (default /nec-2022/london/)
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveBrotli, DIST, CHROME_FLAGS } from './serve.mjs';

const path = process.argv[2] ?? '/nec-2022/london/';
const app = await serveBrotli(DIST);
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
try {
  const r = await lighthouse(`http://127.0.0.1:${app.address().port}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const a = r.lhr.audits;
  for (const k of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']) {
    console.log(k, Math.round(a[k].numericValue));
  }
  for (const item of a['largest-contentful-paint-element']?.details?.items ?? []) {
    for (const row of item.items ?? []) console.log(' ', JSON.stringify(row).slice(0, 200));
  }
  for (const q of a['network-requests'].details.items) {
    console.log(`${Math.round(q.networkRequestTime)}–${Math.round(q.networkEndTime)} ms ${q.priority} ${q.transferSize} B ${q.url.replace(/^http:\/\/[^/]+/, '')}`);
  }
} finally {
  await chrome.kill();
  app.close();
}
