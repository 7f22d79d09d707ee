// Self-check of the WordPress harness: kses strips an author's <script> and
// <iframe>, and an administrator's pasted link to a page with oEmbed
// discovery becomes WordPress's sandboxed embed, with the wp-embed host script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { startWordPress } from './site.mjs';

let provider;
let page;
let wp;
const requests = [];

before(async () => {
  // A minimal oEmbed provider, in the shape WordPress's own posts use.
  provider = createServer((req, res) => {
    requests.push(req.url);
    const base = `http://127.0.0.1:${provider.address().port}`;
    const path = new URL(req.url, base).pathname;
    if (path === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><title>t</title>
<link rel="alternate" type="application/json+oembed" href="${base}/oembed.json">
</head><body>t</body></html>`);
    } else if (path === '/oembed.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        type: 'rich',
        version: '1.0',
        title: 't',
        width: 600,
        height: 800,
        html: `<blockquote class="wp-embedded-content"><a href="${base}/page">t</a></blockquote>`
          + `<iframe class="wp-embedded-content" src="${base}/page?embed=1" width="600" height="800" title="t"></iframe>`,
      }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => provider.listen(0, '127.0.0.1', r));
  page = `http://127.0.0.1:${provider.address().port}/page`;

  wp = await startWordPress({
    posts: [
      { slug: 'link', title: 'A pasted link', content: `Before.\n\n${page}\n\nAfter.`, role: 'administrator' },
      // What the block editor saves when a link is pasted on its own (any role may embed).
      {
        slug: 'block',
        title: 'An embed block',
        content: `<!-- wp:embed {"url":"${page}","type":"rich","providerNameSlug":"t"} -->\n`
          + `<figure class="wp-block-embed is-type-rich is-provider-t wp-block-embed-t"><div class="wp-block-embed__wrapper">\n${page}\n</div></figure>\n`
          + '<!-- /wp:embed -->',
        role: 'author',
      },
      { slug: 'raw', title: 'Raw HTML', content: '<p>kept</p><script>alert(1)</script><iframe src="https://example.org"></iframe>', role: 'author' },
    ],
  });
  console.log(`# WordPress ${wp.version}, theme ${wp.theme}, started in ${wp.startedIn.toFixed(1)} s at ${wp.url}`);
});

after(async () => {
  await wp?.stop();
  provider?.closeAllConnections();
  await new Promise((r) => (provider ? provider.close(r) : r()));
});

/** The post's content area (the theme's wrapper around the_content). */
function content(html) {
  const start = html.indexOf('entry-content');
  assert.ok(start > 0, 'no entry-content in the page');
  return html.slice(start, html.indexOf('</main>', start) > 0 ? html.indexOf('</main>', start) : undefined);
}

test('posts are published at plain ?p=ID URLs', () => {
  assert.match(wp.posts.link, /^http:\/\/127\.0\.0\.1:\d+\/\?p=\d+$/);
  assert.match(wp.posts.raw, /^http:\/\/127\.0\.0\.1:\d+\/\?p=\d+$/);
});

test("an author's <script> and <iframe> are stripped", async () => {
  const body = content(await wp.html('raw'));
  assert.match(body, /<p>kept<\/p>/);
  assert.doesNotMatch(body, /<script/i);
  assert.doesNotMatch(body, /<iframe/i);
  assert.doesNotMatch(body, /example\.org/);
});

/** Asserts that `html` (a rendered post page) holds WordPress's embed of `page`. */
function assertEmbed(html) {
  const body = content(html);
  const iframe = body.match(/<iframe\b[^>]*>/)?.[0];
  assert.ok(iframe, `no iframe in the post:\n${body.slice(0, 2000)}`);
  assert.match(iframe, /\bsandbox="allow-scripts"/);
  assert.match(iframe, /\bsecurity="restricted"/);
  assert.match(iframe, /\bclass="wp-embedded-content"/);
  const secret = iframe.match(/\bdata-secret="([A-Za-z0-9]+)"/)?.[1];
  assert.ok(secret, `no data-secret: ${iframe}`);
  assert.ok(iframe.includes(` src="${page}?embed=1#?secret=${secret}"`), `src: ${iframe}`);
  assert.match(iframe, /\bwidth="600"/);
  assert.match(iframe, /\bheight="800"/);
  assert.match(iframe, /\btitle="t"/);
  // The blockquote is kept as the fallback and the iframe hidden until it speaks.
  assert.match(iframe, /\bstyle="position: absolute; clip: rect\(1px, 1px, 1px, 1px\);"/);
  // In classic content, wpautop wraps the blockquote's link (and the iframe) in <p>.
  assert.match(body, new RegExp(`<blockquote class="wp-embedded-content" data-secret="${secret}">(<p>)?<a href="${page}">t</a>(</p>)?</blockquote>`));

  // The host script that answers the frame's messages (WordPress 6.1 quotes with ').
  assert.match(html, /<script[^>]+src=['"][^'"]*\/wp-includes\/js\/wp-embed(\.min)?\.js[^'"]*['"]/);
  return body.match(/<blockquote[\s\S]*?<\/iframe>/)?.[0];
}

test("an administrator's pasted link becomes WordPress's sandboxed embed", async () => {
  const embed = assertEmbed(await wp.html('link'));
  // Discovery: the page, then the JSON (WordPress adds maxwidth, maxheight, url, dnt, format).
  assert.ok(requests.includes('/page') && requests.some((r) => r.startsWith('/oembed.json?')), `WordPress fetched ${requests.join(', ')}`);
  console.log(`# embed as rendered: ${embed}`);
});

test("the block editor's embed block (an author's) renders the same embed", async () => {
  assertEmbed(await wp.html('block'));
});

test('clearEmbedCache() makes WordPress discover again', async () => {
  await wp.html('link');
  const before = requests.length;
  await wp.html('link');
  assert.equal(requests.length, before, 'a second render uses the cached embed');
  await wp.clearEmbedCache();
  assertEmbed(await wp.html('link'));
  assert.ok(requests.length > before, 'after clearEmbedCache() the page and JSON are fetched again');
});
