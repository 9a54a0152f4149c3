// lede never opens a network connection, whatever a page points at. The built CLI reads a page that
// references remote resources in every way HTML can (each pointed at a server this test runs on
// loopback, and at a name that would need DNS), with a preload that records and blocks every
// network API of Node in every thread; then the same run again inside a network namespace with no
// interfaces up (unshare -n, where the system allows it). Nothing may reach the server, the record
// must be empty, and the articles must come out the same.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canUnshareNet, jsonLines, lede, ROOT, tempDir } from './cli.js';

const PRELOAD = join(import.meta.dirname, 'no-network.cjs');
const BUILT = existsSync(join(ROOT, 'dist/cli/main.js'));

/** Every way a page can ask a browser to fetch something, at `base` and at a name needing DNS. */
function remotePage(base: string, n: number): string {
  const dns = 'http://tracker.lede-test.invalid';
  return `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<base href="${base}/base/">
<meta http-equiv="refresh" content="0; url=${base}/refresh">
<title>Harbour Cables Replaced Ahead of Schedule ${n} | Daily Test</title>
<link rel="stylesheet" href="${base}/style.css">
<link rel="preload" href="${base}/font.woff2" as="font">
<link rel="icon" href="${dns}/favicon.ico">
<link rel="alternate" type="application/rss+xml" href="${base}/feed.xml">
<link rel="canonical" href="https://news.lede-test.invalid/harbour-${n}">
<meta property="og:image" content="${base}/og.jpg">
<script src="${base}/app.js"></script>
<script type="module">import '${base}/module.js'; fetch('${base}/inline-fetch');</script>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour Cables Replaced Ahead of Schedule ${n}","image":"${base}/ld.jpg","author":{"@type":"Person","name":"Ana Reyes"}}</script>
<style>@import url("${base}/import.css"); @import '${dns}/import2.css'; body { background: url(${base}/bg.png); }
@font-face { font-family: x; src: url(${base}/x.woff); }</style>
</head><body style="background-image:url('${base}/body-bg.png')">
<iframe src="${base}/frame.html"></iframe>
<nav><a href="${base}/home">Home</a> <img src="${dns}/logo.png" alt=""></nav>
<article>
<h1>Harbour Cables Replaced Ahead of Schedule ${n}</h1>
<p class="byline">By Ana Reyes</p>
<picture><source srcset="${base}/hero-2x.webp 2x, ${base}/hero.webp 1x"><img src="${base}/hero.jpg" srcset="${base}/hero-640.jpg 640w, ${dns}/hero-1280.jpg 1280w" alt="The bridge"></picture>
<p>Engineers finished replacing the corroded steel cables on the northern span of the harbour bridge on Monday, three weeks earlier than the city had planned, and reopened all lanes to traffic.</p>
<p>The transport authority said dry weather in October let crews work through several weekends, and that the repairs cost slightly less than the fourteen million pounds first estimated.</p>
<video poster="${base}/poster.jpg" src="${base}/clip.mp4"><track src="${base}/subs.vtt"></video>
<audio src="${dns}/clip.mp3"></audio>
<object data="${base}/object.swf"></object><embed src="${base}/embed.swf">
<svg><image href="${base}/svg-image.png"/><use href="${base}/sprite.svg#x"/></svg>
<p>Heavy lorries may use the crossing again from Tuesday, officials said, once the final load tests on the southern approach are signed off by the inspectors.</p>
<form action="${base}/subscribe"><input type="image" src="${base}/submit.png"></form>
</article>
<script>new Image().src='${base}/pixel.gif'; navigator.sendBeacon('${base}/beacon');</script>
<noscript><img src="${base}/noscript.gif"></noscript>
</body></html>`;
}

let server: Server;
let base: string;
const connections: string[] = [];
let work: string;

