// Sharing and printing outputs written at build time (issues 12 and 13):
// each page's preview image and its og:image / twitter:image tags, each
// result page's QR code (read back with jsQR), its stall sheet (four cards
// on one A4 sheet) and the result card printed on one A5 sheet. Every result
// page found in dist/ is checked: nothing here names an election.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { servedApp, watchErrors, SlatecardPage, DIST } from './support.mjs';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
const JSQR = readFileSync(require.resolve('jsqr/dist/jsQR.js'), 'utf8');

const site = servedApp();

/** Folders (relative to dist/, ending in `/`) holding an index.html, `depth` levels down. */
function pagesAt(depth) {
  const walk = (dir, d) => readdirSync(join(DIST, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const path = `${dir}${e.name}/`;
      if (d === 1) return existsSync(join(DIST, path, 'index.html')) ? [path] : [];
      return walk(path, d - 1);
    });
  return walk('', depth);
}
// Each page in English and in Welsh (`cy/…`, a level deeper); not the
// organisers' studio (`organise/`), which has no preview: it is not shared.
const english = (paths) => paths.filter((p) => !p.startsWith('cy/') && p !== 'organise/');
const welsh = (paths) => paths.filter((p) => p.startsWith('cy/'));
const RESULTS = [...english(pagesAt(2)), ...welsh(pagesAt(3))];
const ELECTIONS = [...english(pagesAt(1)), ...welsh(pagesAt(2))];

/** The content of `<meta property|name=KEY content=…>` in `html`. */
function meta(html, key) {
  const m = html.match(new RegExp(`<meta (?:property|name)=${key} content="?([^">]*)"?>`));
  return m && m[1].replaceAll('&amp;', '&');
}

/** Width, height and colour type from a PNG's IHDR chunk. */
function pngHeader(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25] };
}

/** A PDF's page count (Chromium writes one /Pages node with its /Count). */
function pdfPages(pdf) {
  return Math.max(...[...pdf.toString('latin1').matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1])));
}

test('the build wrote result pages to check', () => {
  assert.ok(RESULTS.length > 0 && ELECTIONS.length > 0, `${RESULTS.length} result pages`);
});

/** The one preview image beside the page at `path` (relative to dist/). */
function previewOf(path) {
  const names = readdirSync(join(DIST, path)).filter((f) => /^preview\b.*\.png$/.test(f));
  assert.equal(names.length, 1, `${path}: one preview image, not ${names.join(', ')}`);
  return names[0];
}

test('every page has an absolute og:image and twitter:image, a 1200×630 palette PNG next to it, named by its content', async () => {
  let total = 0;
  for (const path of ['', 'cy/', ...ELECTIONS, ...RESULTS]) {
    const html = await (await fetch(`${site.server.url}/${path}`)).text();
    const canonical = html.match(/<link rel=canonical href="([^"]*)">/)[1];
    const image = meta(html, 'og:image');
    assert.ok(/^https?:\/\/[^/]+\//.test(image), `${path}: og:image ${image} is absolute`);
    assert.match(image, /\/preview\.[0-9a-f]{8}\.png$/, `${path}: og:image is content-addressed`);
    const name = image.slice(image.lastIndexOf('/') + 1);
    assert.equal(image, `${canonical}${name}`, `${path}: og:image is the page's own`);
    assert.equal(name, previewOf(path), `${path}: og:image names the image beside the page`);
    assert.equal(meta(html, 'twitter:image'), image, path);
    assert.equal(meta(html, 'twitter:card'), 'summary_large_image', path);
    assert.equal(meta(html, 'og:image:width'), '1200', path);
    assert.equal(meta(html, 'og:image:height'), '630', path);
    assert.ok(meta(html, 'og:image:alt')?.length > 20, `${path}: og:image:alt`);
    const res = await fetch(`${site.server.url}/${path}${name}`);
    assert.equal(res.status, 200, `${path}${name}`);
    const png = Buffer.from(await res.arrayBuffer());
    assert.deepEqual(pngHeader(png), { width: 1200, height: 630, colorType: 3 }, `${path}${name}`);
    // The name is the first 8 hex digits of the SHA-256 of the bytes served.
    assert.equal(name, `preview.${createHash('sha256').update(png).digest('hex').slice(0, 8)}.png`, path);
    total += png.length;
  }
  console.log(`preview images: ${2 + ELECTIONS.length + RESULTS.length}, ${total} bytes`);
});

