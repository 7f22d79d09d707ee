// The Welsh pages (`/cy/…`) in the release build: the postcode island
// answers in Welsh (its own module, `slatecard-cy`, with Welsh words only),
// every kind of answer and problem is worded in Welsh, the language link
// round-trips, and nothing redirects by the browser's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, watchErrors, SlatecardPage, expected } from './support.mjs';

const latest = expected().elections[0];

const site = servedApp({ notFound: true });

/** A page at `path` (under the site), started as a member starts it. */
async function open(path, { locale } = {}) {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 800 }, locale });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const app = new SlatecardPage(page, site.server.url);
  await app.open(path);
  return { page, errors, app, requests, context };
}

/** What the island says for `input` on the page at `path`: the answer,
 * the problem, or the region it shows and how it was found. */
function shown() {
  const text = (id) => document.querySelector(`[data-testid=${id}]`)?.textContent ?? null;
  return JSON.stringify({ error: text('postcode-error'), answer: text('postcode-answer'), found: text('found-by') });
}
async function said(app, page, input) {
  const before = await page.evaluate(shown);
  await app.lookUp(input);
  // Until the island has answered this input (each input's answer differs).
  await page.waitForFunction((was) => {
    const text = (id) => document.querySelector(`[data-testid=${id}]`)?.textContent ?? null;
    const now = JSON.stringify({ error: text('postcode-error'), answer: text('postcode-answer'), found: text('found-by') });
    return now !== was;
  }, before);
  return JSON.parse(await page.evaluate(shown));
}

