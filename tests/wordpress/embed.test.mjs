// The widget embedded in a real WordPress (Debian's wordpress package, its
// default theme, MariaDB; tests/wordpress/site.mjs), the three ways
// docs/embedding.md offers: the page's address pasted on a line of its own
// (oEmbed), the iframe snippet and the loader snippet, each posted by an
// administrator and by an author. Read in Chromium, Firefox and WebKit at
// 360 and 768 px through WebDriver. No listener or host script of the test's
// own: only what WordPress ships (wp-embed.js) sizes and shows the frames.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveApp, launch, ROOT } from '../e2e/support.mjs';
import { By, until, byId, located, lookUp, waitResult, startDriver, stopDrivers, chosenEngines } from '../webdriver/drivers.mjs';
import { startWordPress } from './site.mjs';

const WIDTHS = [360, 768];
// Screenshots go to target/ (a test run leaves the committed ones alone);
// SLATECARD_SCREENSHOTS=docs writes them over docs/screenshots/ to refresh those.
const SHOTS = process.env.SLATECARD_SCREENSHOTS === 'docs'
  ? join(ROOT, 'docs', 'screenshots', 'wordpress')
  : join(ROOT, 'target', 'screenshots', 'wordpress');
/** WordPress clamps an oEmbed frame's height to this (wp-embed.js). */
const WP_MAX = 1000;

let app, wp;
const snippets = {};

before(async () => {
  app = await serveApp();
  // What a blogger copies from the app's own "Embed this" panel.
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(`${app.url}/nec-2022/wales/`);
  await page.getByTestId('embed-panel').locator('summary').click();
  // The pre-rendered snippets name the build's public address; opened, the
  // panel names the address the page is served from (this test server's,
  // start.js), which is what WordPress must reach.
  await page.waitForFunction((url) => ['loader', 'iframe', 'link']
    .every((kind) => document.querySelector(`[data-testid=embed-${kind}]`)?.value.includes(url)), app.url);
  for (const kind of ['loader', 'iframe', 'link']) {
    snippets[kind] = await page.getByTestId(`embed-${kind}`).inputValue();
  }
  await browser.close();
  const pageUrl = `${app.url}/nec-2022/wales/`;
  assert.ok(snippets.link.includes(`href="${pageUrl}"`), snippets.link);
  const posts = [];
  for (const role of ['administrator', 'author']) {
    posts.push({ slug: `link-${role}`, title: `Pasted link (${role})`, role, content: `How to vote in Wales:\n\n${pageUrl}\n\nShare it.` });
    posts.push({ slug: `iframe-${role}`, title: `Iframe snippet (${role})`, role, content: `How to vote in Wales:\n\n${snippets.iframe}\n\nShare it.` });
    posts.push({ slug: `loader-${role}`, title: `Loader snippet (${role})`, role, content: `How to vote in Wales:\n\n${snippets.loader}\n\nShare it.` });
  }
  wp = await startWordPress({ posts });
});

after(async () => {
  stopDrivers();
  await wp?.stop();
  await app?.close();
});

/** The widget's own height inside the frame the driver is in (what it reports). */
const widgetHeight = (d) => d.executeScript(
  "var w = document.querySelector('[data-testid=widget]'); return w ? Math.ceil(w.getBoundingClientRect().height) : -1");

/** True when everything in the frame the driver is in can be seen: it fits, or it scrolls. */
const nothingCutOff = (d) => d.executeScript(`
  var s = document.scrollingElement, overflow = getComputedStyle(document.body).overflowY + getComputedStyle(s).overflowY;
  return s.scrollHeight <= innerHeight + 1 || !/hidden|clip/.test(overflow);`);

async function intoFrame(d, frame, fn) {
  await d.switchTo().frame(frame);
  try {
    await located(d, byId('widget'), 20000);
    return await fn();
  } finally {
    await d.switchTo().defaultContent();
  }
}

/** Waits until the frame's height attribute is what WordPress makes of the widget's height. */
async function sizedByWordPress(d, frame) {
  let want = 0;
  await d.wait(async () => {
    want = await intoFrame(d, frame, () => widgetHeight(d));
    const clamped = Math.max(200, Math.min(WP_MAX, want));
    const height = Number(await frame.getAttribute('height'));
    return Math.abs(height - clamped) <= 2;
  }, 10000, 'the frame takes the height the widget reports');
  return want;
}

/** Nothing on the post's page is wider than the screen (no sideways scrolling). */
async function fitsTheWidth(d, what) {
  const over = await d.executeScript(`
    var w = document.documentElement.clientWidth;
    return [...document.querySelectorAll('iframe, [data-slatecard], blockquote')]
      .filter(function (el) { return el.getBoundingClientRect().right > w + 1; }).length
      + (document.documentElement.scrollWidth > w + 1 ? 1 : 0);`);
  assert.equal(over, 0, `${what}: nothing wider than the screen`);
}

async function shot(d, engine, slug, width) {
  if (engine !== 'chromium') return;
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, `${slug}-${width}.png`), await d.takeScreenshot(), 'base64');
}

