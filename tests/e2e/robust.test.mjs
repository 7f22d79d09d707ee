// What members and their browsers do to a page (issue #26): Back after a
// reload, addresses typed or pasted in another case or spelling, a refused
// clipboard, forced colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { servedApp, SlatecardPage, watchErrors, expected } from './support.mjs';

const site = servedApp({ notFound: true });

async function member() {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  return { context, page, app: new SlatecardPage(page, site.server.url) };
}

test('Back after a reload shows the page the address names, and Back again leaves as it came', async () => {
  const { context, page, app } = await member();
  await page.goto(`${site.server.url}/nec-2026/`);
  await app.lookUp('SW1A 1AA');
  await page.waitForURL(/\/nec-2026\/london\/$/);
  await page.getByTestId('result').waitFor();
  await page.reload();
  await page.getByTestId('result').waitFor();
  await page.goBack();
  await page.waitForURL(/\/nec-2026\/$/);
  await page.getByTestId('postcode-input').waitFor();
  assert.equal(await page.getByTestId('result').count(), 0, 'the election\'s page, not London\'s');
  // Forward: London again.
  await page.goForward();
  await page.waitForURL(/\/nec-2026\/london\/$/);
  assert.equal(await app.regionShown(), 'London');
  await context.close();
});

test('a page named in another case or spelling is reached from the 404 page', async () => {
  const { context, page } = await member();
  const base = site.notFound.url;
  for (const [typed, page_] of [
    ['NEC-2026/London/', 'nec-2026/london/'],
    ['nec-2026/London/', 'nec-2026/london/'],
    ['nec-2026/northwest/', 'nec-2026/north-west/'],
    ['Nec-2022/South%20West/', 'nec-2022/south-west/'],
    ['NEC-2020/', 'nec-2020/'],
  ]) {
    await page.goto(`${base}/${typed}`);
    await page.waitForURL(`${base}/${page_}`);
    await page.getByTestId('page-heading').waitFor();
  }
  // A region alone: the latest election's page for it.
  const latest = expected().elections[0].id;
  await page.goto(`${base}/London/`);
  await page.waitForURL(`${base}/${latest}/london/`);
  await page.goto(`${base}/cy/wales/`);
  await page.waitForURL(`${base}/cy/${latest}/wales/`);
  // A name we do not know in a place that names an election or region is
  // said as such, as an old-style link's is, with what can be shown.
  for (const [typed, shown, said] of [
    ['nec-2026/atlantis/', 'nec-2026/', /region called “atlantis”/],
    ['nec-2030/london/', `${latest}/london/`, /election called “nec-2030”/],
    ['cy/nec-2030/wales/', `cy/${latest}/wales/`, /nec-2030/],
  ]) {
    await page.goto(`${base}/${typed}`);
    await page.waitForURL((u) => u.pathname === `/${shown}`);
    await page.getByTestId('page-heading').waitFor();
    assert.match(await page.locator('#app').textContent(), said, typed);
  }
  // A name of nothing stays on the 404 page.
  for (const typed of ['about/', 'nec-2026/london/extra/', 'wp-admin/']) {
    const response = await page.goto(`${base}/${typed}`);
    assert.equal(response.status(), 404);
    await page.waitForTimeout(200);
    assert.equal(new URL(page.url()).pathname, `/${typed}`);
  }
  await context.close();
});

test('an old-style link is read as Rust reads it', async () => {
  const { context, page } = await member();
  await page.goto(`${site.server.url}/?election=NEC-2022`);
  await page.waitForURL(`${site.server.url}/nec-2022/`);
  await page.goto(`${site.server.url}/?election=nec%202020&region=North%20West`);
  await page.waitForURL(`${site.server.url}/nec-2020/north-west/`);
  // On a Welsh page it stays Welsh.
  await page.goto(`${site.server.url}/cy/?election=NEC-2022&region=Wales`);
  await page.waitForURL(`${site.server.url}/cy/nec-2022/wales/`);
  // `&amp;embed=1` is the widget (Link::parse), not a redirect.
  await page.goto(`${site.server.url}/?x=1&amp;embed=1&region=wales`);
  await page.getByTestId('result').waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await page.evaluate(() => document.body.classList.contains('sc-embed')), true);
  await context.close();
});

