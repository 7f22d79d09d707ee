// Shared helpers for the end-to-end tests: a static server for dist/, the
// browser launcher (Debian's Chromium through playwright-core), the domain's
// expected answers, and the page object.
import { createServer } from 'node:http';
import { readFile, mkdtemp, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
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
 * Serves a copy of the release build as it would be published at the address
 * it gets here: its CSP and oEmbed link name that address (scripts/csp,
 * scripts/oembed), and its files carry CORS headers as docs/embedding.md asks.
 */
export async function serveApp(extraHeaders = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'slatecard-app-'));
  await cp(DIST, dir, { recursive: true });
  const server = await serve(dir, { 'access-control-allow-origin': '*', ...extraHeaders });
  for (const [script, flag] of [['scripts/csp', '--origin'], ['scripts/oembed', '--base']]) {
    execFileSync('python3', [join(ROOT, script), '--dist', dir, flag, server.url + '/'], { stdio: 'ignore' });
  }
  server.dir = dir;
  return server;
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
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'slatecard', '--', 'export'], { cwd: ROOT, encoding: 'utf8' });
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
 * True once the app runs and has replaced the pre-rendered page, whose `#app`
 * starts with the `<!--sc:app-->` marker (start.js sets `wasmBindings` once
 * the module has started; the swap follows the app's first render). On a
 * pre-rendered page the app runs only once the member reaches for something
 * that needs it (start.js): see `SlatecardPage.ready()`.
 */
export function takenOver() {
  const app = window.wasmBindings !== undefined
    && document.getElementById('app')?.firstChild?.nodeType !== Node.COMMENT_NODE;
  // On a page with a postcode box, the finder runs it (start.js sets
  // `scFinderBox` once its box has replaced the pre-rendered one).
  return app || window.scFinderBox?.isConnected === true;
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
   * Starts the app as a member would and waits until it has taken over the
   * pre-rendered page: on a pre-rendered page start.js runs the app only when
   * the member first reaches for something that needs it, so this puts the
   * cursor in the postcode box (or, on a result page, on the election
   * choice). Pages that start the app at once (an old-style link, the
   * widget) need nothing.
   */
  async ready() {
    await this.page.getByTestId('election-select').waitFor();
    // A function, not a string: the page's CSP forbids evaluating strings.
    if (!(await this.page.evaluate(takenOver))) {
      // In one step: a page that starts the app at once (an old-style link)
      // may be taken over between a look and a reach.
      await this.page.evaluate(() => (document.querySelector('[data-testid=postcode-input]')
        ?? document.querySelector('[data-testid=election-select]'))?.focus());
    }
    await this.page.waitForFunction(takenOver);
    await this.page.getByTestId('election-select').waitFor();
  }
  async chooseElection(id) { await this.page.getByTestId('election-select').selectOption(id); }
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