test('the service worker fetches none of the preview images, QR codes or stall sheets at install', () => {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const shell = JSON.parse(sw.match(/const SHELL = (\[[^\]]*\]);/)[1]);
  assert.ok(shell.some((f) => /^slatecard_bg\.[0-9a-f]{8}\.wasm$/.test(f)), 'the shell list was found');
  assert.deepEqual(shell.filter((f) => /preview\b.*\.png|qr\.svg|cards\.html/.test(f)), []);
});

test("every result page's qr.svg reads back as the page's public address", async () => {
  const page = await site.browser.newPage();
  await page.addScriptTag({ content: JSQR });
  for (const path of RESULTS) {
    const html = await (await fetch(`${site.server.url}/${path}`)).text();
    const canonical = html.match(/<link rel=canonical href="([^"]*)">/)[1];
    const res = await fetch(`${site.server.url}/${path}qr.svg`);
    assert.equal(res.status, 200, `${path}qr.svg`);
    assert.match(res.headers.get('content-type'), /image\/svg\+xml/);
    const svg = await res.text();
    const read = await page.evaluate(async (text) => {
      const img = new Image();
      img.src = `data:image/svg+xml;base64,${btoa(text)}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 400;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0, 400, 400);
      const data = ctx.getImageData(0, 0, 400, 400);
      return window.jsQR(data.data, 400, 400)?.data ?? null;
    }, svg);
    assert.equal(read, canonical, `${path}qr.svg`);
    assert.ok(!/postcode/i.test(read), 'never a postcode');
  }
  await page.close();
});

/**
 * The longest stall sheet of each election in each language: every sheet's
 * cards are checked for overflow in print (below), and these, the likeliest
 * to spill onto a second sheet, are printed to PDF as well (printing all 130
 * took 46 s of the gate).
 */
function longestSheets() {
  const byElection = new Map();
  for (const path of RESULTS) {
    const election = path.split('/').slice(0, path.startsWith('cy/') ? 2 : 1).join('/');
    const size = readFileSync(join(DIST, path, 'cards.html')).length;
    if (!byElection.has(election) || byElection.get(election).size < size) byElection.set(election, { path, size });
  }
  return new Set([...byElection.values()].map((v) => v.path));
}

test('every stall sheet has four identical cards with the order, and prints on one A4 sheet', async () => {
  const printed = longestSheets();
  assert.ok(printed.size >= 10, `one sheet per election and language: ${[...printed]}`);
  const page = await site.browser.newPage();
  const errors = watchErrors(page); // a CSP violation included
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(r.url()); });
  // Every sheet is read as it prints (one look per sheet: the print media
  // stays on from page to page).
  await page.emulateMedia({ media: 'print' });
  for (const path of RESULTS) {
    const names = [...readFileSync(join(DIST, path, 'index.html'), 'utf8')
      .matchAll(/data-testid="candidate-name"[^>]*>([^<]*)</g)].map((m) => m[1]);
    await page.goto(`${site.server.url}/${path}cards.html`);
    const sheet = await page.evaluate(() => {
      const cards = [...document.querySelectorAll('.card')];
      const qr = document.querySelector('.card img');
      return {
        cards: cards.map((e) => e.innerText),
        order: cards.length ? [...cards[0].querySelectorAll('.order li')].map((li) => li.innerText) : [],
        qrs: document.querySelectorAll('.card img[src="qr.svg"]').length,
        // Nothing is cut off: every card's content fits in its A6.
        overflowing: cards.filter((e) => e.scrollHeight > e.clientHeight + 1).length,
        qrShown: Boolean(qr && qr.complete && qr.naturalWidth > 0),
      };
    });
    assert.equal(sheet.cards.length, 4, path);
    assert.ok(sheet.cards.every((c) => c === sheet.cards[0]), `${path}: the cards are identical`);
    assert.deepEqual(sheet.order.map((li) => li.replace(/^\S+\s+/, '')), names.map((n) => n.replaceAll('&#x27;', "'").replaceAll('&amp;', '&')), path);
    assert.equal(sheet.qrs, 4, path);
    assert.equal(sheet.overflowing, 0, `${path}: a card's content overflows`);
    assert.ok(sheet.qrShown, `${path}: QR shown`);
    if (printed.has(path)) {
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      assert.equal(pdfPages(pdf), 1, `${path}cards.html prints on one A4 page`);
    }
  }
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(failed, []);
  assert.deepEqual(errors, []);
  assert.ok(await page.evaluate(() => getComputedStyle(document.querySelector('.sheet')).display === 'grid'), 'cards.css applies');
  const css = await page.locator('link[rel=stylesheet]').getAttribute('href');
  assert.match(css, /^(\.\.\/){2,3}cards\.[0-9a-f]{8}\.css$/, 'the stylesheet is named by its content');
  await page.close();
});

test('every result page prints as one card on one A5 sheet, with its QR code', async () => {
  // Pre-rendered, as a member without JavaScript prints it. Laid out about
  // as wide as an A5 sheet's printable area: every page is measured in
  // print, and the tallest of each election in each language, the one
  // likeliest to spill onto a second sheet, is printed to PDF (printing all
  // 130 took 38 s of the gate).
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 490, height: 700 } });
  const page = await context.newPage();
  const tallest = new Map();
  // One look per page, in print (the media stays on from page to page).
  // Visible as Playwright counts it: a box of some size, not hidden.
  await page.emulateMedia({ media: 'print' });
  for (const path of RESULTS) {
    await page.goto(`${site.server.url}/${path}`);
    const card = await page.evaluate(() => {
      const qr = document.querySelector('img.sc-qr');
      const box = qr?.getBoundingClientRect();
      return {
        qrPrints: Boolean(qr && box.width > 0 && box.height > 0 && getComputedStyle(qr).visibility !== 'hidden'),
        qrLoads: Boolean(qr && qr.complete && qr.naturalWidth > 0),
        sheet: document.querySelector('a[href$="cards.html"]')?.getAttribute('href'),
        height: document.documentElement.scrollHeight,
      };
    });
    assert.ok(card.qrPrints, `${path}: the QR code prints`);
    assert.ok(card.qrLoads, `${path}: qr.svg loads`);
    assert.equal(card.sheet, `${path}cards.html`);
    const election = path.split('/').slice(0, path.startsWith('cy/') ? 2 : 1).join('/');
    if (!tallest.has(election) || tallest.get(election).height < card.height) tallest.set(election, { path, height: card.height });
  }
  assert.ok(tallest.size >= 10, `one page per election and language: ${[...tallest.keys()]}`);
  for (const { path } of tallest.values()) {
    await page.goto(`${site.server.url}/${path}`);
    assert.equal(pdfPages(await page.pdf({ format: 'A5' })), 1, `${path} prints on one A5 page`);
    // On screen, the same page hides its QR code: it is for paper only.
    await page.emulateMedia({ media: 'screen' });
    assert.ok(!(await page.locator('img.sc-qr').isVisible()), `${path}: the QR code is for paper only`);
    await page.emulateMedia({ media: 'print' });
  }
  await context.close();
});

