// Hostile inputs and the tools to run the built CLI against them, shared by the robustness tests
// (small sizes, in `npm test`) and `npm run torture` (full sizes). Nothing here imports vitest,
// so the torture script can use it as is; tests/robustness/helpers.ts adds the test-only parts.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { FtsBacklog } from '../../src/store/fts.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/lede.js');
export const BUILT = existsSync(join(ROOT, 'dist/cli/main.js'));
const MiB = 1024 * 1024;
/** The input size limit (src/settings.ts MAX_INPUT_BYTES), restated so this module stays import-light. */
export const LIMIT = 50 * MiB;

const ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', LEDE_DB: '' };

export interface CliResult extends SpawnSyncReturns<string> { seconds: number }

/** The built CLI, synchronously, never longer than timeoutMs (then status is null). */
export function lede(args: string[], opts: { input?: string | Buffer; cwd?: string; timeoutMs?: number; prefix?: string[] } = {}): CliResult {
  const t = performance.now();
  const [cmd, ...pre] = opts.prefix ?? [];
  const r = spawnSync(cmd ?? process.execPath, cmd ? [...pre, process.execPath, BIN, ...args] : [BIN, ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    cwd: opts.cwd ?? ROOT,
    env: ENV,
    timeout: opts.timeoutMs ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { ...r, seconds: (performance.now() - t) / 1000 };
}

export interface AsyncRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** The built CLI as a child we can signal; resolves with its exit code/signal and output. */
export function ledeAsync(args: string[], opts: { timeoutMs?: number } = {}) {
  const t = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  // A hang is an outcome too: past the limit the child is killed and reported as SIGKILL.
  const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : null;
  const done = new Promise<AsyncRun>((res) => {
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      res({ code, signal, stdout, stderr, seconds: (performance.now() - t) / 1000 });
    });
  });
  return { child, done, stderr: () => stderr };
}

export interface DbState {
  rows: number;
  /** PRAGMA integrity_check: "ok" when the file is sound. */
  integrity: string;
  /** FTS5 integrity-check of the external-content index against the table: "ok" or the error. */
  fts: string;
}

/**
 * The FTS5 integrity-check of the index against the table. A bulk run defers its index
 * (src/store/fts.ts): rows above fts_deferred's watermark are not indexed yet, and the next search
 * indexes them first. With such a backlog, do what that search does, on a copy (the database may
 * sit on a full disk), then compare: a row indexed twice, or one below the watermark missing,
 * still fails the check.
 */
function ftsState(db: Database.Database): string {
  const check = (d: Database.Database) => {
    try {
      d.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)").run();
      return 'ok';
    } catch (err) {
      return (err as Error).message;
    }
  };
  if (!new FtsBacklog(db).stale()) return check(db);
  const dir = mkdtempSync(join(tmpdir(), 'lede-dbstate-'));
  try {
    const copyPath = join(dir, 'copy.db');
    db.prepare('VACUUM INTO ?').run(copyPath);
    const copy = new Database(copyPath);
    try {
      new FtsBacklog(copy).complete();
      return check(copy);
    } finally {
      copy.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens a lede database as a second process would and checks that it is consistent. */
export function dbState(path: string): DbState {
  // Writable: FTS5 runs its integrity-check as an INSERT. rank = 1 also compares the index
  // with the articles table (stale or missing index rows fail it).
  const db = new Database(path, { fileMustExist: true });
  try {
    const rows = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    return { rows, integrity, fts: ftsState(db) };
  } finally {
    db.close();
  }
}

/** Lines of stderr that are about one input: `path: reason`. */
export const failureLines = (stderr: string): string[] =>
  stderr.split('\n').filter((l) => l !== '' && !/^(stored|extracted|interrupted)\b/.test(l));

/** The count a summary line gives for `what` ("stored 12, …"); NaN when there is none. */
export const summaryCount = (stderr: string, what: string) => Number(new RegExp(`${what} (\\d+)`).exec(stderr)?.[1] ?? NaN);

/**
 * A command prefix under which file permissions bite: [] when not root, setpriv dropping
 * CAP_DAC_OVERRIDE for root, null when root cannot drop it.
 */
export function permissionPrefix(): string[] | null {
  if (process.getuid?.() !== 0) return [];
  const probe = spawnSync('setpriv', ['--inh-caps=-all', '--bounding-set=-dac_override,-dac_read_search', 'true']);
  return probe.status === 0 ? ['setpriv', '--inh-caps=-all', '--bounding-set=-dac_override,-dac_read_search'] : null;
}

/** True when this process may mount a tmpfs (root, and a kernel/container that allows it). */
export function canMountTmpfs(probeDir: string): boolean {
  if (process.getuid?.() !== 0) return false;
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probeDir]).status === 0;
  if (ok) spawnSync('umount', [probeDir]);
  return ok;
}

