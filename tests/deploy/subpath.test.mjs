// A site published under a folder, as GitHub Pages publishes a project
// (`https://OWNER.github.io/REPO/`): README's build command with
// `--public-url /slatecard/`, served with nothing at all outside
// `/slatecard/`, so any address the build gets wrong fails (the server
// refuses it and the test says which).
//
// Checks what a member, a blogger and a blog's reader do there: the postcode
// found on the landing page, an old-style link, a result page's app, the
// service worker's scope and an offline visit, the "Embed this" preview and
// snippets, and `mount()` on a host page of another origin.
//
//   node --test tests/deploy/subpath.test.mjs     (builds into a temporary folder)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { ROOT, launch, watchErrors, expected } from '../e2e/support.mjs';

const FOLDER = '/slatecard/';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json', '.bin': 'application/octet-stream',
};

let dist, server, base, browser, latest;
const outside = [];
const missing = [];

before(async () => {
  // The port first: the build names its public address (CSP, oEmbed, share tags).
  server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(FOLDER)) {
      outside.push(path);
      res.writeHead(404).end();
      return;
    }
    const rel = path.slice(FOLDER.length);
    let file = normalize(join(dist, rel === '' || rel.endsWith('/') ? rel + 'index.html' : rel));
    if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
    // A folder's page without the final slash, as docs/deploying.md's nginx
    // serves it (`try_files $uri $uri/index.html`): no redirect.
    if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' });
      res.end(body);
    } catch {
      missing.push(path);
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}${FOLDER}`;
  dist = await mkdtemp(join(tmpdir(), 'slatecard-subpath-'));
  // As README says to publish under a folder.
  execFileSync('bash', ['-c', `source scripts/env && trunk build --release --locked --public-url ${FOLDER} --dist "$1"`, '-', dist],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, SLATECARD_PUBLIC_URL: base } });
  browser = await launch();
  latest = expected().elections[0].id;
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => server.close(ok));
  if (dist) await rm(dist, { recursive: true, force: true });
});

test('a member finds their region, opens an old link and a result page, and reads one offline', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(base);
  await page.getByTestId('postcode-input').fill('CF10 1EP');
  await page.getByTestId('postcode-input').press('Enter');
  assert.equal(await page.getByTestId('result-region').textContent(), 'Wales');
  // (The address follows the page's first paint.)
  await page.waitForURL(`${base}${latest}/wales/`);
  await page.goto(`${base}?election=nec-2022&region=london`);
  await page.waitForURL(`${base}nec-2022/london/`);
  await page.goto(`${base}nec-2024/scotland/`);
  // (A result page runs no module.)
  assert.equal(await page.getByTestId('result-region').textContent(), 'Scotland');
  // Its service worker covers the folder, and a page reloads offline.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, base);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  assert.equal(await page.getByTestId('result-region').textContent(), 'Scotland');
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('share and copy name the folder, from the page as built and served, even where no module can start', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // start.js shares and copies by itself (modules are refused here), and
  // the page is opened without its final slash.
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(`${base}nec-2024/scotland`);
  await page.getByTestId('result').waitFor();
  await page.getByTestId('copy-order').click();
  await page.getByTestId('share-status').filter({ hasText: 'Copied' }).waitFor();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(text.endsWith(`\n${base}nec-2024/scotland/`), text);
  if (!(await page.evaluate(() => typeof navigator.share === 'function'))) {
    await page.getByTestId('share-election').click();
    await page.waitForFunction((url) => navigator.clipboard.readText().then((t) => t === url), `${base}nec-2024/`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("a blogger's snippets name the folder, and the preview shows the widget", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}nec-2022/wales/`);
  await page.getByTestId('embed-panel').locator('summary').click();
  await page.frameLocator('[data-testid=embed-preview]').getByTestId('widget').waitFor();
  assert.equal(await page.frameLocator('[data-testid=embed-preview]').getByTestId('result-region').textContent(), 'Wales');
  const loader = await page.getByTestId('embed-loader').inputValue();
  assert.ok(loader.includes(`src="${base}embed.js"`), loader);
  assert.ok(loader.includes(`href="${base}nec-2022/wales/"`), loader);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a host page on another origin mounts the widget from the folder', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.setContent(`<div id="w"></div><script type="module">
    import init, { mount } from "${base}slatecard.js";
    await init();
    mount(document.getElementById("w"), { region: "wales" });
  </script>`);
  await page.getByTestId('widget').waitFor();
  assert.equal(await page.getByTestId('result-region').textContent(), 'Wales');
  assert.deepEqual(errors, []);
  await page.close();
});

test('nothing is asked for outside the folder, and nothing it names is missing', () => {
  assert.deepEqual(outside, []);
  assert.deepEqual(missing, []);
});