test('a Welsh page is Welsh throughout, and runs the Welsh island only', async () => {
  const { page, errors, app, requests, context } = await open('cy/');
  assert.equal(await page.getAttribute('html', 'lang'), 'cy');
  await app.lookUp('SW1A 1AA');
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Llundain');
  const found = await page.getByTestId('found-by').textContent();
  assert.match(found, /SW1A 1AA/);
  assert.match(found, /Llundain/);
  assert.doesNotMatch(found, /is in the|region\./);
  // The Welsh page of the region, at its Welsh address.
  assert.match(page.url(), new RegExp(`/cy/${latest.id}/london/$`));
  // The Welsh island, never the English one.
  const modules = requests.filter((u) => /\.wasm$/.test(u)).map((u) => new URL(u).pathname);
  assert.equal(modules.length, 1, modules.join(' '));
  assert.match(modules[0], /^\/slatecard-cy_bg\.[0-9a-f]{8}\.wasm$/);
  assert.ok(requests.some((u) => u.endsWith(`/cy/${latest.id}/regions.html`)), 'the Welsh pages bundle');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a straddling district offers its regions by their Welsh names', async () => {
  const { page, errors, app, context } = await open('cy/');
  await app.lookUp('SY10');
  await page.getByTestId('choice-wales').waitFor();
  const answer = await app.postcodeAnswer();
  assert.match(answer, /SY10/);
  assert.match(answer, /Cymru/);
  assert.doesNotMatch(answer, /is split between/);
  assert.equal(await page.getByTestId('choice-wales').textContent(), 'Cymru');
  assert.equal(await page.getByTestId('choice-west-midlands').textContent(), 'Gorllewin Canolbarth Lloegr');
  await page.getByTestId('choice-wales').click();
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Cymru');
  assert.match(page.url(), new RegExp(`/cy/${latest.id}/wales/$`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('every kind of answer and problem is said in Welsh, never in English', async () => {
  // One input of each kind: not a postcode (a place name, digits first, a
  // blank), outside the UK, a Forces address, a slip repaired, a district.
  const inputs = ['manchester', '1SW', '', 'JE2 3AB', 'BF1 2AY', 'S014', 'm1'];
  const en = await open('');
  const cy = await open('cy/');
  for (const input of inputs) {
    const english = await said(en.app, en.page, input);
    const welsh = await said(cy.app, cy.page, input);
    for (const key of ['error', 'answer', 'found']) {
      const [w, e] = [welsh[key]?.trim() || null, english[key]?.trim() || null];
      assert.equal(w === null, e === null, `${JSON.stringify(input)}: the same kind of answer (${key}): ${w} / ${e}`);
      if (w !== null) assert.notEqual(w, e, `${JSON.stringify(input)}: ${key} is in Welsh: ${w}`);
    }
    for (const { app, page } of [en, cy]) {
      if (await page.getByTestId('result').count()) await app.changeRegion();
    }
  }
  // Two of them word for word, from the Welsh catalogue (core/src/text/cy.rs).
  await cy.app.lookUp('');
  assert.match(await cy.app.postcodeError(), /Rhowch god post/);
  await cy.app.lookUp('JE2 3AB');
  await cy.page.getByTestId('choose-international').waitFor();
  assert.match(await cy.app.postcodeAnswer(), /Llafur Rhyngwladol/);
  assert.deepEqual(cy.errors, []);
  await en.context.close();
  await cy.context.close();
});

test('the language link round-trips on every kind of page, and says its language', async () => {
  const { page, context } = await open('');
  for (const path of ['', `${latest.id}/`, `${latest.id}/wales/`, `${latest.id}/international/`]) {
    await page.goto(`${site.server.url}/${path}`);
    const link = page.getByTestId('language-link');
    assert.equal(await link.getAttribute('lang'), 'cy');
    assert.equal(await link.getAttribute('hreflang'), 'cy');
    await link.click();
    await page.waitForURL(`${site.server.url}/cy/${path}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'cy');
    const back = page.getByTestId('language-link');
    assert.equal(await back.getAttribute('lang'), 'en-GB');
    await back.click();
    await page.waitForURL(`${site.server.url}/${path}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en-GB');
    // Each names the other for search engines and link previews.
    const alternates = await page.$$eval('link[rel=alternate][hreflang]', (ls) => ls.map((l) => [l.hreflang, new URL(l.href).pathname]));
    assert.deepEqual(alternates, [['en-GB', `/${path}`], ['cy', `/cy/${path}`]]);
  }
  await context.close();
});

test('a browser whose first language is Welsh is offered the Welsh page once, never redirected', async () => {
  const { page, context } = await open(`${latest.id}/wales/`, { locale: 'cy-GB' });
  assert.equal(new URL(page.url()).pathname, `/${latest.id}/wales/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en-GB');
  const offer = page.getByTestId('language-offer');
  await offer.waitFor();
  assert.equal(await offer.getAttribute('lang'), 'cy');
  assert.equal(await offer.locator('a').getAttribute('href'), `cy/${latest.id}/wales/`);
  // Declined: gone, and not offered again on this device.
  await offer.locator('button').click();
  assert.equal(await offer.count(), 0);
  await page.reload();
  await page.getByTestId('result').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.getByTestId('language-offer').count(), 0);
  await context.close();
  // An English browser is offered nothing.
  const english = await open(`${latest.id}/wales/`, { locale: 'en-GB' });
  await english.page.waitForTimeout(300);
  assert.equal(await english.page.getByTestId('language-offer').count(), 0);
  await english.context.close();
});

test('a missing address under cy/ gets the 404 page in Welsh, and its redirect keeps cy/', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  // (Its console has the 404 itself, and its icon at the build's address,
  // which this server is not: as robust.test.mjs, errors are not watched.)
  const base = site.notFound.url;
  const visible = (lang) => page.locator(`main [lang="${lang}"]`).first().isVisible();
  for (const missing of ['cy/about/', 'CY/no-such-page/', 'Cy/nec-2026/london/extra/']) {
    const response = await page.goto(`${base}/${missing}`);
    assert.equal(response.status(), 404, missing);
    await page.waitForTimeout(200);
    assert.equal(new URL(page.url()).pathname, `/${missing}`, `${missing}: stays`);
    assert.equal(await page.getAttribute('html', 'lang'), 'cy', missing);
    assert.match(await page.title(), /^Nid oes tudalen slatecard yn y cyfeiriad hwn/);
    assert.equal(await visible('cy'), true, `${missing}: the Welsh words`);
    assert.equal(await visible('en-GB'), false, `${missing}: not the English`);
    assert.equal(await page.locator('main h1:visible').textContent(), 'Nid oes tudalen slatecard yn y cyfeiriad hwn');
    // (The page links by the build's published address.)
    assert.match(await page.locator('main a:visible').getAttribute('href'), /^https?:\/\/[^/]+\/cy\/$/);
  }
  // In English elsewhere.
  await page.goto(`${base}/about/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en-GB');
  assert.equal(await page.locator('main h1:visible').textContent(), 'There is no slatecard page at this address');
  assert.match(await page.locator('main a:visible').getAttribute('href'), /^https?:\/\/[^/]+\/$/);
  // A Welsh page named in another case or spelling: its Welsh page.
  for (const [typed, to] of [
    [`CY/${latest.id.toUpperCase()}/London/`, `cy/${latest.id}/london/`],
    [`cy/${latest.id}/northwest/`, `cy/${latest.id}/north-west/`],
    ['Cy/', 'cy/'],
  ]) {
    await page.goto(`${base}/${typed}`);
    await page.waitForURL(`${base}/${to}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'cy', typed);
  }
  // A region we do not know, of a known election: that election's Welsh
  // page, which says so (robust.test.mjs has the English).
  await page.goto(`${base}/cy/${latest.id}/atlantis/`);
  await page.waitForURL((u) => u.pathname === `/cy/${latest.id}/`);
  await page.getByTestId('page-heading').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'cy');
  assert.match(await page.locator('#app').textContent(), /atlantis/);
  await context.close();
});

test('the data\'s English words on a Welsh page are marked as English, and only there', async () => {
  const { page, context } = await open(`cy/${latest.id}/wales/`);
  await page.getByTestId('result').waitFor();
  // Where the data has no Welsh (the slate's name, the notes; the
  // summaries before NEC 2024) it is in English, each marked so that
  // screen readers say it in English. The latest election's summaries are
  // in Welsh (`summary_cy`), unmarked.
  assert.equal(await page.locator('.sc-kicker').getAttribute('lang'), 'en-GB');
  const summaries = page.locator('.sc-summary');
  assert.ok(await summaries.count() > 0);
  for (let i = 0; i < await summaries.count(); i++) {
    assert.equal(await summaries.nth(i).getAttribute('lang'), null);
    assert.match(await summaries.nth(i).textContent(), /^(Cynrychiolydd|Cynghorydd)/);
  }
  const older = await context.newPage();
  await older.goto(`${site.server.url}/cy/nec-2020/wales/`);
  const olderSummaries = older.locator('.sc-summary');
  assert.ok(await olderSummaries.count() > 0);
  for (let i = 0; i < await olderSummaries.count(); i++) {
    assert.equal(await olderSummaries.nth(i).getAttribute('lang'), 'en-GB');
  }
  await older.close();
  const notes = page.locator('.sc-notes li');
  assert.ok(await notes.count() > 0);
  for (let i = 0; i < await notes.count(); i++) {
    assert.equal(await notes.nth(i).getAttribute('lang'), 'en-GB');
  }
  // Names of people are never marked (nor translated).
  assert.equal(await page.locator('.sc-name[lang]').count(), 0);
  // The Welsh words around them are not.
  assert.equal(await page.getByTestId('instruction').getAttribute('lang'), null);
  await context.close();
  // On an English page nothing is marked: it is all the page's language.
  const en = await open(`${latest.id}/wales/`);
  await en.page.getByTestId('result').waitFor();
  assert.equal(await en.page.locator('#app [lang]:not([data-testid=language-link])').count(), 0);
  await en.context.close();
});

test('a Welsh page links the Welsh web app manifest; an English page the English one', async () => {
  const manifestOf = async (path) => {
    const { page, context } = await open(path);
    // Linked by start.js once the page is painted (tests/e2e/prerender.test.mjs).
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    await context.close();
    return { href, manifest: await (await fetch(href)).json() };
  };
  const cy = await manifestOf(`cy/${latest.id}/wales/`);
  assert.match(new URL(cy.href).pathname, /^\/manifest-cy\.[0-9a-f]{8}\.webmanifest$/, 'Welsh manifest link');
  assert.equal(cy.manifest.lang, 'cy');
  assert.match(cy.manifest.name, /NEC Llafur/);
  assert.doesNotMatch(cy.manifest.name, /ballot/);
  assert.match(cy.manifest.description, /eich cod post/);
  // The Welsh app opens on the Welsh landing page, and stays under cy/.
  assert.equal(new URL(cy.manifest.start_url, cy.href).href, `${site.server.url}/cy/`);
  assert.equal(new URL(cy.manifest.scope, cy.href).href, `${site.server.url}/cy/`);
  // Its icons are the shared files.
  for (const icon of cy.manifest.icons) {
    assert.equal((await fetch(new URL(icon.src, cy.href))).status, 200, icon.src);
  }
  // The Welsh landing page links it too; English pages keep the English one.
  assert.equal((await manifestOf('cy/')).href, cy.href);
  const en = await manifestOf(`${latest.id}/wales/`);
  assert.match(new URL(en.href).pathname, /^\/manifest\.[0-9a-f]{8}\.webmanifest$/, 'English manifest link');
  assert.equal(en.manifest.lang, 'en-GB');
  assert.match(en.manifest.name, /Labour NEC ballot/);
  assert.equal(new URL(en.manifest.start_url, en.href).href, `${site.server.url}/`);
  assert.deepEqual(en.manifest.icons, cy.manifest.icons);
});

test('Welsh pages give each election\'s title in Welsh, English pages in English', async () => {
  for (const e of expected().elections) {
    assert.ok(e.title_cy, `${e.id}: the data gives a Welsh title`);
    assert.notEqual(e.title_cy, e.title);
    for (const path of [`${e.id}/`, `${e.id}/wales/`]) {
      const html = async (p) => (await fetch(`${site.server.url}/${p}`)).text();
      const description = (page) => page.match(/<meta name="?description"? content="([^"]*)"/)?.[1] ?? '';
      const cy = await html(`cy/${path}`);
      assert.ok(description(cy).includes(e.title_cy), `cy/${path}: ${description(cy)}`);
      assert.ok(!cy.includes(e.title), `cy/${path} has the English title`);
      const en = await html(path);
      assert.ok(description(en).includes(e.title), `${path}: ${description(en)}`);
      assert.ok(!en.includes(e.title_cy), `${path} has the Welsh title`);
    }
  }
});