/** Realistic article text: distinct sentences so nothing reads as repeated boilerplate. */
export function articleText(n: number, topic = 'harbour'): string {
  const lines = [`Headline number ${n} about the ${topic} works`, ''];
  for (let i = 0; i < 4; i++) {
    lines.push(`The ${topic} project number ${n} reached stage ${i} on Monday morning, three weeks earlier than planned, after engineers finished replacing ${i + 2} corroded cables along the northern span.`, '');
  }
  return lines.join('\n');
}

/** The same article as a small HTML page. */
export function articleHtml(n: number, extraHead = '', extraBody = ''): string {
  const paras = Array.from({ length: 4 }, (_, i) =>
    `<p>The harbour project number ${n} reached stage ${i} on Monday morning, three weeks earlier than planned, after engineers finished replacing ${i + 2} corroded cables along the northern span.</p>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour works ${n} | Daily Post</title>${extraHead}</head><body><article><h1>Harbour works ${n}</h1>${paras}${extraBody}</article></body></html>`;
}

/** The same article as Markdown with front matter. */
export function articleMarkdown(n: number): string {
  const paras = Array.from({ length: 4 }, (_, i) =>
    `The harbour project number ${n} reached stage ${i} on Monday morning, three weeks earlier than planned, after engineers finished replacing ${i + 2} corroded cables along the northern span.`);
  return `---\ntitle: Harbour works ${n}\ndate: 2024-05-01\n---\n\n# Harbour works ${n}\n\n${paras.join('\n\n')}\n`;
}

/** Writes n distinct text articles into dir (a00000.txt …); every `emptyEvery`-th file is empty. */
export function writeCorpus(dir: string, n: number, opts: { topic?: string; emptyEvery?: number; first?: number } = {}): string {
  mkdirSync(dir, { recursive: true });
  const first = opts.first ?? 0;
  for (let i = first; i < first + n; i++) {
    const empty = opts.emptyEvery !== undefined && i % opts.emptyEvery === opts.emptyEvery - 1;
    writeFileSync(join(dir, `a${String(i).padStart(5, '0')}.txt`), empty ? '' : articleText(i, opts.topic));
  }
  return dir;
}

/** A deterministic pseudo-random generator (mulberry32): the same seed, the same trials. */
export { seededRandom as seeded } from '../../src/learn/clean-dumps.js';

/**
 * Text in a legacy encoding Node can decode but not encode: the reverse of TextDecoder's table,
 * searched over one- and two-byte sequences (enough for windows-125x, KOI8-R, Shift_JIS, EUC-KR).
 */
export function encodeLegacy(text: string, encoding: string): Buffer {
  const dec = new TextDecoder(encoding, { fatal: true });
  const table = new Map<string, number[]>();
  const tryBytes = (bytes: number[]) => {
    try {
      const ch = dec.decode(Uint8Array.from(bytes));
      if ([...ch].length === 1 && !table.has(ch)) table.set(ch, bytes);
    } catch { /* not a character in this encoding */ }
  };
  for (let b = 0; b < 256; b++) tryBytes([b]);
  for (let lead = 0x81; lead < 0xff; lead++) for (let trail = 0x40; trail < 0xff; trail++) tryBytes([lead, trail]);
  const out: number[] = [];
  for (const ch of text) {
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`${JSON.stringify(ch)} has no ${encoding} encoding`);
    out.push(...bytes);
  }
  return Buffer.from(out);
}

/** What one hostile input must become in an ingest run. */
export type Expectation =
  /** Stored as an article whose headline contains `marker` (and whose text contains `text`), recorded under its path. */
  | { stored: { marker: string; text?: string } }
  /** Named on stderr in exactly one line `path: reason`, nothing stored. */
  | { fails: string };

export interface HostileInput {
  /** Short name for the table. */
  name: string;
  /** The path lede is given or finds in the folder (as it will print it). */
  path: string;
  /** Named on the command line (true) or found by walking the folder. */
  named: boolean;
  /** Size in bytes or a few words on what it is. */
  what: string;
  expect: Expectation;
}

