// The widget embedded in host pages served from another origin: loader,
// plain iframe, WordPress-style sandboxed iframe with a wp-embed secret, and
// oEmbed discovery. The app's files are served with CORS, as documented.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, serveApp, launch, watchErrors, expected } from './support.mjs';

/** The most recent election: the one a link without an election shows. */
const latest = expected().elections[0];

let app, host, browser, hostDir;

before(async () => {
  // The app as published at its address (CSP, oEmbed link, CORS).
  app = await serveApp();
  hostDir = await mkdtemp(join(tmpdir(), 'slatecard-host-'));
  host = await serve(hostDir);
  browser = await launch();
});
after(async () => { await browser?.close(); await app?.close(); await host?.close(); });

async function hostPage(name, body, width = 390) {
  await writeFile(join(hostDir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>Host: ${name}</title><style>body{margin:0;font-family:serif} main{max-width:${width}px}</style></head>
<body><main><h1>A blog post</h1>${body}<p>After the widget.</p></main></body></html>`);
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(`${host.url}/${name}`);
  return { page, errors };
}

const heightOf = (page, sel) => page.locator(sel).evaluate((f) => f.getBoundingClientRect().height);

async function waitForHeightChange(page, sel, from) {
  await page.waitForFunction(([s, h]) => {
    const f = document.querySelector(s);
    return f && Math.abs(f.getBoundingClientRect().height - h) > 4;
  }, [sel, from]);
  return heightOf(page, sel);
}

test('loader: placeholders and <slatecard-widget> become resizing iframes', async () => {
  const { page, errors } = await hostPage('loader.html', `
    <div id="one" data-slatecard data-election="nec-2022"><a href="${app.url}/">How to vote</a></div>
    <slatecard-widget id="two" region="wales" theme="dark"></slatecard-widget>
    <script async src="${app.url}/embed.js"></script>`);
  await page.locator('#one iframe').waitFor();
  await page.locator('#two iframe').waitFor();
  assert.equal(await page.locator('iframe').count(), 2);
  assert.equal(await page.locator('#one iframe').getAttribute('title'), 'slatecard: how to fill in your ballot');
  // Resizes from the loader's initial 480 px to its content.
  const first = await waitForHeightChange(page, '#one iframe', 480);
  const frame = page.frameLocator('#one iframe');
  await frame.getByTestId('widget').waitFor();
  const content = await frame.getByTestId('widget').evaluate((w) => w.getBoundingClientRect().height);
  assert.ok(Math.abs(first - Math.ceil(content)) <= 2, `iframe ${first} vs content ${content}`);
  // Choosing a region grows the widget; the iframe follows.
  await frame.getByTestId('widget-region').selectOption('london');
  await frame.getByTestId('result').waitFor();
  const grown = await waitForHeightChange(page, '#one iframe', first);
  assert.ok(grown > first, `${grown} > ${first}`);
  // The preset region shows at once in the second widget.
  const two = page.frameLocator('#two iframe');
  assert.equal(await two.getByTestId('result-region').textContent(), 'Wales');
  assert.equal(await two.getByTestId('widget').getAttribute('data-theme'), 'dark');
  assert.deepEqual(errors, []);
  await page.close();
});

test('plain iframe: works with no script on the host, at 300 px', async () => {
  const { page, errors } = await hostPage('iframe.html',
    `<iframe id="w" src="${app.url}/?embed=1&region=northern" title="slatecard" width="100%" height="640" style="border:0"></iframe>`, 300);
  const frame = page.frameLocator('#w');
  await frame.getByTestId('result').waitFor();
  assert.equal(await frame.getByTestId('result-region').textContent(), 'Northern');
  const overflow = await frame.locator('html').evaluate((h) => h.scrollWidth - h.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling at 300 px');
  assert.deepEqual(errors, []);
  await page.close();
});

test('WordPress sandbox: allow-scripts only, wp-embed secret, postcode works without a form', async () => {
  const secret = 'Zx81Qw77Lp';
  const { page, errors } = await hostPage('wp.html', `
    <iframe id="w" sandbox="allow-scripts" security="restricted" data-secret="${secret}"
      src="${app.url}/?embed=1#?secret=${secret}" width="600" height="200" title="slatecard" frameborder="0"></iframe>
    <script>
      // What WordPress's wp-embed.js does: accept height only with the frame's secret.
      window.received = [];
      window.addEventListener('message', function (e) {
        var d = e.data; window.received.push(d);
        if (!d || d.message !== 'height' || !d.secret) return;
        var f = document.querySelector('iframe[data-secret="' + d.secret + '"]');
        if (f && f.contentWindow === e.source) f.height = Math.max(200, Math.min(1000, d.value));
      });
    </script>`);
  const frame = page.frameLocator('#w');
  await frame.getByTestId('widget').waitFor();
  await page.waitForFunction(() => document.querySelector('#w').height !== '200');
  const wpMessages = await page.evaluate(() => window.received.filter((d) => d && d.message === 'height'));
  assert.ok(wpMessages.length > 0);
  assert.ok(wpMessages.every((d) => d.secret === 'Zx81Qw77Lp' && typeof d.value === 'number'));
  // Enter in the field works although form submission is blocked here.
  await frame.getByTestId('postcode-input').fill('LA9 4DQ');
  await frame.getByTestId('postcode-input').press('Enter');
  await frame.getByTestId('result').waitFor();
  assert.equal(await frame.getByTestId('result-region').textContent(), 'Northern');
  // The frame's origin is opaque: any storage or cookie use would have thrown
  // and shown up as a console error.
  assert.equal(await frame.locator('body').evaluate(() => self.origin), 'null');
  assert.deepEqual(errors, []);
  await page.close();
});

test('mount(): a host page on another origin imports the module, as docs/embedding.md shows', async () => {
  const { page, errors } = await hostPage('mount.html', `
    <link rel="stylesheet" href="${app.url}/app.css"><link rel="stylesheet" href="${app.url}/widget.css">
    <div id="app"><p>The host's own app</p></div>
    <div id="ballot"></div>
    <script type="module">
      import init, { mount } from "${app.url}/slatecard.js";
      await init();
      mount(document.getElementById("ballot"), { region: "wales", theme: "dark" });
      try { mount(document.createElement("div"), { region: "atlantis" }); }
      catch (e) { document.body.dataset.refused = e.message; }
    </script>`);
  await page.getByTestId('result').waitFor();
  assert.equal(await page.getByTestId('result-region').textContent(), 'Wales');
  // The host keeps its own <main> and <h1>; the widget is a section with an h2.
  assert.equal(await page.locator('main').count(), 1);
  assert.equal(await page.locator('h1').textContent(), 'A blog post');
  assert.equal(await page.getByTestId('widget').evaluate((w) => w.tagName), 'SECTION');
  // A host page's own #app (a theme's, a Vue app's) is left alone.
  assert.equal(await page.locator('#app').innerText(), "The host's own app");
  assert.equal(await page.getByTestId('widget').count(), 1);
  // "Open full page" leads to the app's page for that region, not to the host page.
  assert.equal(await page.getByTestId('open-full-page').getAttribute('href'),
    `${app.url}/${latest.id}/wales/`);
  assert.equal(await page.locator('body').getAttribute('data-refused'),
    'slatecard: no region "atlantis": use a region\'s slug, such as "wales" or "north-west"');
  assert.deepEqual(errors, []);
  await page.close();
});

test('oEmbed: the page advertises valid JSON whose iframe shows the widget', async () => {
  const html = await (await fetch(`${app.url}/`)).text();
  const m = html.match(/<link rel="?alternate"? type="?application\/json\+oembed"? href="?([^" >]+)"?/);
  assert.ok(m, 'oEmbed discovery link present');
  assert.equal(m[1], `${app.url}/oembed.json`);
  const data = await (await fetch(m[1])).json();
  assert.equal(data.version, '1.0');
  assert.equal(data.type, 'rich');
  assert.equal(typeof data.width, 'number');
  assert.equal(typeof data.height, 'number');
  const src = data.html.match(/<iframe [^>]*src="([^"]+)"/)[1];
  assert.equal(src.replaceAll('&amp;', '&'), `${app.url}/?embed=1`);
  // The blockquote makes WordPress load its host script (wp-embed.js).
  assert.match(data.html, /^<blockquote class="wp-embedded-content"><a href="[^"]+">/);
  // A result page embeds what it shows: its own answer, preset to it.
  const wales = await (await fetch(`${app.url}/nec-2022/wales/oembed.json`)).json();
  assert.equal(wales.html.match(/<iframe [^>]*src="([^"]+)"/)[1].replaceAll('&amp;', '&'),
    `${app.url}/?embed=1&election=nec-2022&region=wales`);
  assert.match(wales.title, /Wales/);
  // Taller than wide, and no ratio a block theme boxes embeds into.
  const ratio = data.width / data.height;
  for (const preset of [21 / 9, 2, 16 / 9, 4 / 3, 1, 9 / 16, 1 / 2]) {
    assert.ok(Math.abs(ratio - preset) > 0.1, `ratio ${ratio} is near ${preset}`);
  }
  // Embed it the way WordPress does (sandboxed, with a secret).
  const wpHtml = data.html.replace('<iframe ', '<iframe id="w" sandbox="allow-scripts" data-secret="Ab12Cd34Ef" ')
    .replace(/src="([^"]+)"/, (_, s) => `src="${s}#?secret=Ab12Cd34Ef"`);
  const { page, errors } = await hostPage('oembed.html', wpHtml);
  await page.frameLocator('#w').getByTestId('widget').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the widget fits a WordPress frame (at most 1,000 px) at 320 px in every election and region', async () => {
  // WordPress clamps an embed's height to 1,000 px (wp-embed.js); taller
  // content scrolls inside the frame, but the order itself should never need to.
  const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
  let tallest = { height: 0 };
  for (const election of expected().elections) {
    for (const region of Object.keys(election.regions)) {
      await page.goto(`${app.url}/?embed=1&election=${election.id}&region=${region}`);
      const widget = page.getByTestId('widget');
      await page.getByTestId('result').waitFor();
      const height = await widget.evaluate((w) => w.getBoundingClientRect().height);
      if (height > tallest.height) tallest = { height, election: election.id, region };
    }
  }
  // Found from a postcode, the card says so in one more line.
  await page.goto(`${app.url}/?embed=1&election=${tallest.election}`);
  await page.getByTestId('postcode-input').fill(tallest.region === 'international' ? 'JE2 3AB' : 'CF10 1EP');
  await page.getByTestId('postcode-input').press('Enter');
  await page.getByTestId('result').or(page.getByTestId('postcode-answer')).first().waitFor();
  const withFound = await page.getByTestId('widget').evaluate((w) => w.getBoundingClientRect().height);
  assert.ok(tallest.height < 1000, `tallest: ${JSON.stringify(tallest)}`);
  assert.ok(withFound < 1000, `after a lookup: ${withFound}`);
  await page.close();
});

test('the widget says nothing in the host page\'s console (no warnings, no errors)', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  const said = [];
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') said.push(m.text()); });
  await page.goto(`${app.url}/?embed=1&region=wales`);
  await page.getByTestId('result').waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(said, []);
  await page.close();
});

test('in Welsh: the widget (lang=cy), the loader (data-lang) and a Welsh page\'s oEmbed answer', async () => {
  // A plain iframe with lang=cy: the widget in Welsh, its region by its Welsh name.
  const { page, errors } = await hostPage('cy-iframe.html',
    `<iframe id="w" src="${app.url}/?embed=1&region=wales&lang=cy" title="slatecard" width="100%" height="640" style="border:0"></iframe>` +
    `<div data-slatecard data-region="scotland" data-lang="cy"></div><script async src="${app.url}/embed.js"></script>`);
  const frame = page.frameLocator('#w');
  await frame.getByTestId('result').waitFor();
  assert.equal(await frame.getByTestId('result-region').textContent(), 'Cymru');
  assert.equal(await frame.getByTestId('widget').getAttribute('lang'), 'cy');
  // The loader's placeholder, with data-lang.
  const loaded = page.frameLocator('[data-slatecard] iframe');
  await loaded.getByTestId('result').waitFor();
  assert.equal(await loaded.getByTestId('result-region').textContent(), 'Yr Alban');
  // Its frame is titled in the widget's language (the Welsh catalogue's words).
  assert.equal(await page.locator('[data-slatecard] iframe').getAttribute('title'), 'slatecard: sut i lenwi eich papur pleidleisio');
  assert.deepEqual(errors, []);
  await page.close();
  // A Welsh page's oEmbed answer: its iframe shows the widget in Welsh.
  const html = await (await fetch(`${app.url}/cy/nec-2022/wales/`)).text();
  const href = html.match(/<link rel="?alternate"? type="?application\/json\+oembed"? href="?([^" >]+)"?/)[1];
  assert.equal(href, `${app.url}/cy/nec-2022/wales/oembed.json`);
  const data = await (await fetch(href)).json();
  const src = data.html.match(/<iframe [^>]*src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  assert.equal(src, `${app.url}/?embed=1&election=nec-2022&region=wales&lang=cy`);
  assert.match(data.title, /Cymru/);
  const wp = await hostPage('cy-oembed.html', data.html.replace('<iframe ', '<iframe id="w" sandbox="allow-scripts" '));
  await wp.page.frameLocator('#w').getByTestId('result').waitFor();
  assert.equal(await wp.page.frameLocator('#w').getByTestId('result-region').textContent(), 'Cymru');
  assert.deepEqual(wp.errors, []);
  await wp.page.close();
});

test('in Welsh: mount() with lang "cy", and a Welsh page\'s "Embed this" snippets ask for Welsh', async () => {
  // mount() with { lang: "cy" }, from another origin, as docs/embedding.md shows.
  const { page, errors } = await hostPage('cy-mount.html', `
    <link rel="stylesheet" href="${app.url}/app.css"><link rel="stylesheet" href="${app.url}/widget.css">
    <div id="ballot"></div>
    <script type="module">
      import init, { mount } from "${app.url}/slatecard.js";
      await init();
      mount(document.getElementById("ballot"), { region: "wales", lang: "cy" });
    </script>`);
  await page.getByTestId('result').waitFor();
  assert.equal(await page.getByTestId('result-region').textContent(), 'Cymru');
  assert.equal(await page.getByTestId('widget').getAttribute('lang'), 'cy');
  assert.deepEqual(errors, []);
  await page.close();
  // A Welsh page's snippet builder: each snippet asks for the widget in Welsh,
  // and its preview shows it in Welsh.
  const cy = await browser.newPage({ viewport: { width: 390, height: 800 } });
  await cy.goto(`${app.url}/cy/nec-2022/wales/`);
  await cy.getByTestId('embed-panel').locator('summary').click();
  assert.match(await cy.getByTestId('embed-loader').inputValue(), /data-lang="cy"/);
  assert.match(await cy.getByTestId('embed-iframe').inputValue(), /lang=cy/);
  assert.match(await cy.getByTestId('embed-link').inputValue(), /\/cy\/nec-2022\/wales\//);
  const preview = cy.frameLocator('[data-testid=embed-preview]');
  await preview.getByTestId('result').waitFor();
  assert.equal(await preview.getByTestId('widget').getAttribute('lang'), 'cy');
  assert.equal(await preview.getByTestId('result-region').textContent(), 'Cymru');
  await cy.close();
});
