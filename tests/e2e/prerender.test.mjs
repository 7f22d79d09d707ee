// Pre-rendered pages (issue 12): the order is in the HTML as served, every
// page works with JavaScript off, the app takes a page over without a
// visible change, and when the app cannot start the page says so and stays
// usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { servedApp, expected, watchErrors, SlatecardPage, DIST } from './support.mjs';

const acorn = createRequire(new URL('../../tools/package.json', import.meta.url))('acorn');

const data = expected();
const site = servedApp();

/** The candidates' names in served HTML, in order (no browser involved). */
function namesIn(html) {
  return [...html.matchAll(/data-testid="candidate-name"[^>]*>([^<]*)</g)].map((m) => m[1]
    .replaceAll('&amp;', '&').replaceAll('&#x27;', "'").replaceAll('&#39;', "'").replaceAll('&quot;', '"'));
}

test('every result page carries its order in the HTML as served, with its own title and share tags', async () => {
  for (const election of data.elections) {
    for (const [slug, want] of Object.entries(election.regions)) {
      const res = await fetch(`${site.server.url}/${election.id}/${slug}/`);
      assert.equal(res.status, 200, `${election.id}/${slug}`);
      const html = await res.text();
      assert.deepEqual(namesIn(html), want.candidates, `${election.id}/${slug}`);
      const title = html.match(/<title>([^<]*)<\/title>/)[1];
      assert.ok(title.includes(want.name), `${election.id}/${slug}: ${title}`);
      assert.match(html, new RegExp(`<link rel=canonical href="[^"]*/${election.id}/${slug}/">`));
      for (const tag of ['og:title', 'og:description', 'og:url', 'twitter:card']) {
        assert.ok(html.includes(tag), `${election.id}/${slug}: ${tag}`);
      }
      // The description names the order itself, for link previews.
      const description = html.match(/property=og:description content="([^"]*)"/)[1];
      assert.ok(description.includes(want.candidates[0].replaceAll("'", '&#x27;')) || description.includes(want.candidates[0]),
        `${election.id}/${slug}: ${description}`);
    }
  }
});