export interface MixOptions {
  /** Full sizes (50 MiB files, 100k elements, a 5 MB line) or small ones for `npm test`. */
  full: boolean;
  /** Include a chmod 000 file (only meaningful when the run can drop root's override). */
  unreadable: boolean;
}

const cyrillic = 'Мэр города заявил в пятницу, что новый бюджет защищает школы и больницы. Критики не согласились с этим решением совета. ';
const japanese = '市長は金曜日、新しい予算が学校と病院を守ると述べた。批判者たちはこの決定に同意しなかった。港の工事は予定より三週間早く終わった。';
const polish = 'Prezydent miasta ogłosił w piątek, że nowy budżet chroni szkoły i szpitale. Krytycy nie zgodzili się z tą decyzją rady.';
const turkish = "Gümüşhane'de düzenlenen törende öğrencilere ödül verildi. Köprü çalışmaları üç hafta önce tamamlandı.";
const french = 'Le café naïf était délicieux, disait le résumé du critique gastronomique, qui a goûté trois crèmes brûlées différentes ce jour-là. ';

/**
 * Writes the hostile mix into `dir` (a folder lede walks, plus a few paths named on the command
 * line) and says what each input must become. Good inputs carry a unique marker in their
 * headline so the check finds them whatever their path became.
 */
