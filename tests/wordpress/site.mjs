// A real WordPress on loopback, for tests that need to prove what WordPress
// does with the app's embeds.
//
//   const wp = await startWordPress({ posts: [{ slug, title, content, role }] });
//   wp.url              // http://127.0.0.1:PORT (the site's home)
//   wp.posts[slug]      // http://127.0.0.1:PORT/?p=ID (published, plain links)
//   await wp.html(slug) // the rendered post page, fetched over HTTP
//   await wp.stop()     // kills php and mariadbd, removes the temp dir
// and also: wp.clearEmbedCache() (forget cached oEmbed results), wp.theme,
// wp.version, wp.users ({ administrator, author }: login/password for
// wp-login.php), wp.dir (temp dir, logs in it), wp.startedIn (seconds).
//
// How it works (Debian 12: apt-get install wordpress mariadb-server php-cli
// php-mysql, see scripts/setup; no wp-cli, no internet, nothing in /etc):
// 1. a temp dir gets a fresh MariaDB datadir (mariadb-install-db); mariadbd
//    listens on a unix socket in it only (--skip-networking); a database and
//    a user are created with the `mariadb` client;
// 2. Debian's /usr/share/wordpress is copied there with its symlinks
//    resolved (some are relative, into /usr/share/php and
//    /usr/share/javascript), and Debian's wp-config.php (which reads
//    /etc/wordpress/config-HOST.php) is replaced by our own: DB over the
//    socket, WP_HOME/WP_SITEURL = the server's URL, cron and updates off,
//    outside HTTP blocked except 127.0.0.1/localhost;
// 3. one must-use plugin (loopback-oembed.php) lets oEmbed discovery fetch
//    127.0.0.1/localhost at any port; embeds are otherwise WordPress's own;
// 4. install.php (run by `php`) calls wp_install (default theme as shipped:
//    twentytwentythree, a block theme, the only one Debian ships), creates
//    an administrator and an author, and creates each post as its user, with
//    that user's kses rules (an author's <script>/<iframe> are stripped);
// 5. `php -S 127.0.0.1:PORT` serves the tree with PHP_CLI_SERVER_WORKERS, so
//    it answers while a render waits on another local server.
//
// Limits:
// - oEmbed results are fetched on a post's first render, then cached in post
//   meta (a failure too, as "{{unknown}}", for a day): start the provider
//   first, or call wp.clearEmbedCache() after changing it.
// - The site is at 127.0.0.1, so a provider at 127.0.0.1 counts as the same
//   host (not the same port) for WordPress's url_to_postid(): a provider URL
//   with ?p=N or ?page_id=N in it would be read as one of this site's posts.
// - php -S is not Apache: no .htaccess, no rewrite rules (hence ?p=ID links).
// - If node dies from a signal, the children (own process groups) survive;
//   on a normal exit they are killed and the temp dir removed.
// - Linux/Debian only; Debian's 6.1.9 only (whatever /usr/share/wordpress is).
import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, openSync, closeSync, mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HERE = fileURLToPath(new URL('.', import.meta.url));
const WORDPRESS = '/usr/share/wordpress';
const ROLES = ['administrator', 'author'];

// Sites still running, cleaned up if the process exits without stop().
const live = new Set();
process.on('exit', () => { for (const site of live) site.killNow(); });

