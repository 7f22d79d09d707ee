// The organisers' studio (/organise/, issue #30), against the command line
// it must agree with: the same problems in the same order as
// `slatecard check`, the same file as `slatecard balance --write`, a saved
// file that passes `slatecard check`; bad files refused in words; axe finds
// nothing; and no member's page ever requests the studio's files.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { servedApp, watchErrors, example, repo, slatecard, problemsOf, buildCli } from './support.mjs';

const require = createRequire(new URL('../../tools/package.json', import.meta.url));
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

const site = servedApp();
before(() => buildCli());

async function studio() {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
  const errors = watchErrors(page);
  await page.goto(`${site.server.url}/organise/`);
  await page.getByTestId('editor').waitFor();
  return { page, errors };
}

async function openFile(page, name, buffer) {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType: 'application/toml', buffer });
}

async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('a file with several faults shows the lines `slatecard check` prints, in its order', async () => {
  const good = await example();
  const faulty = good
    .replace('updated = "2028-06-01"', 'updated = "2028-02-30"')
    .replace('order = ["chen", "avery", "dunn", "brook"]', 'order = ["chen", "avery", "dunn", "broke"]')
    .replace('summary = "A made-up candidate for this example."', 'summary = ""')
    .replace('url = "https://example.org/nec-2028"', 'url = "http://example.org/nec-2028"');
  const dir = await repo('nec-2028.toml', faulty);
  const cli = slatecard(dir, 'check', 'data/elections/nec-2028.toml');
  assert.equal(cli.status, 1, cli.out + cli.err);
  const expected = problemsOf(cli.out);
  assert.ok(expected.length >= 4, `several faults: ${cli.out}`);

  const { page, errors } = await studio();
  await openFile(page, 'nec-2028.toml', Buffer.from(faulty));
  await page.getByTestId('problems').waitFor();
  const shown = await page.locator('[data-problem]').evaluateAll((els) => els.map((e) => e.dataset.problem));
  assert.deepEqual(shown, expected);
  assert.match(await page.getByTestId('problem-count').textContent(), new RegExp(`${expected.length} problems`));
  // Each problem links to its place: the caret goes to its line.
  await page.locator('[data-problem] a').first().click();
  const caret = await page.getByTestId('editor').evaluate((t) => t.value.slice(0, t.selectionStart).split('\n').length);
  assert.equal(String(caret), expected[0].split(':')[1]);
  assert.deepEqual(await axe(page), []);
  // Mending the text updates the list as the organiser types: to what
  // `check` says of the mended file (its orders still to work out).
  await page.getByTestId('editor').fill(good);
  const mended = problemsOf(slatecard(await repo('nec-2028.toml', good), 'check', 'data/elections/nec-2028.toml').out);
  await page.getByTestId('problem-count').filter({ hasText: `${mended.length} problems` }).waitFor();
  assert.deepEqual(await page.locator('[data-problem]').evaluateAll((els) => els.map((e) => e.dataset.problem)), mended);
  assert.deepEqual(errors, []);
  await page.close();
});