test('a refused clipboard never says "Copied", and throws nothing', async () => {
  const { context, page, app } = await member();
  // As Android's in-app browsers do: the clipboard API refuses, and so
  // does the older way.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('refused', 'NotAllowedError')) },
    });
    document.execCommand = () => false;
  });
  const errors = watchErrors(page);
  await app.open('nec-2022/london/');
  await page.getByTestId('copy-order').click();
  await page.getByTestId('share-page').click();
  await page.waitForTimeout(300);
  assert.equal((await page.getByTestId('share-status').textContent()).trim(), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('with forced colours, every control keeps a visible edge', async () => {
  const { context, page } = await member();
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${site.server.url}/nec-2022/`);
  for (const id of ['postcode-submit', 'region-london']) {
    const edge = await page.getByTestId(id).evaluate((el) => {
      const s = getComputedStyle(el);
      return { style: s.borderTopStyle, width: parseFloat(s.borderTopWidth) };
    });
    assert.notEqual(edge.style, 'none', id);
    assert.ok(edge.width >= 1, `${id}: ${edge.width}px`);
  }
  await page.goto(`${site.server.url}/nec-2022/london/`);
  for (const id of ['change-region', 'copy-order']) {
    const width = await page.getByTestId(id).evaluate((el) => parseFloat(getComputedStyle(el).borderTopWidth));
    assert.ok(width >= 1, `${id}: ${width}px`);
  }
  await context.close();
});

test('Share in a framed full page copies the link instead', async () => {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(join(site.server.dir, 'framed.html'),
    '<!doctype html><title>A page framing slatecard</title><iframe src="/nec-2022/london/" width="390" height="800"></iframe>');
  const context = await site.browser.newContext({ viewport: { width: 500, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
  const page = await context.newPage();
  await page.goto(`${site.server.url}/framed.html`);
  const frame = page.frameLocator('iframe');
  await frame.getByTestId('share-page').click();
  await frame.getByTestId('share-status').filter({ hasText: 'Copied' }).waitFor();
  const copied = await page.frames()[1].evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${site.server.url}/nec-2022/london/`);
  await context.close();
});

/** As a password manager does at load: an element before `selector`, once. */
function extensionBefore(selector) {
  return (sel) => {
    const seen = new MutationObserver(() => {
      const el = document.querySelector(sel);
      if (!el) return;
      seen.disconnect();
      el.insertAdjacentHTML('beforebegin', '<span class="an-extension" aria-hidden="true">*</span>');
    });
    seen.observe(document, { childList: true, subtree: true });
  };
}

test('an element an extension puts before the postcode field loses nothing typed', async () => {
  const { context, page, app } = await member();
  await page.addInitScript(extensionBefore(), '#sc-postcode');
  await page.goto(`${site.server.url}/nec-2022/`);
  await page.locator('.an-extension').waitFor({ state: 'attached' });
  // Typed and asked for before the postcode box's module has run.
  await app.lookUp('CF10 1EP');
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Wales');
  await context.close();
});

test('an element an extension puts before the election choice loses no choice', async () => {
  const { context, page } = await member();
  await page.addInitScript(extensionBefore(), '#sc-election');
  await page.goto(`${site.server.url}/nec-2022/london/`);
  await page.locator('.an-extension').waitFor({ state: 'attached' });
  await page.getByTestId('election-select').selectOption('nec-2020');
  await page.waitForFunction(() => /NEC 2020/.test(document.querySelector('[data-testid=page-heading]').textContent));
  assert.equal(await page.getByTestId('result-region').textContent(), 'London');
  await context.close();
});

/** As Google Translate does: every text of the page in <font> elements of its own. */
function translate() {
  const walker = document.createTreeWalker(document.getElementById('app'), NodeFilter.SHOW_TEXT);
  const texts = [];
  while (walker.nextNode()) if (walker.currentNode.textContent.trim()) texts.push(walker.currentNode);
  for (const text of texts) {
    const outer = document.createElement('font');
    const inner = document.createElement('font');
    inner.textContent = text.textContent;
    outer.appendChild(inner);
    text.replaceWith(outer);
  }
}

test('a translated page never shows a wrong or misnumbered order when the election changes', async () => {
  const data = expected();
  const { context, page, app } = await member();
  await app.open('nec-2026/london/');
  await page.evaluate(translate);
  await app.chooseElection('nec-2020');
  await page.waitForFunction(() => /NEC 2020/.test(document.querySelector('[data-testid=page-heading]').textContent));
  const nec2020 = data.elections.find((e) => e.id === 'nec-2020');
  assert.deepEqual(await app.candidates(), nec2020.regions.london.candidates);
  const numbers = await page.locator('.sc-pref').allTextContents();
  assert.deepEqual(numbers, nec2020.regions.london.candidates.map((_, i) => String(i + 1)));
  assert.match(await page.getByTestId('election-status').textContent(), /2020/);
  await context.close();
});

test('a translated page says a second postcode error in its own words', async () => {
  const { context, page, app } = await member();
  await page.goto(`${site.server.url}/nec-2022/`);
  await app.lookUp('1SW');
  const first = await page.getByTestId('postcode-error').textContent();
  await page.evaluate(translate);
  await app.lookUp('SW1A 1AAAAA');
  await page.waitForFunction((before) => document.querySelector('[data-testid=postcode-error]')?.textContent !== before, first);
  assert.match(await page.getByTestId('postcode-error').textContent(), /at most 8 characters/);
  await context.close();
});