test('with JavaScript off: the landing page links to every region, and each result page is complete', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${site.server.url}/`);
  const election = data.elections[0];
  // The postcode box says it needs JavaScript; the regions are links.
  assert.match(await page.locator('.sc-postcode noscript, .sc-postcode .sc-error').first().textContent(), /JavaScript/);
  // Nothing is shown that needs the app: no box to type in, no button, no
  // drop-down; nor the widget's preview once "Embed this" is opened.
  const dead = 'button:visible, input[type=text]:visible, select:visible, iframe:visible';
  assert.equal(await page.locator(dead).count(), 0, 'landing page');
  // (Without JavaScript, browsers load even a lazy frame at once.)
  await page.getByTestId('embed-panel').locator('summary').click();
  assert.equal(await page.locator(dead).count(), 0, 'landing page, "Embed this" open');
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.initiatorType === 'iframe').length), 0, 'no preview frame loaded');
  await page.getByTestId('region-wales').click();
  await page.waitForURL(`${site.server.url}/${election.id}/wales/`);
  assert.equal(await page.getByTestId('result-region').textContent(), 'Wales');
  assert.deepEqual(await page.getByTestId('candidate-name').allTextContents(), election.regions.wales.candidates);
  assert.equal(await page.getByTestId('seat').count(), election.regions.wales.seats.length, 'the other seats are there too');
  assert.equal(await page.locator(dead).count(), 0, 'result page: no share or copy button');
  // A plain link is not hidden with them: the stall sheet prints without the app.
  assert.ok(await page.locator('a[href$="cards.html"]').isVisible(), 'the stall sheet link shows');
  // Other elections are links to the same region's page, with their seats.
  await page.locator('.sc-election noscript a, .sc-election a', { hasText: 'NEC 2022' }).first().click();
  await page.waitForURL(`${site.server.url}/nec-2022/wales/`);
  assert.equal(await page.getByTestId('result-region').textContent(), 'Wales');
  const seats2022 = data.elections.find((e) => e.id === 'nec-2022').regions.wales.seats;
  assert.ok(seats2022.length > 0);
  assert.equal(await page.getByTestId('seat').count(), seats2022.length);
  await page.goBack();
  // "Change region" leads back to the election's page.
  await page.getByTestId('change-region').click();
  await page.waitForURL(`${site.server.url}/${election.id}/`);
  assert.equal(await page.getByTestId('region-london').count(), 1);
  await context.close();
});

test('the island starts on a pre-rendered page without changing what it shows or moving anything', async () => {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 800 } });
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // What the pre-rendered page shows before the island runs: the same page
  // with the WebAssembly held back, never arriving (JavaScript on, so
  // <noscript> stays hidden). Not refused: a box whose island cannot start
  // says so.
  const plain = await site.browser.newPage({ viewport: { width: 390, height: 800 }, serviceWorkers: 'block' });
  await plain.route('**/*.wasm', () => {});
  await plain.goto(`${site.server.url}/nec-2022/`);
  const before = await plain.locator('#app').innerText();
  await plain.close();
  await page.goto(`${site.server.url}/nec-2022/`);
  await new SlatecardPage(page, site.server.url).ready();
  const after = await page.locator('#app').innerText();
  assert.equal(after, before, 'the island shows exactly what the pre-rendered page showed');
  assert.equal(await page.evaluate(() => window.__shifts), 0, 'no layout shift');
  assert.equal(new URL(page.url()).pathname, '/nec-2022/');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an old query link lands on the same page, and the address becomes the page path', async () => {
  const page = await site.browser.newPage();
  const app = new SlatecardPage(page, site.server.url);
  await app.open('?election=nec-2020&region=south-west&fbclid=x');
  assert.equal(await app.regionShown(), 'South West');
  assert.equal(new URL(page.url()).pathname, '/nec-2020/south-west/');
  assert.equal(new URL(page.url()).search, '');
  await page.close();
});

/** Opens `path` with the app made to fail by `how`; returns the page. */
async function failing(how, path = '/') {
  // No service worker: its own fetches for its cache would go past the routes.
  const page = await site.browser.newPage({ viewport: { width: 390, height: 800 }, serviceWorkers: 'block' });
  if (how === 'blocked') await page.route('**/*.wasm', (r) => r.abort());
  if (how === 'glue blocked') await page.route('**/slatecard*.js', (r) => r.abort());
  if (how === 'no WebAssembly') await page.addInitScript(() => { delete window.WebAssembly; });
  if (how === 'an engine too old for the module') {
    // An engine with WebAssembly 1.0 but not the later features the module
    // is built with (Safari 11.1-14, reports/size-analysis.md): it refuses
    // the module when compiling it. It also lacks compileStreaming (Safari
    // before 15), replaceChildren and requestIdleCallback.
    await page.addInitScript(() => {
      for (const type of [Element, Document, DocumentFragment]) delete type.prototype.replaceChildren;
      delete window.requestIdleCallback;
      delete WebAssembly.compileStreaming;
      WebAssembly.compile = () => Promise.reject(new WebAssembly.CompileError('invalid opcode 0xfc'));
    });
  }
  if (how === 'compile error') {
    await page.route('**/*.wasm', (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm') }));
  }
  page.saidCouldNotStart = 0;
  page.on('console', (m) => { if (/could not start/.test(m.text())) page.saidCouldNotStart += 1; });
  await page.goto(`${site.server.url}${path}`);
  return page;
}

for (const how of ['blocked', 'glue blocked', 'no WebAssembly', 'compile error', 'an engine too old for the module']) {
  test(`when the app cannot start (${how}), the landing page says so, offers a retry and still works`, async () => {
    const page = await failing(how);
    const failed = page.getByTestId('app-failed');
    await failed.waitFor();
    assert.match(await failed.textContent(), /could not start/);
    assert.equal(await page.locator('[data-sc-retry]').count(), 1);
    assert.equal(await page.getByTestId('postcode-input').isDisabled(), true, 'no dead postcode box');
    // "Try again" keeps the keyboard's focus: reaching it does not start
    // (and fail) the app again, which would draw the message anew.
    // (The language link comes first, at the top of the page.)
    for (let i = 0; i < 3 && !(await page.evaluate(() => document.activeElement?.hasAttribute('data-sc-retry'))); i += 1) {
      await page.keyboard.press('Tab');
    }
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-sc-retry')), true, 'focus on Try again');
    assert.equal(page.saidCouldNotStart, 1, 'said once');
    // The regions are plain links to their pre-rendered pages.
    await page.getByTestId('region-scotland').click();
    await page.waitForURL(/\/scotland\/$/);
    assert.equal(await page.getByTestId('result-region').textContent(), 'Scotland');
    assert.ok((await page.getByTestId('candidate-name').count()) > 0);
    await page.close();
  });
}

/** Every file under dist/ whose name matches `pattern`, relative to dist/. */
function distFiles(pattern, dir = '') {
  return readdirSync(join(DIST, dir), { withFileTypes: true }).flatMap((e) => {
    const path = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) return distFiles(pattern, path);
    return pattern.test(e.name) ? [path] : [];
  });
}

/** What in `code` an engine older than ES2020 cannot parse, allowing
 * dynamic import() (Safari 11.1, Chrome 63, Firefox 67): acorn parses it
 * as ES2020 and each later construct found is named. */
function tooNew(code, sourceType) {
  const found = [];
  const walk = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (node.type === 'ChainExpression') found.push('?.');
    if (node.type === 'LogicalExpression' && node.operator === '??') found.push('??');
    if (node.type === 'CatchClause' && !node.param) found.push('catch without a binding');
    if (node.type === 'Literal' && node.bigint) found.push('BigInt literal');
    if (node.type === 'MetaProperty') found.push('import.meta');
    if (node.type === 'Literal' && node.regex && /\(\?<[=!]/.test(node.regex.pattern)) found.push('regex lookbehind');
    for (const [key, value] of Object.entries(node)) if (key !== 'loc') walk(value);
  };
  walk(acorn.parse(code, { ecmaVersion: 2020, sourceType }));
  return found;
}

test('the scripts that say the app cannot start parse in engines too old to run it', () => {
  // Each page's inline scripts (the start-up and the old-link redirect) and
  // the embed loader: an engine that cannot parse them would leave a dead
  // postcode box that says nothing. (The glue is ES2020: an engine that
  // cannot load it gets the message, as 'glue blocked' above shows.)
  const pages = distFiles(/^index\.html$/);
  assert.ok(pages.length > 60, `${pages.length} pages`);
  let scripts = 0;
  for (const path of pages) {
    const html = readFileSync(join(DIST, path), 'utf8');
    for (const [, attrs, code] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      // (The modules' addresses are data, never run.)
      if (!code.trim() || /type="application\/json"/.test(attrs)) continue;
      scripts += 1;
      assert.deepEqual(tooNew(code, /type="?module/.test(attrs) ? 'module' : 'script'), [], `${path}: <script${attrs}>`);
    }
  }
  assert.ok(scripts >= 2 * pages.length, `${scripts} inline scripts`);
  assert.deepEqual(tooNew(readFileSync(join(DIST, 'embed.js'), 'utf8'), 'script'), [], 'embed.js');
  // The check finds what it looks for.
  assert.deepEqual(tooNew('a?.b ?? c; try {} catch {}', 'script').sort(), ['?.', '??', 'catch without a binding']);
});

test('on a phone every page is laid out at the phone\'s width, not a desktop\'s', async () => {
  // A page without <meta name=viewport> is laid out 980 px wide and shown
  // at about 40 %: names at 6-9 px until the member pinches.
  // (Not the finder's bundles, `regions.html`: templates, never a page.)
  for (const path of distFiles(/\.html$/).filter((p) => !p.endsWith('regions.html'))) {
    const html = readFileSync(join(DIST, path), 'utf8');
    assert.match(html, /<meta (content="width=device-width, ?initial-scale=1" name="?viewport"?|name="?viewport"? content="width=device-width, ?initial-scale=1")>/, path);
  }
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
  const page = await context.newPage();
  // (Not the stall sheets: an A4 page of cards, 794 px wide, for printing.)
  for (const path of ['/', '/nec-2026/', '/nec-2026/london/', '/nec-2022/why.html', '/404.html']) {
    await page.goto(`${site.server.url}${path}`);
    assert.equal(await page.evaluate(() => innerWidth), 390, path);
  }
  await context.close();
});

test('on a phone every result page opened from a link shows what to do and the first name within the first screen', async () => {
  // 390 × 664: an iPhone's 390 × 844 less Safari's bars.
  const context = await site.browser.newContext({ viewport: { width: 390, height: 664 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  let worst = [0, ''];
  // Result pages: `nec-2026/london/index.html`, `cy/nec-2026/london/index.html`.
  const result = (p) => p.split('/').length === (p.startsWith('cy/') ? 4 : 3);
  for (const path of distFiles(/^index\.html$/).filter(result)) {
    await page.goto(`${site.server.url}/${path.replace(/index\.html$/, '')}`);
    const [instruction, name] = await page.evaluate(() => ['instruction', 'candidate-name']
      .map((id) => document.querySelector(`[data-testid=${id}]`).getBoundingClientRect()));
    assert.ok(instruction.bottom <= 664, `${path}: "Number these…" ends at ${instruction.bottom} px`);
    assert.ok(name.bottom <= 664, `${path}: the first name ends at ${name.bottom} px`);
    if (name.bottom > worst[0]) worst = [Math.round(name.bottom), path];
  }
  console.log(`first name on a 390 × 664 phone: ends at ${worst[0]} px at the lowest (${worst[1]})`);
  await context.close();
});

for (const how of ['blocked', 'no WebAssembly']) {
  test(`a result page needs no module (${how}): the order is all there, and every control works`, async () => {
    const page = await failing(how, '/nec-2022/london/');
    await page.getByTestId('result').waitFor();
    assert.deepEqual(await page.getByTestId('candidate-name').allTextContents(),
      data.elections.find((e) => e.id === 'nec-2022').regions.london.candidates);
    // Nothing to say: no module was needed.
    assert.equal(await page.getByTestId('app-failed').count(), 0);
    const off = await page.locator('#app [disabled]').count();
    assert.equal(off, 0, 'nothing switched off');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    await page.getByTestId('copy-order').click();
    await page.getByTestId('share-status').filter({ hasText: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.startsWith('NEC 2022 — Grassroots 5, London:\n1 '), copied);
    assert.ok(copied.endsWith(`\n${site.server.url}/nec-2022/london/`), copied);
    await page.getByTestId('election-select').selectOption('nec-2020');
    await page.waitForURL(`${site.server.url}/nec-2020/london/`);
    assert.match(await page.getByTestId('page-heading').textContent(), /NEC 2020/);
    await page.close();
  });
}

test('the widget that cannot start says so instead of showing the full page', async () => {
  const page = await failing('blocked', '/?embed=1&region=wales');
  await page.getByTestId('app-failed').waitFor();
  assert.equal(await page.locator('header.sc-header').count(), 0);
  await page.close();
});

/** Holds back `page`'s requests for `pattern` until the returned function is called. */
async function holdBack(page, pattern) {
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(pattern, async (route) => { await held; await route.continue(); });
  return release;
}

test('a postcode asked for before the app has arrived is answered at once, then found when it runs', async () => {
  // No service worker: it would fetch the wasm past the hold.
  const page = await site.browser.newPage({ viewport: { width: 390, height: 800 }, serviceWorkers: 'block' });
  const errors = watchErrors(page);
  const release = await holdBack(page, '**/*.wasm');
  await page.goto(`${site.server.url}/`);
  const answer = page.getByTestId('postcode-answer');
  // An empty box asks for nothing: nothing is said on the app's behalf.
  await page.getByTestId('postcode-input').press('Enter');
  await page.waitForTimeout(200);
  assert.equal(await answer.textContent(), '');
  await page.getByTestId('postcode-input').fill('NE1 4ST');
  await page.getByTestId('postcode-input').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=postcode-answer]').textContent === 'Looking up your postcode…');
  release();
  await page.getByTestId('result').waitFor();
  assert.equal(await page.getByTestId('result-region').textContent(), 'Northern');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the postcode table comes after the page: a postcode typed before it arrives is answered when it does', async () => {
  // No service worker: once in charge it would serve the table from its own
  // cache, past the hold (the app now starts only when the member reaches for it).
  const page = await site.browser.newPage({ viewport: { width: 390, height: 800 }, serviceWorkers: 'block' });
  const errors = watchErrors(page);
  const release = await holdBack(page, '**/labour.*.bin');
  const app = new SlatecardPage(page, site.server.url);
  await app.open();
  await app.lookUp('NE1 4ST');
  assert.equal(await page.getByTestId('postcode-answer').textContent(), 'Looking up your postcode…');
  release();
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Northern');
  assert.equal(await page.getByTestId('found-by').textContent(), 'NE1 4ST is in the Northern region.');
  assert.deepEqual(errors, []);
  await page.close();
});

test('when the postcode table cannot be downloaded, the member is told to choose a region', async () => {
  // No service worker, which would fetch the table for its cache past the block.
  const page = await site.browser.newPage({ viewport: { width: 390, height: 800 }, serviceWorkers: 'block' });
  await page.route('**/labour.*.bin', (route) => route.abort());
  const app = new SlatecardPage(page, site.server.url);
  await app.open();
  await app.lookUp('NE1 4ST');
  assert.match(await app.postcodeError(), /Postcode search is unavailable \(it could not be downloaded\)\. Please choose your region below\./);
  await app.chooseRegion('northern');
  assert.equal(await app.regionShown(), 'Northern');
  await page.close();
});

test('result pages say what the data knows beyond the order, in the HTML as served', async () => {
  const page = async (path) => (await fetch(`${site.server.url}${path}`)).text();
  // 2020: Northern and South West shared one list.
  const sw = await page('/nec-2020/south-west/');
  assert.match(sw, /data-testid="?shared-list"?[^>]*>The slate gave members in Northern this same list\./);
  // 2024: results, with the slate's candidates marked, and the seats decided unopposed.
  const london = await page('/nec-2024/london/');
  assert.match(london, /3 of the slate(&#x27;|')s 4 candidates were elected\. Announced 18 September 2024\./);
  assert.match(london, /data-testid="?unopposed"?/);
  assert.match(london, /data-kind="?partial"?/);
  // 2026: closed, results not in the data, ballot list unknown.
  const wales = await page('/nec-2026/wales/');
  assert.match(wales, /The results are not in slatecard(&#x27;|')s data yet\./);
  assert.match(wales, /data-kind="?unknown"?/);
});

test('installable: a manifest in the catalogue\'s words, icons, and every page links them', async () => {
  const html = await (await fetch(`${site.server.url}/nec-2022/wales/`)).text();
  const links = html.match(/<link [^>]*>/g);
  // The manifest (content-addressed, site/src/hash_names.rs) is linked once the
  // page is painted, not in the HTML: nothing is requested before the paint.
  assert.ok(!links.some((l) => /rel="?manifest/.test(l)), 'no manifest link in the HTML');
  const page = await site.browser.newPage();
  await page.goto(`${site.server.url}/nec-2022/wales/`);
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  await page.close();
  assert.match(new URL(href).pathname, /^\/manifest\.[0-9a-f]{8}\.webmanifest$/, 'manifest link');
  const manifest = await (await fetch(href)).json();
  assert.equal(manifest.short_name, 'slatecard');
  assert.match(manifest.name, /Labour NEC ballot/);
  assert.equal(manifest.display, 'standalone');
  for (const icon of manifest.icons) {
    const r = await fetch(new URL(icon.src, `${site.server.url}/`));
    assert.equal(r.status, 200, icon.src);
  }
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png'));
  // The tab's icon is in the page (no request before the first paint).
  assert.ok(links.some((l) => /rel="?icon/.test(l) && l.includes('data:image/svg+xml')), 'icon link');
});
