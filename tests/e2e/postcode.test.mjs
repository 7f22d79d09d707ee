// Postcode → region in the release build: full, partial, straddling, invalid,
// outside the UK; and the postcode never leaves the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { servedApp, watchErrors, SlatecardPage, expected } from './support.mjs';

/** The most recent election: the one a link without an election shows. */
const latest = expected().elections[0];

const site = servedApp();

async function open() {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 800 } });
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.allRequests = requests;
  const app = new SlatecardPage(page, site.server.url);
  await app.open();
  return { page, errors, app };
}

test('a full postcode, typed carelessly, shows its region', async () => {
  const { page, errors, app } = await open();
  await app.lookUp('  sw1a1aa ');
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'London');
  assert.equal(await page.getByTestId('found-by').textContent(), 'SW1A 1AA is in the London region.');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a Cumbrian postcode is in the Northern region; a slip is repaired and shown', async () => {
  const { page, app } = await open();
  await app.lookUp('CA1 IRR', { press: 'button' });
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Northern');
  assert.match(await page.getByTestId('found-by').textContent(), /We read that as CA1 1RR/);
  await page.close();
});

test('a straddling district offers exactly its regions', async () => {
  const { page, errors, app } = await open();
  await app.lookUp('SY10');
  await page.getByTestId('choice-wales').waitFor();
  assert.equal((await app.postcodeAnswer()).startsWith('SY10 is split between West Midlands and Wales.'), true);
  assert.equal(await page.locator('[data-testid^=choice-]').count(), 2);
  await page.getByTestId('choice-wales').click();
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Wales');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a district wholly in one region answers at once', async () => {
  const { page, app } = await open();
  await app.lookUp('m1');
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'North West');
  await page.close();
});

test('invalid input gets a plain error tied to the field', async () => {
  const { page, errors, app } = await open();
  await app.lookUp('1SW');
  await page.getByTestId('postcode-error').waitFor();
  assert.match(await app.postcodeError(), /Enter a real postcode/);
  const input = page.getByTestId('postcode-input');
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.match(await input.getAttribute('aria-describedby'), /sc-postcode-error/);
  // Read out however it was asked (the button keeps the focus): the error
  // is put in a live region that was there before it.
  assert.equal(await page.getByTestId('postcode-error').evaluate((e) => e.closest('[aria-live]')?.id), 'sc-postcode-said');
  await app.lookUp('');
  assert.match(await app.postcodeError(), /Enter a postcode/);
  // A real district with an end no postcode has: both parts named.
  await app.lookUp('SW1A 1OA');
  assert.match(await app.postcodeError(), /^(Error: )?SW1A is a real postcode district, but “1OA” cannot end a postcode/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('outside the UK: a kind answer and a button for Labour International', async () => {
  const { page, app } = await open();
  await app.lookUp('JE2 3AB');
  await page.getByTestId('choose-international').waitFor();
  assert.match(await app.postcodeAnswer(), /Jersey .*Labour International/);
  await page.getByTestId('choose-international').click();
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Labour International');
  await page.close();
});

test('the postcode never reaches the URL, a request or storage', async () => {
  const { page, app } = await open();
  const requests = page.allRequests;
  await app.lookUp('CF10 1EP');
  await page.getByTestId('result').waitFor();
  const url = page.url();
  assert.doesNotMatch(url, /CF10|cf10/i);
  // The default election is the most recent one bundled.
  assert.match(url, new RegExp(`/${latest.id}/wales/$`));
  for (const r of requests) {
    assert.doesNotMatch(r, /CF10|1EP/i, r);
    assert.equal(new URL(r).origin, new URL(site.server.url).origin, `request to another origin: ${r}`);
  }
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
  assert.doesNotMatch(storage, /CF10/i);
  await page.close();
});

test('strict CSP: no inline script but our two, each allowed by its hash; own origin only; the page runs under it', async () => {
  const html = await (await fetch(`${site.server.url}/`)).text();
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(csp, 'CSP meta present');
  const scriptSrc = csp[1].match(/script-src ([^;]*);/)[1].split(' ');
  assert.deepEqual(scriptSrc.slice(0, 3), ["'self'", new URL(site.server.url).origin, "'wasm-unsafe-eval'"]);
  assert.doesNotMatch(csp[1], /'unsafe-inline'|'unsafe-eval'|\*/);
  // The old-link redirect and the start-up (site/src/csp.rs), and
  // nothing else: each allowed by its own hash, no other source. (The
  // modules' addresses are data, `type="application/json"`: never run.)
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\bsrc=/.test(m[1]) && !/type="?application\/json"?/.test(m[1]));
  assert.deepEqual(inline.map((m) => m[1].trim()), ['data-sc-redirect', 'type="module" data-sc-start']);
  const hashes = inline.map((m) => `'sha256-${createHash('sha256').update(m[2]).digest('base64')}'`);
  assert.deepEqual(scriptSrc.slice(3), hashes);
  const { page, errors, app } = await open();
  const requests = page.allRequests;
  await app.chooseRegion('scotland');
  assert.ok(requests.some((r) => r.endsWith('.wasm')), 'the whole load was recorded');
  for (const r of requests) assert.equal(new URL(r).origin, new URL(site.server.url).origin, r);
  assert.deepEqual(errors, [], 'no CSP violations or other errors');
  await page.close();
});

test('what members really type: short district forms, invisible characters, Forces postcodes, place names', async () => {
  const { page, app } = await open();
  // A central-London district without its final letter.
  await app.lookUp('SW1');
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'London');
  assert.equal(await page.getByTestId('found-by').textContent(), 'SW1 is in the London region.');
  await app.changeRegion();
  // A zero typed for the letter O in a first part: repaired and said back.
  await app.lookUp('S014');
  await page.getByTestId('result').waitFor();
  assert.equal(await page.getByTestId('found-by').textContent(), 'We read that as SO14, which is in the South East region.');
  await app.changeRegion();
  // Letters typed for the digits of a first part: Croydon's CR0 as "cro".
  await app.lookUp('cro');
  await page.getByTestId('result').waitFor();
  assert.equal(await page.getByTestId('found-by').textContent(), 'We read that as CR0, which is in the London region.');
  await app.changeRegion();
  // A left-to-right mark pasted from a phone.
  await app.lookUp('CF10\u200E 1EP');
  await page.getByTestId('result').waitFor();
  assert.equal(await app.regionShown(), 'Wales');
  await app.changeRegion();
  // A Forces postcode in the BF1 form.
  await app.lookUp('BF1 2AY');
  assert.match(await app.postcodeAnswer(), /^BFPO addresses are outside the UK's regions/);
  // A town typed instead of a postcode: not blamed on the typing.
  await app.lookUp('manchester');
  assert.equal(await app.postcodeError(),
    'Error: “MANCHESTER” is not a postcode: a postcode has letters and numbers, like SW1A 1AA or just SW1A. Enter yours, or choose your region below.');
  await page.close();
});

test('a link naming an election or region we do not know says so at the top, and one written loosely still works', async () => {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 800 } });
  const app = new SlatecardPage(page, site.server.url);
  await app.open('?election=nec-2099&region=london');
  const notice = page.getByTestId('link-notice');
  assert.equal(await notice.count(), 1);
  assert.ok((await notice.textContent()).endsWith(
    `an election called “nec-2099”, which slatecard does not know. Showing ${latest.short_title} instead.`));
  // The notice comes before the order it explains.
  const first = await page.locator('main > *').first().getAttribute('data-testid');
  assert.equal(first, 'link-notice');
  // A known election with a region we do not know: the page's head script
  // sends only known ids to a pre-rendered page, so the app says so here.
  await app.open('?election=nec-2022&region=atlantis');
  assert.match(await page.getByTestId('link-notice').textContent(), /atlantis/);
  assert.equal(new URL(page.url()).pathname.includes('atlantis'), false);
  await app.open('?election=NEC-2020&amp;region=North%20West');
  assert.equal(await page.getByTestId('link-notice').count(), 0);
  assert.equal(await app.regionShown(), 'North West');
  assert.equal(new URL(page.url()).pathname, '/nec-2020/north-west/');
  await page.close();
});

