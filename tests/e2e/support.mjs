// Shared helpers for the end-to-end tests: a static server for dist/, the
// browser launcher (Debian's Chromium through playwright-core), the domain's
// expected answers, and the page object.
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { readFile, mkdtemp, mkdir, cp, copyFile, writeFile } from 'node:fs/promises';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
export const { chromium } = require('playwright-core');

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves `dir` on 127.0.0.1 at a free port. `headers` are added to every response. */
export async function serve(dir = DIST, headers = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * Runs the site's build tool (`site/src/main.rs`, built by the Trunk build, so
 * `cargo run` only starts it) with ARGS, e.g. `site('sw', '--dist', dir)`.
 */
export function site(...args) {
  execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'slatecard-site', '--', ...args],
    { cwd: ROOT, stdio: 'ignore' });
}

/**
 * Serves `dir` as a static host serves the site (docs/deploying.md): a file
 * where there is one, else the one `404.html` with a 404. Returns its `url`
 * and `close`.
 */
export async function serveWithNotFound(dir) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? path + 'index.html' : path));
    let body;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': TYPES['.html'] }).end(await readFile(join(dir, '404.html')));
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * Serves a copy of the release build as it would be published at the address
 * it gets here: its CSP and oEmbed link name that address (`site retarget`,
 * site/src/), and its files carry CORS headers as docs/embedding.md asks.
 */
export async function serveApp(extraHeaders = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'slatecard-app-'));
  await cp(DIST, dir, { recursive: true });
  const server = await serve(dir, { 'access-control-allow-origin': '*', ...extraHeaders });
  site('retarget', '--dist', dir, '--origin', server.url + '/');
  server.dir = dir;
  return server;
}

/**
 * One test file's site and browser, as node:test hooks: `before` serves a
 * copy of the release build (`serveApp`) and launches Chromium (`launch`),
 * and with `notFound` also serves the same files as a static host does, its
 * one 404.html with a 404 for an address that has no file
 * (`serveWithNotFound`, docs/deploying.md); `after` closes them. Returns the
 * object the hooks fill: `{ server, browser, notFound }`, each set once
 * `before` has run.
 */
export function servedApp({ notFound = false } = {}) {
  const site = { server: undefined, browser: undefined, notFound: undefined };
  before(async () => {
    site.server = await serveApp();
    site.browser = await launch();
    if (notFound) site.notFound = await serveWithNotFound(site.server.dir);
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
    await site.notFound?.close();
  });
  return site;
}

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** What the domain says the app must show, from `slatecard export`. */
export function expected() {
  const out = execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'slatecard-cli', '--', 'export'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

/** Records console errors and uncaught exceptions of a page. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/**
 * True once the page's module runs: on a page with a postcode box, the
 * postcode island (start.js sets `wasmBindings` once it has started; it
 * starts when the member first reaches for the box); on `?embed` pages, the
 * widget. A result page runs no module: it is complete as pre-rendered.
 */
export function takenOver() {
  return window.wasmBindings !== undefined;
}

/** Page object for the slatecard page. */
export class SlatecardPage {
  constructor(page, base) { this.page = page; this.base = base; }
  /** Opens a page and starts the app as a member would (see `ready`). */
  async open(query = '') {
    await this.page.goto(`${this.base}/${query}`);
    await this.ready();
  }
  /**
   * Waits for the page as a member would use it: on a page with a postcode
   * box, the island is started as a member starts it (the cursor put in
   * the box) and waited for; a result page needs nothing (its controls are
   * HTML).
   */
  async ready() {
    await this.page.getByTestId('election-select').waitFor();
    const box = await this.page.evaluate(() => {
      const input = document.querySelector('[data-testid=postcode-input]');
      if (input && !input.disabled) input.focus();
      return !!input;
    });
    if (box) await this.page.waitForFunction(takenOver);
  }
  /** Chooses another election: its page opens (for the same region). */
  async chooseElection(id) {
    const select = this.page.getByTestId('election-select');
    if ((await select.inputValue()) === id) return;
    const from = this.page.url();
    await select.selectOption(id);
    await this.page.waitForURL((u) => u.href !== from);
    await this.ready();
  }
  async chooseRegion(slug) {
    await this.page.getByTestId(`region-${slug}`).click();
    await this.page.getByTestId('result').waitFor();
  }
  async changeRegion() {
    await this.page.getByTestId('change-region').click();
    await this.page.getByTestId('region-london').waitFor();
  }
  async lookUp(postcode, { press = 'Enter' } = {}) {
    const input = this.page.getByTestId('postcode-input');
    await input.fill(postcode);
    if (press === 'Enter') await input.press('Enter');
    else await this.page.getByTestId('postcode-submit').click();
  }
  postcodeAnswer() { return this.page.getByTestId('postcode-answer').textContent(); }
  postcodeError() { return this.page.getByTestId('postcode-error').textContent(); }
  regionShown() { return this.page.getByTestId('result-region').textContent(); }
  candidates() { return this.page.getByTestId('candidate-name').allTextContents(); }
  async seats() {
    return this.page.getByTestId('seat').evaluateAll((els) => els.map((e) => e.querySelector('.sc-seat-name').textContent));
  }
  status() { return this.page.getByTestId('election-status').textContent(); }
  provenance() { return this.page.getByTestId('provenance').getAttribute('data-kind'); }
}

// The organisers' studio against the command line (studio.test.mjs and the
// WebDriver engines).

/** Builds the organisers' command line once, so `slatecard` only runs it. */
export function buildCli() {
  execFileSync('cargo', ['build', '--quiet', '--locked', '-p', 'slatecard-cli'], { cwd: ROOT });
}

/** The worked example of docs/organisers.md, before `balance`. */
export async function example() {
  const doc = await readFile(join(ROOT, 'docs/organisers.md'), 'utf8');
  const m = doc.match(/<!-- walkthrough: write data\/elections\/nec-2028\.toml -->\s*```toml\n([\s\S]*?)```/);
  assert.ok(m, 'docs/organisers.md has the worked example');
  return m[1];
}

/** A repository of the regions file and `file` (in data/elections/) alone. */
export async function repo(name, text) {
  const dir = await mkdtemp(join(tmpdir(), 'slatecard-studio-'));
  await mkdir(join(dir, 'data/regions'), { recursive: true });
  await mkdir(join(dir, 'data/elections'), { recursive: true });
  await copyFile(join(ROOT, 'data/regions/labour.toml'), join(dir, 'data/regions/labour.toml'));
  await writeFile(join(dir, 'data/elections', name), text);
  return dir;
}

/** Runs the organisers' command line in `dir`: its status and output. */
export function slatecard(dir, ...args) {
  const bin = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug', 'slatecard');
  const run = spawnSync(bin, args, { cwd: dir, encoding: 'utf8' });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

/** The problems `check` printed: each `FILE:LINE:COL: error: …` with its help line. */
export function problemsOf(out) {
  const problems = [];
  for (const line of out.split('\n')) {
    if (/^\S+:\d+:\d+: error: /.test(line)) problems.push(line);
    else if (line.startsWith('  help: ') && problems.length) problems[problems.length - 1] += '\n' + line;
  }
  return problems;
}