test('balancing gives the file `slatecard balance --write` writes, and the saved file passes check', async () => {
  const text = await example();
  const dir = await repo('nec-2028.toml', text);
  const cli = slatecard(dir, 'balance', 'data/elections/nec-2028.toml', '--write');
  assert.equal(cli.status, 0, cli.out + cli.err);
  const balanced = await readFile(join(dir, 'data/elections/nec-2028.toml'), 'utf8');
  assert.notEqual(balanced, text);

  const { page, errors } = await studio();
  await openFile(page, 'nec-2028.toml', Buffer.from(text));
  await page.getByTestId('balance').click();
  await page.getByTestId('balanced').waitFor();
  assert.equal(await page.getByTestId('editor').inputValue(), balanced);
  // The report is the command line's, word for word.
  const report = await page.getByTestId('report').textContent();
  assert.ok(cli.out.startsWith(report.trimEnd()), `report:\n${report}\ncli:\n${cli.out}`);
  assert.match(await page.getByTestId('release').textContent(), /fingerprint [0-9a-f]{8}/);

  // The preview: London's published order, drawn by the app's own page.
  const preview = page.getByTestId('preview');
  await preview.getByText('Cara Chen').first().waitFor();
  const names = await preview.textContent();
  const at = ['Cara Chen', 'Ada Avery', 'Dev Dunn', 'Ben Brook'].map((n) => names.indexOf(n));
  assert.ok(!at.includes(-1) && at.every((x, i) => i === 0 || x > at[i - 1]), `London's order: ${at}`);
  assert.deepEqual(await axe(page), []);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save').click()]);
  assert.equal(download.suggestedFilename(), 'nec-2028.toml');
  const saved = await mkdtemp(join(tmpdir(), 'slatecard-saved-'));
  await download.saveAs(join(saved, 'nec-2028.toml'));
  const savedText = await readFile(join(saved, 'nec-2028.toml'), 'utf8');
  assert.equal(savedText, balanced);
  const check = slatecard(await repo('nec-2028.toml', savedText), 'check');
  assert.equal(check.status, 0, check.out + check.err);
  assert.match(check.out, /fingerprint/);
  assert.ok(check.out.includes((await page.getByTestId('release').textContent()).split('fingerprint ')[1]));
  // "What next" links to the organisers' guide, published beside the studio.
  const guide = await page.getByTestId('guide').evaluate((a) => fetch(a.href).then((r) => r.text()));
  assert.match(guide, /^# Publishing an election/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('bad files are refused in words: binary, not UTF-8, over 1 MB; a new file starts from `new`', async () => {
  const { page, errors } = await studio();
  const status = page.getByTestId('problem-count');
  await openFile(page, 'photo.toml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  await status.filter({ hasText: 'not a text file' }).waitFor();
  await openFile(page, 'latin1.toml', Buffer.from('id = "caf\xe9"\n', 'latin1'));
  await status.filter({ hasText: 'not UTF-8' }).waitFor();
  await openFile(page, 'huge.toml', Buffer.alloc(2_000_000, 'a'));
  await status.filter({ hasText: 'MB' }).waitFor();
  await openFile(page, 'nec-2030.toml', Buffer.from('this is [not toml'));
  await page.getByTestId('problems').waitFor();

  await page.getByTestId('new-id').fill('nec-2030');
  await page.getByTestId('start').click();
  await page.getByText('data/elections/nec-2030.toml', { exact: true }).waitFor();
  const started = await page.getByTestId('editor').inputValue();
  const dir = await repo('placeholder.toml', '');
  const cli = slatecard(dir, 'new', 'nec-2030');
  assert.equal(cli.status, 0, cli.out + cli.err);
  assert.equal(started, await readFile(join(dir, 'data/elections/nec-2030.toml'), 'utf8'));
  assert.deepEqual(errors, []);
  await page.close();
});

test("no member's page requests the studio; the service worker does not fetch it", async () => {
  const page = await site.browser.newPage();
  const seen = site.server.requests.length;
  await page.goto(`${site.server.url}/`);
  await page.getByTestId('postcode-input').fill('SW1A 1AA');
  await page.getByTestId('postcode-input').press('Enter');
  await page.getByTestId('result').waitFor();
  await page.goto(`${site.server.url}/cy/nec-2026/wales/`);
  await page.goto(`${site.server.url}/nec-2022/london/`);
  await page.waitForTimeout(500);
  const studio = site.server.requests.slice(seen).filter((r) => r.includes('organise') || r.includes('studio'));
  assert.deepEqual(studio, []);
  const sw = await readFile(join(site.server.dir, 'sw.js'), 'utf8');
  assert.ok(!sw.includes('studio') && !sw.includes('organise'));
  const landing = await readFile(join(site.server.dir, 'index.html'), 'utf8');
  assert.ok(!landing.includes('organise'), 'the landing page does not link the studio');
  const organise = await readFile(join(site.server.dir, 'organise/index.html'), 'utf8');
  assert.match(organise, /<meta name=robots content="noindex, nofollow">/);
  await page.close();
});