function tool(name) {
  for (const dir of ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin']) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(`startWordPress: ${name} not found; install the Debian packages wordpress mariadb-server php-cli php-mysql (scripts/setup)`);
}

function tail(file, lines = 25, keep = () => true) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').filter(keep).slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const phpString = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const secret = () => randomBytes(24).toString('base64url');

/**
 * Starts MariaDB + WordPress on loopback with `posts` published.
 * @param {{ posts: { slug: string, title: string, content: string, role: 'administrator'|'author' }[] }} options
 */
export async function startWordPress({ posts = [] } = {}) {
  const slugs = new Set();
  for (const p of posts) {
    if (!ROLES.includes(p.role)) throw new Error(`startWordPress: post ${p.slug}: role must be one of ${ROLES.join(', ')}`);
    if (!p.slug || slugs.has(p.slug)) throw new Error(`startWordPress: post slugs must be unique and non-empty (${p.slug})`);
    slugs.add(p.slug);
  }
  const bins = {
    installDb: tool('mariadb-install-db'),
    mariadbd: tool('mariadbd'),
    mariadb: tool('mariadb'),
    admin: tool('mariadb-admin'),
    php: tool('php'),
  };
  if (!existsSync(join(WORDPRESS, 'wp-load.php'))) {
    throw new Error(`startWordPress: ${WORDPRESS} is missing; install the Debian package wordpress (scripts/setup)`);
  }

  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'slatecard-wp-'));
  const paths = {
    data: join(dir, 'db'),
    socket: join(dir, 'mysqld.sock'),
    dbLog: join(dir, 'mariadb.log'),
    root: join(dir, 'wordpress'),
    phpLog: join(dir, 'php-server.log'),
    debugLog: join(dir, 'wp-debug.log'),
  };
  const children = [];
  const site = {
    killNow() {
      for (const child of children) {
        if (child.exitCode === null && child.signalCode === null) {
          try { process.kill(-child.pid, 'SIGKILL'); } catch {}
        }
      }
      rmSync(dir, { recursive: true, force: true });
      live.delete(site);
    },
  };
  live.add(site);

  // Starts a child in its own process group (so stopping it takes its forks
  // too), logging to `log`; `stopSignal` is what ends it cleanly.
  const daemon = (cmd, args, log, stopSignal, env) => {
    const fd = openSync(log, 'a');
    const child = spawn(cmd, args, { cwd: dir, detached: true, stdio: ['ignore', fd, fd], env: env ?? process.env });
    closeSync(fd);
    child.unref();
    child.stopSignal = stopSignal;
    children.push(child);
    return child;
  };
  // Ends `child` and its process group with its stopSignal, SIGKILL after 5 s.
  // php -S takes SIGINT: the master then waits for its workers (which take it
  // too), so none is left as a zombie; mariadbd takes SIGTERM.
  const stopChild = async (child) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', () => r(true)));
    try { process.kill(-child.pid, child.stopSignal); } catch { return; }
    let timer;
    const late = new Promise((r) => { timer = setTimeout(() => r(false), 5000); });
    const clean = await Promise.race([exited, late]);
    clearTimeout(timer);
    if (clean) return;
    try { process.kill(-child.pid, 'SIGKILL'); } catch {}
    await exited;
  };
  const stop = async () => {
    for (const child of [...children].reverse()) await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
    live.delete(site);
  };

  let step = 'start';
  const logs = () => [
    `--- MariaDB log (${paths.dbLog}) ---\n${tail(paths.dbLog)}`,
    `--- PHP server log (${paths.phpLog}) ---\n${tail(paths.phpLog)}`,
    `--- WordPress debug log, without PHP 8.2's deprecation notices ---\n${tail(paths.debugLog, 25, (l) => !/PHP Deprecated/.test(l))}`,
  ].join('\n');
  try {
    if (paths.socket.length > 100) throw new Error(`socket path too long for a unix socket: ${paths.socket} (set TMPDIR)`);
    const asRoot = process.getuid?.() === 0;
    const user = asRoot ? [`--user=${userInfo().username}`] : [];

    step = 'mariadb-install-db';
    await run(bins.installDb, ['--no-defaults', `--datadir=${paths.data}`, '--auth-root-authentication-method=normal',
      '--skip-test-db', ...user], { cwd: dir, timeout: 60_000 }).catch((e) => {
      throw new Error(`${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    });

    step = 'start mariadbd';
    const mariadbd = daemon(bins.mariadbd, ['--no-defaults', `--datadir=${paths.data}`, `--socket=${paths.socket}`,
      '--skip-networking', `--pid-file=${join(dir, 'mysqld.pid')}`, `--log-error=${paths.dbLog}`, `--tmpdir=${dir}`,
      '--innodb-buffer-pool-size=32M', '--innodb-flush-log-at-trx-commit=0', '--skip-innodb-doublewrite', ...user], paths.dbLog, 'SIGTERM');
    const mysql = ['--no-defaults', `--socket=${paths.socket}`, '--user=root'];
    for (let deadline = Date.now() + 30_000; ;) {
      if (mariadbd.exitCode !== null || mariadbd.signalCode !== null) throw new Error(`mariadbd exited (${mariadbd.exitCode ?? mariadbd.signalCode})`);
      if (await run(bins.admin, [...mysql, 'ping'], { timeout: 5000 }).then(() => true, () => false)) break;
      if (Date.now() > deadline) throw new Error('mariadbd did not answer on its socket within 30 s');
      await sleep(50);
    }

    step = 'create database';
    const db = { name: 'wordpress', user: 'wordpress', password: secret() };
    await run(bins.mariadb, [...mysql, '-e', [
      `CREATE DATABASE ${db.name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`,
      `CREATE USER '${db.user}'@'localhost' IDENTIFIED BY '${db.password}';`,
      `GRANT ALL PRIVILEGES ON ${db.name}.* TO '${db.user}'@'localhost';`,
    ].join(' ')], { timeout: 30_000 });

    step = 'copy WordPress';
    // -L: resolve the symlinks (relative ones would dangle in the copy).
    await run('cp', ['-RL', WORDPRESS, paths.root], { timeout: 60_000 });
    rmSync(join(paths.root, '.htaccess'), { force: true }); // Debian's, for Apache
    mkdirSync(join(paths.root, 'wp-content', 'mu-plugins'), { recursive: true });
    copyFileSync(join(HERE, 'loopback-oembed.php'), join(paths.root, 'wp-content', 'mu-plugins', 'loopback-oembed.php'));

    step = 'write wp-config.php';
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
      .map((k) => `define( '${k}', ${phpString(secret())} );`).join('\n');
    writeFileSync(join(paths.root, 'wp-config.php'), `<?php
// Written by tests/wordpress/site.mjs (replaces Debian's, which reads /etc/wordpress).
define( 'DB_NAME', ${phpString(db.name)} );
define( 'DB_USER', ${phpString(db.user)} );
define( 'DB_PASSWORD', ${phpString(db.password)} );
define( 'DB_HOST', ${phpString(`localhost:${paths.socket}`)} );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
${salts}
$table_prefix = 'wp_';
define( 'WP_HOME', ${phpString(url)} );
define( 'WP_SITEURL', ${phpString(url)} );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_ACCESSIBLE_HOSTS', '127.0.0.1,localhost' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', ${phpString(paths.debugLog)} );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`);

    step = 'install WordPress (install.php)';
    const users = {
      administrator: { login: 'admin', password: secret(), email: 'admin@example.org' },
      author: { login: 'author', password: secret(), email: 'author@example.org' },
    };
    const specFile = join(dir, 'install-spec.json');
    const resultFile = join(dir, 'install-result.json');
    writeFileSync(specFile, JSON.stringify({ url, root: paths.root, title: 'slatecard test blog', users, posts }));
    // No MTA here: mail (the "new site" notice) goes nowhere.
    const phpIni = ['-d', 'sendmail_path=cat >/dev/null', '-d', 'display_errors=stderr'];
    await run(bins.php, [...phpIni, join(HERE, 'install.php'), specFile, resultFile], { cwd: paths.root, timeout: 60_000 })
      .catch((e) => {
        // wp_die() prints an HTML page: keep its text.
        const text = (s) => (s ?? '').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
        throw new Error(`php install.php exited ${e.code ?? e.signal}\nstdout: ${text(e.stdout).slice(-2000)}\nstderr: ${(e.stderr ?? '').split('\n').filter((l) => !/Deprecated/.test(l)).join('\n').slice(-2000)}`);
      });
    const installed = JSON.parse(readFileSync(resultFile, 'utf8'));

    step = 'start php -S';
    const php = daemon(bins.php, [...phpIni, '-S', `127.0.0.1:${port}`, '-t', paths.root], paths.phpLog,
      'SIGINT', { ...process.env, PHP_CLI_SERVER_WORKERS: '4' });
    for (let deadline = Date.now() + 30_000; ;) {
      if (php.exitCode !== null || php.signalCode !== null) throw new Error(`php -S exited (${php.exitCode ?? php.signalCode})`);
      const ok = await fetch(`${url}/wp-login.php`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`php -S did not answer at ${url} within 30 s`);
      await sleep(50);
    }

    const startedIn = (Date.now() - started) / 1000;
    return {
      url,
      posts: installed.posts,
      theme: installed.theme,
      version: installed.version,
      users,
      dir,
      startedIn,
      /** The rendered page of the post `slug` (HTML text). */
      async html(slug) {
        const postUrl = installed.posts[slug];
        if (!postUrl) throw new Error(`no post with slug ${slug}`);
        const res = await fetch(postUrl, { signal: AbortSignal.timeout(60_000) });
        const text = await res.text();
        if (!res.ok) throw new Error(`GET ${postUrl}: HTTP ${res.status}\n${text.slice(0, 500)}\n${logs()}`);
        return text;
      },
      /** Forgets every cached oEmbed result, so the next render fetches again. */
      async clearEmbedCache() {
        await run(bins.mariadb, [...mysql, db.name, '-e',
          "DELETE FROM wp_postmeta WHERE meta_key LIKE '\\_oembed\\_%'; DELETE FROM wp_posts WHERE post_type = 'oembed_cache';"],
        { timeout: 30_000 });
      },
      stop,
    };
  } catch (e) {
    const message = `startWordPress: step "${step}" failed: ${e.message}\n${logs()}`;
    await stop().catch(() => site.killNow());
    throw new Error(message, { cause: e });
  }
}