export function writeHostileMix(dir: string, opts: MixOptions): HostileInput[] {
  const tree = join(dir, 'tree');
  mkdirSync(join(tree, 'sub'), { recursive: true });
  const cases: HostileInput[] = [];
  let serial = 1000;
  const add = (name: string, file: string, bytes: string | Buffer | null, expect: Expectation, named = false, what?: string) => {
    const path = join(named ? dir : tree, file);
    if (bytes !== null) writeFileSync(path, bytes);
    cases.push({ name, path, named, expect, what: what ?? (bytes === null ? '' : `${Buffer.byteLength(bytes)} B`) });
    return path;
  };
  const good = (name: string, file: string, make: (n: number) => string | Buffer, text?: string, named = false) => {
    const n = serial++;
    return add(name, file, make(n), { stored: { marker: `works ${n}`, text } }, named);
  };
  const fails = (name: string, file: string, bytes: string | Buffer | null, reason: string, named = false, what?: string) =>
    add(name, file, bytes, { fails: reason }, named, what);
  const sparse = (path: string, size: number) => {
    const fd = openSync(path, 'w');
    ftruncateSync(fd, size); // no disk used, instant
    closeSync(fd);
  };

  // Good files of every format, some in a subfolder.
  for (let i = 0; i < 3; i++) good(`good html ${i}`, `good-${i}.html`, (n) => articleHtml(n));
  for (let i = 0; i < 3; i++) good(`good text ${i}`, `sub/good-${i}.txt`, (n) => articleText(n).replace('Headline number', 'Harbour works').replace(/^Harbour works (\d+) about the harbour works/, 'Harbour works $1 about the harbour'));
  for (let i = 0; i < 2; i++) good(`good markdown ${i}`, `good-${i}.md`, (n) => articleMarkdown(n));
  good('good gzip', 'good.html.gz', (n) => gzipSync(articleHtml(n)));
  good('gzip of gzip', 'twice.html.gz', (n) => gzipSync(gzipSync(articleHtml(n))));

  // Encodings: every one must come out as the same words, not mojibake. `extra` is the
  // non-ASCII sentence the check looks for in the stored text.
  const prose = (n: number, extra: string) => [0, 1, 2, 3].map((i) =>
    `The harbour project number ${n} reached stage ${i} on Monday morning, three weeks earlier than planned, after engineers finished replacing ${i + 2} corroded cables. ${extra}`);
  const page = (n: number, extra: string, head = '<meta charset="utf-8">') =>
    `<!doctype html><html><head>${head}<title>Harbour works ${n}</title></head><body><article><h1>Harbour works ${n}</h1>${prose(n, extra).map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  const plain = (n: number, extra: string) => `Harbour works ${n}\n\n${prose(n, extra).join('\n\n')}\n`;
  const md = (n: number, extra: string, tail = '', head = '') => `${head}# Harbour works ${n}\n\n${prose(n, extra).join('\n\n')}\n\n${tail}\n`;
  good('UTF-16LE with BOM', 'utf16le-bom.html', (n) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page(n, french), 'utf16le')]), 'café naïf');
  good('UTF-16BE with BOM', 'utf16be-bom.html', (n) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(page(n, french), 'utf16le').swap16()]), 'crèmes brûlées');
  good('UTF-16LE without BOM', 'utf16le.html', (n) => Buffer.from(page(n, french), 'utf16le'), 'café naïf');
  good('UTF-16 without BOM, Cyrillic', 'utf16-ru.txt', (n) => Buffer.from(plain(n, cyrillic.repeat(3)), 'utf16le'), 'бюджет защищает школы');
  good('declares latin1, is UTF-8', 'lying-latin1.html', (n) => page(n, french, '<meta charset="iso-8859-1">'), 'café naïf');
  good('declares UTF-8, is windows-1252', 'lying-utf8.html', (n) => Buffer.from(page(n, `${french}\x93Très bien\x94.`), 'latin1'), 'café naïf');
  good('declares Shift_JIS, is windows-1251', 'lying-sjis.html', (n) => encodeLegacy(page(n, cyrillic, '<meta charset="shift_jis">'), 'windows-1251'), 'бюджет защищает школы');
  good('undeclared windows-1252', 'cp1252.txt', (n) => Buffer.from(plain(n, french), 'latin1'), 'crèmes brûlées');
  good('undeclared windows-1251', 'cp1251.txt', (n) => encodeLegacy(plain(n, cyrillic), 'windows-1251'), 'бюджет защищает школы');
  good('undeclared ISO-8859-2, Polish', 'iso8859-2.txt', (n) => encodeLegacy(plain(n, polish), 'iso-8859-2'), 'ogłosił w piątek, że nowy budżet');
  good('undeclared windows-1254, Turkish', 'cp1254.txt', (n) => encodeLegacy(plain(n, turkish), 'windows-1254'), 'öğrencilere ödül');
  good('undeclared Shift_JIS', 'sjis.txt', (n) => encodeLegacy(plain(n, japanese), 'shift_jis'), '予算が学校と病院を守る');
  good('invalid UTF-8 bytes inside UTF-8', 'bad-bytes.html', (n) => {
    const b = Buffer.from(page(n, french));
    const at = b.indexOf('</h1>');
    return Buffer.concat([b.subarray(0, at), Buffer.from([0xff, 0xc3, 0x28, 0xe2, 0x82]), b.subarray(at)]);
  }, 'café naïf');
  good('UTF-8 BOM, CRLF', 'bom-crlf.txt', (n) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plain(n, french).replace(/\n/g, '\r\n'))]), 'café naïf');

  // Sizes and shapes that are slow in naive parsers.
  const deep = opts.full ? 100_000 : 5_000;
  good(`${deep} nested elements`, 'deep.html', (n) => page(n, french).replace('<article>', '<div>'.repeat(deep)).replace('</article>', '</div>'.repeat(deep)), 'café naïf');
  const lineBytes = opts.full ? 5 * MiB : 256 * 1024;
  good(`one ${(lineBytes / MiB).toFixed(2)} MiB line`, 'long-line.txt', (n) => {
    const words = Array.from({ length: Math.ceil(lineBytes / 30) }, (_, i) => `word${i % 997} and more text `).join('').slice(0, lineBytes);
    return `Harbour works ${n}\n\n${words}\n`;
  });
  const links = opts.full ? 100_000 : 1_000;
  good(`markdown: one line of ${links} links`, 'links.md', (n) => md(n, french, Array.from({ length: links }, (_, i) => `[l${i}](https://e.org/${i})`).join(' ')));
  const rows = opts.full ? 60_000 : 1_000;
  good(`markdown: ${rows}-row table`, 'table.md', (n) => md(n, french, `| a | b |\n|---|---|\n${Array.from({ length: rows }, (_, i) => `| ${i} | v${i} |`).join('\n')}`));
  const refs = opts.full ? 50_000 : 1_000;
  good(`markdown: ${refs} reference links`, 'refs.md', (n) => md(n, french, `${Array.from({ length: refs }, (_, i) => `see [r${i}] `).join('')}\n\n${Array.from({ length: refs }, (_, i) => `[r${i}]: https://e.org/${i}`).join('\n')}`));
  good('markdown: unclosed front matter', 'fm-unclosed.md', (n) => md(n, french, '', `---\ntitle: "Harbour works ${n}\ndate: [2024\n\n`), 'café naïf');
  good('markdown: front matter not YAML', 'fm-broken.md', (n) => md(n, french, '', `---\ntitle: [Harbour: works: {${n}\n\t- :\n---\n\n`), 'café naïf');

  // Names a naive walker or a line-based list would break on.
  good('name with spaces', 'with  spaces .html', (n) => articleHtml(n));
  good('name with a newline', 'new\nline.html', (n) => articleHtml(n));
  good('name with non-ASCII letters', 'ünï—código 記事.html', (n) => articleHtml(n));
  good('name starting with a dash', '-dash.html', (n) => articleHtml(n), undefined, true);
  {
    // A name that is not UTF-8 (Latin-1 "é"): only a Buffer path can create it; lede shows the byte escaped.
    const n = serial++;
    writeFileSync(Buffer.concat([Buffer.from(join(tree, 'caf')), Buffer.from([0xe9]), Buffer.from('.html')]), articleHtml(n));
    cases.push({ name: 'name with a non-UTF-8 byte', path: join(tree, 'caf\\xE9.html'), named: false, what: 'caf\\xE9.html', expect: { stored: { marker: `works ${n}` } } });
  }

  // Files with no article.
  fails('empty file', 'empty.html', '', 'empty file');
  fails('only whitespace', 'spaces.txt', ' \n\t\r\n  \u3000\n', 'no text in file (only whitespace or NUL bytes)');
  fails('only NUL bytes', 'nuls.txt', Buffer.alloc(4096), 'no text in file (only whitespace or NUL bytes)');
  const noise = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 2654435761 + 12345) >>> 24));
  fails('PNG named .html', 'image.html', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(6000)]), 'binary file (PNG image), not text');
  fails('PDF named .txt', 'doc.txt', Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), noise(6000)]), 'binary file (PDF document), not text');
  fails('ZIP named .md', 'archive.md', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), noise(6000)]), 'binary file (ZIP archive (or an Office/EPUB document)), not text');
  fails('random bytes named .txt', 'random.txt', noise(30_000), 'binary file (control characters throughout), not text');
  fails('all-script page', 'scripts.html', `<html><head><title>x</title><script>${'var a = 1;\n'.repeat(2000)}</script></head><body><script>document.write("${'hello '.repeat(500)}")</script><noscript></noscript></body></html>`, 'no article body found; not stored');
  fails('only comments', 'comments.html', `<!-- saved by a crawler -->\n<!-- ${'nothing here '.repeat(200)}-->\n`, 'no article body found; not stored');
  const gz = gzipSync(articleHtml(1));
  fails('truncated gzip', 'cut.html.gz', gz.subarray(0, gz.length - 10), 'corrupt gzip data (unexpected end of file)');
  fails('gzip bomb', 'bomb.txt.gz', gzipSync(Buffer.alloc(LIMIT + 2 * MiB, 0x61)), 'file too large once decompressed (limit 50 MiB)');
  let nested: Buffer = Buffer.from(articleHtml(2));
  for (let i = 0; i < 12; i++) nested = gzipSync(nested);
  fails('gzip nested 12 deep', 'deep.txt.gz', nested, 'gzip nested more than 3 levels deep');
  sparse(fails('50 MiB + 1 byte', 'huge.txt', null, 'file too large (50.0 MiB, limit 50 MiB)', false, `${LIMIT + 1} B`), LIMIT + 1);
  // Reading 50 MiB takes seconds: only in the full run.
  if (opts.full) sparse(fails('exactly 50 MiB of NUL', 'at-limit.txt', null, 'no text in file (only whitespace or NUL bytes)', false, `${LIMIT} B`), LIMIT);
  if (opts.full) {
    // Articles just under the limit, all of whose text goes through the parsers: the last
    // paragraph must be in the stored body (nothing cut, no timeout).
    const bulk = (n: number, wrap: (p: string) => string) => {
      const parts: string[] = [];
      for (let i = 0, size = 0; size < LIMIT - 2 * MiB; i++) {
        const p = wrap(`The harbour project number ${n} reached stage ${i} on Monday morning, after engineers finished replacing ${i % 13 + 2} corroded cables along the northern span.`);
        parts.push(p);
        size += p.length;
      }
      return parts.join('') + wrap(`The last paragraph of the long page ${n} closes the report.`);
    };
    good('48 MiB text article', 'big.txt', (n) => `Harbour works ${n}\n\n${bulk(n, (p) => `${p}\n\n`)}`, 'closes the report');
    good('48 MiB HTML page', 'big.html', (n) => `<!doctype html><html><head><meta charset="utf-8"><title>Harbour works ${n}</title></head><body><article><h1>Harbour works ${n}</h1>${bulk(n, (p) => `<p>${p}</p>\n`)}</article></body></html>`, 'closes the report');
  }

  // Paths that are not plain files.
  spawnSync('mkfifo', [fails('FIFO in the folder', 'fifo.html', null, 'not a regular file', false, 'FIFO')]);
  spawnSync('mkfifo', [fails('FIFO named', 'named-fifo.html', null, 'not a regular file', true, 'FIFO')]);
  symlinkSync(join(tree, 'nowhere.html'), fails('broken symlink in the folder', 'dangling.html', null, 'broken symbolic link (its target does not exist)', false, 'symlink'));
  symlinkSync('loop-b.html', fails('symlink loop in the folder', 'loop-a.html', null, 'too many levels of symbolic links', false, 'symlink'));
  symlinkSync('loop-a.html', join(tree, 'loop-b.html'));
  cases.push({ name: 'symlink loop in the folder', path: join(tree, 'loop-b.html'), named: false, what: 'symlink', expect: { fails: 'too many levels of symbolic links' } });
  symlinkSync('..', join(tree, 'sub', 'up')); // a folder loop: walked once, adds nothing
  fails('missing path named', 'missing.html', null, 'no such file or directory', true, 'absent');
  cases.push({ name: 'device named', path: '/dev/zero', named: true, what: 'char device', expect: { fails: 'not a regular file' } });
  if (opts.unreadable) {
    const p = fails('unreadable (chmod 000)', 'secret.txt', articleText(3), 'permission denied');
    spawnSync('chmod', ['000', p]);
  }
  return cases;
}

