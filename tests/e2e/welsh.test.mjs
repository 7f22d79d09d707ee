// The Welsh pages (`/cy/…`) in the release build: the postcode island
// answers in Welsh (its own module, `slatecard-cy`, with Welsh words only),
// every kind of answer and problem is worded in Welsh, the language link
// round-trips, and nothing redirects by the browser's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveApp, launch, watchErrors, SlatecardPage, expected } from './support.mjs';

const latest = expected().elections[0];

let server, browser;
before(async () => { server = await serveApp(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A page at `path` (under the site), started as a member starts it. */
async function open(path, { locale } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, locale });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const app = new SlatecardPage(page, server.url);
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
    await page.goto(`${server.url}/${path}`);
    const link = page.getByTestId('language-link');
    assert.equal(await link.getAttribute('lang'), 'cy');
    assert.equal(await link.getAttribute('hreflang'), 'cy');
    await link.click();
    await page.waitForURL(`${server.url}/cy/${path}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'cy');
    const back = page.getByTestId('language-link');
    assert.equal(await back.getAttribute('lang'), 'en-GB');
    await back.click();
    await page.waitForURL(`${server.url}/${path}`);
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