test("after the app takes over, the card keeps its QR code and stall sheet link, and follows the region", async () => {
  const page = await site.browser.newPage();
  const path = RESULTS[0];
  // The app runs once the member reaches for something (deferred start).
  await new SlatecardPage(page, site.server.url).open(path);
  assert.equal(await page.locator('img.sc-qr').getAttribute('src'), `${path}qr.svg`);
  // Another region, chosen in the app: its own QR code and sheet.
  await page.getByTestId('change-region').click();
  const other = RESULTS.find((p) => p.startsWith(path.split('/')[0]) && p !== path);
  await page.getByTestId(`region-${other.split('/')[1]}`).click();
  await page.getByTestId('result').waitFor();
  assert.equal(await page.locator('img.sc-qr').getAttribute('src'), `${other}qr.svg`);
  assert.equal(await page.locator('a[href$="cards.html"]').getAttribute('href'), `${other}cards.html`);
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => {
    const img = document.querySelector('img.sc-qr');
    return img.complete && img.naturalWidth > 0;
  });
  assert.equal(pdfPages(await page.pdf({ format: 'A5' })), 1);
  await page.close();
});

test('preview images stay small', () => {
  for (const path of ['', ...ELECTIONS, ...RESULTS]) {
    const name = previewOf(path);
    const size = statSync(join(DIST, path, name)).size;
    assert.ok(size < 60_000, `${path}${name} is ${size} bytes`);
  }
});