/** What became of one hostile input in a run, for the table. */
export interface MixOutcome {
  input: HostileInput;
  outcome: string;
  expected: string;
  lost: number;
}

export const expectedText = (e: Expectation) => ('stored' in e ? 'stored' + (e.stored.text ? ', text intact' : '') : `"${e.fails}"`);

/**
 * Judges one ingest run of the mix: each good input stored (found by its marker, its text
 * decoded), each bad one named in exactly one `path: reason` line; lines nobody expected are
 * returned apart.
 */
export function judgeMix(cases: HostileInput[], stderr: string, db: string): { outcomes: MixOutcome[]; unexpectedLines: string[] } {
  const lines = failureLines(stderr);
  const used = new Set<number>();
  const d = new Database(db, { readonly: true });
  const find = d.prepare<[string], { headline: string; body: string; paths: string }>(`SELECT headline, body,
    (SELECT json_group_array(path) FROM sources WHERE article_id = articles.id) AS paths FROM articles WHERE headline LIKE '%' || ? || '%'`);
  const outcomes = cases.map((input): MixOutcome => {
    const expected = expectedText(input.expect);
    const mine = lines.flatMap((l, i) => (l.startsWith(`${input.path}: `) ? [i] : []));
    mine.forEach((i) => used.add(i));
    const said = mine.map((i) => `"${lines[i]!.slice(input.path.length + 2)}"`);
    if ('stored' in input.expect) {
      const { marker, text } = input.expect.stored;
      const hits = find.all(marker).filter((r) => new RegExp(`\\b${marker}\\b`).test(r.headline));
      const outcome = hits.length === 0 ? (said.length ? said.join(' ') : 'not stored, not named')
        : hits.length > 1 ? `stored ${hits.length} times`
        : text && !`${hits[0]!.headline}\n${hits[0]!.body}`.includes(text) ? 'stored, text garbled'
        : !(JSON.parse(hits[0]!.paths) as string[]).includes(input.path) ? `stored under ${hits[0]!.paths}`
        : expected;
      return { input, outcome: said.length && hits.length ? `${outcome} + ${said.join(' ')}` : outcome, expected, lost: hits.length === 0 ? 1 : 0 };
    }
    const outcome = said.length === 1 ? said[0]! : said.length === 0 ? 'not named' : `named ${said.length} times`;
    return { input, outcome, expected, lost: 0 };
  });
  d.close();
  return { outcomes, unexpectedLines: lines.filter((_, i) => !used.has(i)) };
}