test('`slatecard lookup` gives the app\'s answer for every kind of input the tests try', async () => {
  const { execFileSync } = await import('node:child_process');
  const { ROOT } = await import('./support.mjs');
  const inputs = ['  sw1a1aa ', 'CA1 IRR', 'SW1', 'W1', 'EC1', 'S014', 'cro', 'SWIA', 'CF10\u200E 1EP', 'CF10 1EP',
    'SY10', 'NP16', 'BF1 2AY', 'BFPO 61', 'JE2 3AB', 'IM1 1AA', 'manchester', 'hello', '1SW', 'ZZ9 9ZZ'];
  const cli = execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'slatecard-cli', '--', 'lookup'],
    { cwd: ROOT, input: inputs.join('\n') + '\n', encoding: 'utf8' }).replace(/\n$/, '').split('\n');
  assert.equal(cli.length, inputs.length);
  const page = await site.browser.newPage({ viewport: { width: 390, height: 800 } });
  const app = new SlatecardPage(page, site.server.url);
  for (const [i, input] of inputs.entries()) {
    const said = cli[i].slice(input.length + 1);
    await app.open();
    await app.lookUp(input);
    // What the CLI's answer says the app must end up showing: a region's
    // result (a found region's page follows its answer's first line), the
    // regions to choose from, Labour International, or words and no region.
    const region = !said.startsWith('?') && !said.startsWith('!') && said !== 'Labour International';
    const expected = region ? page.getByTestId('result')
      : said.startsWith('?') ? page.locator('[data-testid^=choice-]').first()
        : said === 'Labour International' ? page.getByTestId('choose-international')
          : page.getByTestId('postcode-error').or(page.locator('#sc-postcode-answer .sc-answer', { hasNotText: /^Looking up/ })).first();
    await expected.waitFor({ timeout: 10_000 }).catch(async () => {
      assert.fail(`${input}: the CLI says ${said}; the app shows ${JSON.stringify(await page.getByTestId('postcode-answer').textContent())}`);
    });
    if (region) {
      assert.equal(await app.regionShown(), said, `${input}: the app shows a region, the CLI says ${said}`);
    } else if (said.startsWith('?')) {
      const offered = await page.locator('[data-testid^=choice-]').allTextContents();
      assert.deepEqual(offered, said.slice(1).split('|'), input);
    } else if (said === 'Labour International') {
      assert.equal(await page.getByTestId('choose-international').count(), 1, input);
    } else {
      assert.ok(!(await page.getByTestId('postcode-answer').textContent()).includes('Looking up'), input);
      assert.equal(await page.getByTestId('result').count(), 0, `${input}: the CLI refuses it but the app shows a region`);
    }
  }
  await page.close();
});