beforeAll(async () => {
  server = createServer((sock) => { connections.push(`${sock.remoteAddress}:${sock.remotePort}`); sock.destroy(); });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no server address');
  base = `http://127.0.0.1:${addr.port}`;
  work = tempDir('lede-nonet-');
  mkdirSync(join(work, 'pages'));
  // Several pages in a folder: a folder run extracts in worker threads, one file in the main thread.
  for (let i = 1; i <= 4; i++) writeFileSync(join(work, 'pages', `page-${i}.html`), remotePage(base, i));
  writeFileSync(join(work, 'one.html'), remotePage(base, 9));
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

/** Runs lede with the guard preloaded; returns the run and the guard's record lines. */
async function guarded(args: string[], tag: string) {
  const log = join(work, `net-${tag}.log`);
  writeFileSync(log, '');
  const run = await lede(args, { cwd: work, node: ['--require', PRELOAD], env: { LEDE_NET_LOG: log } });
  const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { run, loaded: lines.filter((l) => l.startsWith('loaded')), attempts: lines.filter((l) => l.startsWith('attempt')) };
}

function expectArticles(records: Record<string, unknown>[], numbers: number[]): void {
  expect(records.map((r) => r.headline)).toEqual(numbers.map((n) => `Harbour Cables Replaced Ahead of Schedule ${n}`));
  for (const r of records) {
    if ('status' in r) expect(r.status).toBe('ok'); // extract prints it; ingest --json prints the row
    expect(r.byline).toBe('Ana Reyes');
    expect(r.body).toContain('Engineers finished replacing the corroded steel cables');
    expect(r.body).toContain('once the final load tests on the southern approach');
    expect(r.body).not.toMatch(/127\.0\.0\.1|lede-test\.invalid|sendBeacon|@import/);
  }
}

describe.skipIf(!BUILT)('no network connection', () => {
  it('the guard itself works: a fetch, a socket and a DNS lookup under it are recorded (so an empty record means something)', async () => {
    const log = join(work, 'net-selftest.log');
    writeFileSync(log, '');
    const { spawnSync } = await import('node:child_process');
    const code = `
      const tries = [() => fetch('${base}/x'), () => require('node:net').connect(80, '127.0.0.1'), () => require('node:dns').lookup('example.com', () => {}),
        () => require('node:https').get('https://example.com'), () => new (require('node:worker_threads').Worker)("try { require('node:net').connect(1,'127.0.0.1') } catch {}", { eval: true })];
      for (const t of tries) { try { t(); } catch {} }`;
    const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', code], { env: { ...process.env, LEDE_NET_LOG: log }, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(0);
    await new Promise((ok) => setTimeout(ok, 200));
    const attempts = readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith('attempt'));
    expect(attempts.some((l) => l.includes('globalThis.fetch'))).toBe(true);
    expect(attempts.some((l) => l.includes('net.'))).toBe(true);
    expect(attempts.some((l) => l.includes('dns.lookup'))).toBe(true);
    expect(attempts.some((l) => l.includes('https.get'))).toBe(true);
    expect(attempts.filter((l) => l.includes('net.connect'))).toHaveLength(2); // the worker's too
    expect(connections).toEqual([]);
  });

  it('lede extract over a folder (worker threads) and one file (main thread): no attempt, nothing reaches the server, articles intact', async () => {
    const folder = await guarded(['extract', '-j', '2', 'pages'], 'extract-folder');
    expect(folder.run.stderr).not.toMatch(/network blocked|internal error/);
    expect(folder.run.code).toBe(0);
    expectArticles(jsonLines(folder.run.stdout), [1, 2, 3, 4]);
    // The guard ran in the main thread and in the extraction workers.
    expect(folder.loaded.some((l) => l.includes('main=false'))).toBe(true);
    expect(folder.attempts).toEqual([]);

    const one = await guarded(['extract', 'one.html'], 'extract-one');
    expect(one.run.code).toBe(0);
    expectArticles(jsonLines(one.run.stdout), [9]);
    expect(one.attempts).toEqual([]);
    expect(connections).toEqual([]);
  });

  it('lede ingest (workers, SQLite, search index): no attempt, nothing reaches the server, rows stored', async () => {
    const db = join(work, 'guarded.db');
    const r = await guarded(['--db', db, 'ingest', '--json', '-j', '2', 'pages', 'one.html'], 'ingest');
    expect(r.run.stderr).not.toMatch(/network blocked|internal error/);
    expect(r.run.code).toBe(0);
    expectArticles(jsonLines(r.run.stdout), [1, 2, 3, 4, 9]);
    const s = await guarded(['--db', db, 'search', '--json', 'corroded cables'], 'search');
    expect(s.run.code).toBe(0);
    expect(jsonLines(s.run.stdout)).toHaveLength(5);
    expect(r.attempts).toEqual([]);
    expect(s.attempts).toEqual([]);
    expect(connections).toEqual([]);
  });

  const unshare = canUnshareNet();
  if (!unshare) it.skip('under unshare -n (no network namespace allowed here: needs root or user namespaces)', () => {});
  it.skipIf(!unshare)('under unshare -n (no interface up, not even loopback): same output as with the network there', async () => {
    const withNet = await lede(['extract', '-j', '2', 'pages', 'one.html'], { cwd: work });
    const without = await lede(['extract', '-j', '2', 'pages', 'one.html'], { cwd: work, prefix: ['unshare', '-n'] });
    expect(without.code).toBe(0);
    expect(without.stderr).not.toMatch(/internal error|ENETUNREACH|EAI_AGAIN/);
    expectArticles(jsonLines(without.stdout), [1, 2, 3, 4, 9]);
    expect(without.stdout).toBe(withNet.stdout);
    const db = join(work, 'unshared.db');
    const ingest = await lede(['--db', db, 'ingest', 'pages', 'one.html'], { cwd: work, prefix: ['unshare', '-n'] });
    expect(ingest.code).toBe(0);
    const d = new Database(db, { readonly: true });
    try {
      expect(d.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(5);
    } finally {
      d.close();
    }
    expect(connections).toEqual([]);
  });
});

describe('no network code in lede', () => {
  // A static check to go with the runs above: no module of lede imports a network API, and HTML is
  // parsed with cheerio/slim (cheerio's full entry point brings undici for fromURL).
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  it('src/ imports no network module and no full cheerio', () => {
    const offenders: string[] = [];
    for (const f of files(join(ROOT, 'src'))) {
      const text = readFileSync(f, 'utf8');
      const hits = text.match(/from '(?:node:)?(?:net|http|https|http2|dns|tls|dgram)'|from 'undici'|from 'cheerio'|\bfetch\(|import\('(?:node:)?(?:net|https?|dns)'\)/g);
      if (hits) offenders.push(`${relative(ROOT, f)}: ${hits.join(', ')}`);
    }
    expect(offenders).toEqual([]);
  });
});