const CHECKS = {
  // The path every blogger has: the page's address on a line of its own.
  'link-administrator': async (d, { engine, width }) => oembed(d, engine, width, 'link-administrator'),
  'link-author': async (d, { engine, width }) => oembed(d, engine, width, 'link-author'),
  // An administrator's iframe: a fixed height; a taller widget scrolls inside.
  'iframe-administrator': async (d, { engine, width }) => {
    const frame = await located(d, By.css('.entry-content iframe, .wp-block-post-content iframe'), 20000);
    assert.ok(await frame.isDisplayed());
    assert.equal(await d.executeScript("return arguments[0].hasAttribute('scrolling')", frame), false);
    await intoFrame(d, frame, async () => {
      assert.equal((await d.findElement(byId('result-region')).getText()), 'Wales');
      assert.ok(await nothingCutOff(d), 'the widget scrolls inside the fixed-height frame');
    });
    await fitsTheWidth(d, 'iframe');
    await shot(d, engine, 'iframe-administrator', width);
  },
  // An administrator's loader: the frame it makes grows to the widget.
  'loader-administrator': async (d, { engine, width }) => {
    const frame = await located(d, By.css('[data-slatecard] iframe'), 20000);
    await d.executeScript('arguments[0].scrollIntoView()', frame);
    await d.wait(async () => {
      const want = await intoFrame(d, frame, () => widgetHeight(d));
      const got = await d.executeScript('return Math.ceil(arguments[0].getBoundingClientRect().height)', frame);
      return want > 0 && Math.abs(got - want) <= 2;
    }, 15000, 'the loader frame grows to the widget');
    await fitsTheWidth(d, 'loader');
    await shot(d, engine, 'loader-administrator', width);
  },
  // Authors cannot post iframes or scripts: WordPress strips them. The
  // iframe leaves nothing; the loader leaves its link to the page.
  'iframe-author': async (d, { engine, width }) => {
    await located(d, By.css('.entry-content, .wp-block-post-content'), 20000);
    assert.equal((await d.findElements(By.css('.entry-content iframe, .wp-block-post-content iframe'))).length, 0);
    await shot(d, engine, 'iframe-author', width);
  },
  'loader-author': async (d, { engine, width }) => {
    const link = await located(d, By.css(`a[href="${app.url}/nec-2022/wales/"]`), 20000);
    assert.ok(await link.isDisplayed(), 'the reader gets the link to the page');
    assert.equal((await d.findElements(By.css('.entry-content iframe, .wp-block-post-content iframe'))).length, 0);
    await shot(d, engine, 'loader-author', width);
  },
};

/** A pasted link: WordPress's own oEmbed frame, shown and sized by wp-embed.js. */
async function oembed(d, engine, width, slug) {
  const frame = await located(d, By.css('iframe.wp-embedded-content'), 20000);
  assert.equal(await frame.getAttribute('sandbox'), 'allow-scripts');
  // WordPress hides the frame until the widget's first message, then shows it.
  await d.wait(async () => !(await frame.getAttribute('style')), 10000, 'wp-embed.js shows the frame');
  assert.ok(await frame.isDisplayed());
  const blockquotes = await d.findElements(By.css('blockquote.wp-embedded-content'));
  for (const b of blockquotes) assert.equal(await b.isDisplayed(), false, 'the fallback link gives way to the frame');
  const first = await sizedByWordPress(d, frame);
  await intoFrame(d, frame, async () => {
    assert.equal(await d.findElement(byId('result-region')).getText(), 'Wales');
    assert.ok(await nothingCutOff(d), `nothing cut off (widget ${first} px)`);
  });
  await fitsTheWidth(d, slug);
  await shot(d, engine, slug, width);
  // A lookup inside the frame; the frame follows the new height.
  await intoFrame(d, frame, async () => {
    await (await d.findElement(byId('change-region'))).click();
    await lookUp(d, 'NE1 4ST');
    assert.equal(await waitResult(d), 'Northern');
  });
  await sizedByWordPress(d, frame);
  await intoFrame(d, frame, async () => assert.ok(await nothingCutOff(d)));
  // A region picked from the list inside the frame.
  await intoFrame(d, frame, async () => {
    await (await d.findElement(byId('change-region'))).click();
    const select = await located(d, byId('widget-region'), 10000);
    await (await select.findElement(By.css('option[value="london"]'))).click();
    assert.equal(await waitResult(d), 'London');
  });
  await sizedByWordPress(d, frame);
  // "Open full page" leaves the sandbox through WordPress's link message.
  await intoFrame(d, frame, async () => (await d.findElement(byId('open-full-page'))).click());
  await d.wait(async () => (await d.getCurrentUrl()).startsWith(app.url), 10000, 'open full page reaches the app');
  assert.match(await d.getCurrentUrl(), /\/nec-2022\/london\/$/);
}

for (const engine of chosenEngines()) {
  test(`${engine}: the widget in a real WordPress`, async (t) => {
    const d = await startDriver(engine);
    try {
      for (const width of WIDTHS) {
        await d.manage().window().setRect({ width, height: 1400 });
        for (const [slug, check] of Object.entries(CHECKS)) {
          await t.test(`${slug} at ${width} px`, async () => {
            await d.get(wp.posts[slug]);
            await check(d, { engine, width });
          });
        }
      }
    } finally {
      await d.quit();
    }
  });
}
