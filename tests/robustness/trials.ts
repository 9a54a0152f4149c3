// The torture trials: each one attacks the built CLI (hostile inputs, kill -9, Ctrl-C, rival
// writers, a full disk, read-only files, old and new schema versions) and comes back as one row
// of the table `npm run torture` prints — what was expected, what happened, rows lost, corrupt
// databases. The tests run the same trials with small sizes and assert on the rows.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { contentHash } from '../../src/normalize/hash.js';
import { LATEST_VERSION, MIGRATIONS, migrate } from '../../src/store/migrations.js';
import {
  articleText, canMountTmpfs, dbState, failureLines, judgeMix, lede, ledeAsync, permissionPrefix, seeded, summaryCount,
  writeCorpus, writeHostileMix, type CliResult,
} from './hostile.js';

export interface Row {
  case: string;
  inputs: string;
  expected: string;
  outcome: string;
  rowsLost: number;
  corrupt: number;
}

/** A trial that could not run here (no root, no mount): shown, never counted as a failure. */
export const skipped = (row: Omit<Row, 'outcome' | 'rowsLost' | 'corrupt'>, reason: string): Row => ({ ...row, outcome: `skipped: ${reason}`, rowsLost: 0, corrupt: 0 });
export const isSkipped = (r: Row) => r.outcome.startsWith('skipped: ');
export const passed = (r: Row) => isSkipped(r) || (r.outcome === r.expected && r.rowsLost === 0 && r.corrupt === 0);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const sideFiles = (db: string) => readdirSync(resolve(db, '..')).filter((f) => f.startsWith(`${basename(db)}-`));

/** Everything a run stores, without ids and clock times: two runs that did the same work are equal. */
export interface Snapshot { articles: Set<string>; sources: Set<string> }

export function snapshot(path: string): Snapshot {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const articles = db.prepare(`SELECT json_array(source, format, url, tag, headline, deck, byline, published, lang, body, word_count, content_hash, provenance) FROM articles`).pluck().all() as string[];
    const sources = db.prepare(`SELECT json_array(s.path, s.size, s.mtime_ms, s.sha256, s.status, s.error, s.settings, a.content_hash)
      FROM sources s LEFT JOIN articles a ON a.id = s.article_id`).pluck().all() as string[];
    return { articles: new Set(articles), sources: new Set(sources) };
  } finally {
    db.close();
  }
}

/** How `got` differs from `want`: rows missing (lost) and rows that should not be there. */
export function compare(want: Snapshot, got: Snapshot): { lost: number; extra: number; sourcesLost: number; sourcesExtra: number } {
  const missing = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).length;
  return {
    lost: missing(want.articles, got.articles), extra: missing(got.articles, want.articles),
    sourcesLost: missing(want.sources, got.sources), sourcesExtra: missing(got.sources, want.sources),
  };
}

/**
 * Rows a crash could have left half-written: an article whose hash is not that of its text, an
 * article no source holds, a source marked ok without its article. Batches are whole or absent.
 */
export function partialRows(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT headline, body, content_hash FROM articles').all() as { headline: string | null; body: string; content_hash: string }[];
    const badHash = rows.filter((r) => contentHash(r.headline, r.body) !== r.content_hash).length;
    const orphans = db.prepare("SELECT count(*) FROM articles WHERE source <> '-' AND id NOT IN (SELECT article_id FROM sources WHERE article_id IS NOT NULL)").pluck().get() as number;
    const dangling = db.prepare("SELECT count(*) FROM sources WHERE status = 'ok' AND (article_id IS NULL OR article_id NOT IN (SELECT id FROM articles))").pluck().get() as number;
    return badHash + orphans + dangling;
  } finally {
    db.close();
  }
}

/** 1 when the database fails SQLite's or FTS5's integrity check (or cannot be opened), else 0. */
export function corruptCount(path: string): number {
  try {
    const s = dbState(path);
    return s.integrity === 'ok' && s.fts === 'ok' ? 0 : 1;
  } catch {
    return 1;
  }
}

const exitOf = (r: { status?: number | null; code?: number | null; signal?: NodeJS.Signals | null }) => {
  const code = 'code' in r ? r.code : r.status;
  return code === null || code === undefined ? `killed (${r.signal ?? 'timeout'})` : `exit ${code}`;
};

const busy = (stderr: string) => /SQLITE_BUSY|database is locked|internal error/i.test(stderr);

/** One ingest run to completion: the reference the interrupted runs must converge to. */
function referenceRun(args: string[], db: string, timeoutMs: number): { result: CliResult; snap: Snapshot } {
  const result = lede(['ingest', ...args, '--db', db], { timeoutMs });
  return { result, snap: snapshot(db) };
}

// ---------------------------------------------------------------------------------------------
// Hostile inputs, all in one run.

export interface MixTrialOptions { full: boolean; timeoutMs?: number }

/** The hostile mix in one ingest run: a row per input, then one for the run as a whole. */
export function mixTrial(dir: string, opts: MixTrialOptions): Row[] {
  const prefix = permissionPrefix();
  const cases = writeHostileMix(dir, { full: opts.full, unreadable: prefix !== null });
  const db = join(dir, 'mix.db');
  const named = cases.filter((c) => c.named).map((c) => c.path);
  const r = lede(['ingest', join(dir, 'tree'), ...named, '--db', db], { prefix: prefix ?? [], timeoutMs: opts.timeoutMs ?? 600_000 });
  const rows: Row[] = [];
  // A path named twice (two links of one loop) is one row.
  const { outcomes, unexpectedLines } = existsSync(db) ? judgeMix(cases, r.stderr, db) : { outcomes: [], unexpectedLines: failureLines(r.stderr) };
  for (const o of outcomes) {
    rows.push({ case: `mix: ${o.input.name}`, inputs: o.input.what || '1 file', expected: o.expected, outcome: o.outcome, rowsLost: o.lost, corrupt: 0 });
  }
  if (prefix === null) rows.push(skipped({ case: 'mix: unreadable (chmod 000)', inputs: '1 file', expected: '"permission denied"' }, 'root without setpriv: permissions do not apply'));
  const good = cases.filter((c) => 'stored' in c.expect).length;
  const stored = outcomes.filter((o) => 'stored' in o.input.expect && o.lost === 0).length;
  const named_ = outcomes.filter((o) => 'fails' in o.input.expect && o.outcome === o.expected).length;
  const bad = cases.length - good;
  const rowCount = existsSync(db) ? dbState(db).rows : 0;
  const parts = [exitOf(r), `${stored}/${good} good stored`, `${named_}/${bad} bad named once`];
  if (rowCount !== stored) parts.push(`${rowCount} rows for ${stored} articles`);
  if (unexpectedLines.length) parts.push(`${unexpectedLines.length} other stderr lines: ${JSON.stringify(unexpectedLines[0])}`);
  if (/\n\s+at /.test(r.stderr)) parts.push('a stack trace');
  rows.push({
    case: `hostile mix, one run (${r.seconds.toFixed(0)} s${prefix?.length ? ', as root without DAC override' : ''})`,
    inputs: `${cases.length} inputs`,
    expected: `exit 1, ${good}/${good} good stored, ${bad}/${bad} bad named once`,
    outcome: parts.join(', '),
    rowsLost: good - stored,
    corrupt: existsSync(db) ? corruptCount(db) : 1,
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Crashes: kill -9 at random moments, and Ctrl-C.

export interface CrashOptions { files: number; trials: number; seed: number; timeoutMs?: number }

const CONVERGED = 'intact, no partial rows; re-run = uninterrupted run';

/**
 * A file SQLite created whose first transaction never committed: a sound header (WAL mode is set
 * first) and not one table. That is what a kill during start-up leaves: the schema is created in
 * one transaction (src/store/migrations.ts), so it is there whole or not at all, and lede's next
 * run initialises the file. A file with any table in it, or failing the integrity check, is not this.
 */
export function neverInitialised(path: string): boolean {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const tables = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
      return tables === 0 && db.pragma('user_version', { simple: true }) === 0 && db.pragma('integrity_check', { simple: true }) === 'ok';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

export interface CrashState { outcome: string; rowsLost: number; corrupt: number; committed: number; initialised: boolean }

/** After a crash: the database as left, then a re-run to completion compared with the reference. */
export function afterCrash(db: string, args: string[], ref: Snapshot, timeoutMs: number): CrashState {
  const problems: string[] = [];
  let committed = 0;
  let corrupt = 0;
  const initialised = existsSync(db) && !neverInitialised(db);
  if (initialised) {
    corrupt = corruptCount(db);
    if (corrupt) problems.push('corrupt after the crash');
    else {
      committed = dbState(db).rows;
      const partial = partialRows(db);
      if (partial) problems.push(`${partial} partial rows`);
      const c = compare(ref, snapshot(db));
      if (c.extra) problems.push(`${c.extra} rows unlike the uninterrupted run's`);
    }
  }
  const again = lede(['ingest', ...args, '--db', db], { timeoutMs });
  if (again.status !== 0) problems.push(`re-run ${exitOf(again)}: ${again.stderr.trim().split('\n')[0] ?? ''}`);
  let rowsLost = 0;
  if (existsSync(db) && corruptCount(db) === 0) {
    const c = compare(ref, snapshot(db));
    rowsLost = c.lost;
    if (c.lost || c.extra || c.sourcesLost || c.sourcesExtra) problems.push(`re-run differs: ${c.lost} rows missing, ${c.extra} extra, ${c.sourcesLost}/${c.sourcesExtra} sources missing/extra`);
  } else {
    corrupt = Math.max(corrupt, 1);
    problems.push('corrupt after the re-run');
  }
  return { outcome: problems.length ? problems.join('; ') : CONVERGED, rowsLost, corrupt, committed, initialised };
}

/** `trials` kill -9 at seeded random moments of one large ingest, each followed by a re-run. */
export async function killTrials(dir: string, opts: CrashOptions): Promise<Row[]> {
  const timeoutMs = opts.timeoutMs ?? 300_000;
  const corpus = writeCorpus(join(dir, 'corpus'), opts.files);
  const ref = referenceRun([corpus], join(dir, 'ref.db'), timeoutMs);
  const span = ref.result.seconds;
  const random = seeded(opts.seed);
  const rows: Row[] = [];
  for (let i = 0; i < opts.trials; i++) {
    const db = join(dir, `kill-${i}.db`);
    // Anywhere from start-up (schema being created) to the last batch (a run alone is a little
    // quicker than the reference, which created the corpus's page cache).
    const at = random() * span * 0.9;
    const run = ledeAsync(['ingest', corpus, '--db', db], { timeoutMs });
    await sleep(at * 1000);
    run.child.kill('SIGKILL');
    const r = await run.done;
    const after = afterCrash(db, [corpus], ref.snap, timeoutMs);
    const finished = r.signal !== 'SIGKILL';
    rows.push({
      case: `kill -9 #${i + 1} at ${at.toFixed(2)} s${finished ? ' (had finished)' : ''}, ${after.initialised ? `${after.committed} rows committed` : 'no schema yet'}`,
      inputs: `${opts.files} files`, expected: CONVERGED, outcome: after.outcome, rowsLost: after.rowsLost, corrupt: after.corrupt,
    });
  }
  return rows;
}

/** Ctrl-C in the middle: the open batch committed, the summary printed, exit 130; a re-run converges. */
export async function sigintTrial(dir: string, opts: { files: number; timeoutMs?: number }): Promise<Row> {
  const timeoutMs = opts.timeoutMs ?? 300_000;
  // Every 50th file is empty: its failure line on stderr proves documents are flowing.
  const corpus = writeCorpus(join(dir, 'corpus'), opts.files, { emptyEvery: 50 });
  const ref = referenceRun([corpus], join(dir, 'ref.db'), timeoutMs);
  const db = join(dir, 'int.db');
  const run = ledeAsync(['ingest', corpus, '--db', db], { timeoutMs });
  const t0 = performance.now();
  while (failureLines(run.stderr()).length < 3 && performance.now() - t0 < timeoutMs) await sleep(20);
  run.child.kill('SIGINT');
  const r = await run.done;
  const expected = `exit 130, summary, stored rows committed; ${CONVERGED}`;
  const stored = summaryCount(r.stderr, 'stored');
  const problems: string[] = [];
  if (r.code !== 130) problems.push(exitOf(r));
  if (!/^lede: interrupted by SIGINT: .*run the same command again/m.test(r.stderr) || Number.isNaN(stored)) problems.push('no summary');
  const rowsAtStop = existsSync(db) && corruptCount(db) === 0 ? dbState(db).rows : NaN;
  if (rowsAtStop !== stored) problems.push(`summary says stored ${stored}, database holds ${rowsAtStop}`);
  // The re-run fails only on the empty files, as the reference run did.
  const after = afterCrash(db, [corpus], ref.snap, timeoutMs);
  const outcome = after.outcome.replace(/re-run exit 1: [^;]*(; )?/, '').replace(/; $/, '') || CONVERGED;
  return {
    case: `SIGINT after ${stored} rows`, inputs: `${opts.files} files`, expected,
    outcome: problems.length ? [...problems, outcome].join('; ') : `exit 130, summary, stored rows committed; ${outcome}`,
    rowsLost: after.rowsLost + (Number.isNaN(rowsAtStop) ? 0 : Math.max(0, stored - rowsAtStop)), corrupt: after.corrupt,
  };
}

// ---------------------------------------------------------------------------------------------
// Rival writers.

/** `procs` ingest runs at once on one database, over overlapping folders: the union, once each. */
export async function concurrentTrial(dir: string, opts: { procs: number; filesPerFolder: number; timeoutMs?: number }): Promise<Row> {
  const timeoutMs = opts.timeoutMs ?? 300_000;
  const folders = Array.from({ length: opts.procs }, (_, k) =>
    writeCorpus(join(dir, `folder-${k}`), opts.filesPerFolder, { topic: ['harbour', 'railway', 'bridge', 'tunnel', 'airport'][k % 5], first: k * opts.filesPerFolder }));
  const ref = referenceRun(folders, join(dir, 'ref.db'), timeoutMs);
  const db = join(dir, 'shared.db');
  // Run k takes folder k and the next one: every folder is ingested by two runs at once.
  const runs = folders.map((_, k) => ledeAsync(['ingest', folders[k]!, folders[(k + 1) % folders.length]!, '--db', db], { timeoutMs }));
  const results = await Promise.all(runs.map((r) => r.done));
  const problems: string[] = [];
  const exits = results.map(exitOf);
  if (exits.some((e) => e !== 'exit 0')) problems.push(exits.join('/'));
  if (results.some((r) => busy(r.stderr))) problems.push(`"${results.map((r) => r.stderr).join('').split('\n').find(busy)}"`);
  const storedSum = results.reduce((n, r) => n + summaryCount(r.stderr, 'stored'), 0);
  const total = opts.procs * opts.filesPerFolder;
  if (storedSum !== total) problems.push(`stored ${storedSum} in all for ${total} files`);
  const corrupt = corruptCount(db);
  let rowsLost = 0;
  if (!corrupt) {
    const c = compare(ref.snap, snapshot(db));
    rowsLost = c.lost;
    if (c.lost || c.extra || c.sourcesLost || c.sourcesExtra) problems.push(`${c.lost} rows missing, ${c.extra} extra, ${c.sourcesLost}/${c.sourcesExtra} sources missing/extra`);
  }
  const expected = 'all exit 0, no SQLITE_BUSY, union stored once';
  return {
    case: `${opts.procs} concurrent ingests, overlapping folders`, inputs: `${opts.procs} × ${2 * opts.filesPerFolder} files (${total} distinct)`,
    expected, outcome: problems.length ? problems.join('; ') : expected, rowsLost, corrupt,
  };
}

// ---------------------------------------------------------------------------------------------
// A full disk.

/** Ingest onto a tmpfs too small for it: exit 3 with one line, committed batches intact; room made, a re-run converges. */
export function diskFullTrial(dir: string, opts: { files: number; sizeKb: number; timeoutMs?: number }): Row {
  const timeoutMs = opts.timeoutMs ?? 300_000;
  const base = { case: `disk full (tmpfs of ${opts.sizeKb} KiB)`, inputs: `${opts.files} files`, expected: `exit 3, "disk is full" in one line, committed rows intact; ${CONVERGED}` };
  const mnt = join(dir, 'mnt');
  mkdirSync(mnt, { recursive: true });
  if (!canMountTmpfs(mnt)) return skipped(base, 'cannot mount a tmpfs here (needs root in a mount-permitting container)');
  const corpus = writeCorpus(join(dir, 'corpus'), opts.files);
  const ref = referenceRun([corpus], join(dir, 'ref.db'), timeoutMs);
  spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${opts.sizeKb}k`, 'tmpfs', mnt]);
  try {
    const db = join(mnt, 'full.db');
    const r = lede(['ingest', corpus, '--db', db], { timeoutMs });
    const problems: string[] = [];
    if (r.status !== 3) problems.push(exitOf(r));
    const lines = r.stderr.trim().split('\n');
    if (lines.length !== 1 || lines[0] !== `lede: cannot write to database "${db}": disk is full`) problems.push(`stderr ${JSON.stringify(lines.slice(0, 2))}`);
    let corrupt = corruptCount(db);
    let committed = 0;
    if (!corrupt) {
      committed = dbState(db).rows;
      const partial = partialRows(db);
      if (partial) problems.push(`${partial} partial rows`);
      if (compare(ref.snap, snapshot(db)).extra) problems.push('committed rows unlike the reference');
    }
    // Room again: the same command stores the rest.
    spawnSync('mount', ['-o', `remount,size=${opts.sizeKb * 20}k`, mnt]);
    const after = afterCrash(db, [corpus], ref.snap, timeoutMs);
    corrupt = Math.max(corrupt, after.corrupt);
    if (after.outcome !== CONVERGED) problems.push(after.outcome);
    return {
      ...base, case: `${base.case}, ${committed} rows committed`,
      outcome: problems.length ? problems.join('; ') : base.expected, rowsLost: after.rowsLost, corrupt,
    };
  } finally {
    spawnSync('umount', [mnt]);
  }
}

// ---------------------------------------------------------------------------------------------
// Databases that can be read but not written.

/** A folder holding a two-article database, closed cleanly (no -wal / -shm beside it). */
export function folderWithDb(dir: string): { dir: string; db: string; input: string } {
  mkdirSync(join(dir, 'in'), { recursive: true });
  const db = join(dir, 'news.db');
  for (const n of [1, 2]) writeFileSync(join(dir, 'in', `a${n}.txt`), articleText(n));
  lede(['ingest', join(dir, 'in'), '--db', db]);
  const input = join(dir, 'new.txt');
  writeFileSync(input, articleText(3));
  return { dir, db, input };
}

/** What reading commands and an ingest did on a database that cannot be written; '' when all as expected. */
export function readOnlyProblems(db: string, input: string, run: (args: string[]) => CliResult): string[] {
  const problems: string[] = [];
  const check = (args: string[], ok: (r: CliResult) => boolean) => {
    const r = run(args);
    if (r.status !== 0 || r.stderr !== '' || !ok(r)) problems.push(`${args[0]} ${exitOf(r)}${r.stderr ? `: ${r.stderr.trim().split('\n')[0]}` : ''}`);
  };
  check(['list', '--db', db], (r) => /Headline number 1[\s\S]*Headline number 2/.test(r.stdout));
  check(['search', 'harbour', '--db', db], (r) => r.stdout.split('\n').filter((l) => /^\d+\t/.test(l)).length === 2);
  check(['show', '1', '--db', db], (r) => r.stdout.includes('Headline number 1'));
  check(['stats', '--db', db], (r) => /articles 2/.test(r.stdout));
  check(['export', '--db', db], (r) => r.stdout.trim().split('\n').length === 2);
  const w = run(['ingest', input, '--db', db]);
  const lines = w.stderr.trim().split('\n');
  if (w.status !== 3) problems.push(`ingest ${exitOf(w)}`);
  if (lines.length !== 1 || !lines[0]!.includes(db) || !/permission denied|read-only/.test(lines[0]!)) problems.push(`ingest said ${JSON.stringify(lines.slice(0, 2))}`);
  return problems;
}

const READ_ONLY_EXPECTED = 'list/search/show/stats/export work; ingest exit 3 in one line; file untouched';

/**
 * One read-only setting: reads work, the ingest is refused, the file is byte for byte as before.
 * `unlock` undoes the setting and returns a writable copy or the file itself for the checks.
 */
function readOnlyRow(name: string, db: string, input: string, run: (args: string[]) => CliResult, unlock: () => string): Row {
  const before = sha(db);
  const problems = readOnlyProblems(db, input, run);
  const checked = unlock();
  if (sha(checked) !== before) problems.push('file changed');
  const corrupt = corruptCount(checked);
  const rows = corrupt ? 0 : dbState(checked).rows;
  return { case: name, inputs: 'database of 2 rows', expected: READ_ONLY_EXPECTED, outcome: problems.length ? problems.join('; ') : READ_ONLY_EXPECTED, rowsLost: Math.max(0, 2 - rows), corrupt };
}

/** A read-only database file, a read-only folder and a read-only mount. */
export function readOnlyTrials(dir: string): Row[] {
  const prefix = permissionPrefix();
  const rows: Row[] = [];
  const asUser = (args: string[]) => lede(args, { prefix: prefix ?? [] });
  const base = (c: string) => ({ case: c, inputs: 'database of 2 rows', expected: READ_ONLY_EXPECTED });
  if (prefix === null) {
    rows.push(skipped(base('read-only database file (chmod 444)'), 'root without setpriv: permissions do not apply'));
    rows.push(skipped(base('read-only folder (chmod 555)'), 'root without setpriv: permissions do not apply'));
  } else {
    const f = folderWithDb(join(dir, 'file'));
    chmodSync(f.db, 0o444);
    rows.push(readOnlyRow(`read-only database file (chmod 444${prefix.length ? ', setpriv' : ''})`, f.db, f.input, asUser, () => (chmodSync(f.db, 0o644), f.db)));
    const d = folderWithDb(join(dir, 'folder'));
    chmodSync(d.dir, 0o555);
    rows.push(readOnlyRow(`read-only folder (chmod 555${prefix.length ? ', setpriv' : ''})`, d.db, d.input, asUser, () => (chmodSync(d.dir, 0o755), d.db)));
  }
  const mnt = join(dir, 'mnt');
  mkdirSync(mnt, { recursive: true });
  if (!canMountTmpfs(mnt)) {
    rows.push(skipped(base('read-only file system'), 'cannot mount a tmpfs here'));
    return rows;
  }
  const src = folderWithDb(join(dir, 'src'));
  spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt]);
  try {
    const db = join(mnt, 'news.db');
    copyFileSync(src.db, db);
    spawnSync('mount', ['-o', 'remount,ro', mnt]);
    // The integrity checks write (FTS5's is an INSERT): they run on a copy.
    const copy = join(dir, 'checked.db');
    rows.push(readOnlyRow('read-only file system (even for root)', db, src.input, (args) => lede(args), () => (copyFileSync(db, copy), copy)));
  } finally {
    spawnSync('umount', [mnt]);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Schema versions.

export const RELEASE_DB = resolve(import.meta.dirname, '../fixtures/db/v1-release-82ef5d6.db');

/** A database at `version`, built by lede's own migrations up to it, with two articles. */
export function databaseAtVersion(path: string, version: number): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
  const insert = db.prepare(`INSERT INTO articles (source, format, headline, body, word_count, content_hash, ingested_at)
    VALUES (?, 'text', ?, ?, 30, ?, '2025-01-01T00:00:00.000Z')`);
  for (const n of [1, 2]) {
    const [headline, ...rest] = articleText(n).split('\n\n');
    const body = rest.join('\n\n').trim();
    insert.run(`old/${n}.txt`, headline!, body, contentHash(headline!, body));
  }
  db.close();
}

const articleRows = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT json_array(id, source, headline, body, content_hash) FROM articles ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
};
const versionOf = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

/** An older database opened by this lede: upgraded in place, every row kept, searchable, writable. */
export function migrationTrial(dir: string, from: { name: string; make: (path: string) => void }): Row {
  mkdirSync(dir, { recursive: true });
  const db = join(dir, 'old.db');
  from.make(db);
  const before = articleRows(db);
  const oldVersion = versionOf(db);
  const input = join(dir, 'new.txt');
  writeFileSync(input, articleText(77));
  const problems: string[] = [];
  const list = lede(['list', '--db', db]);
  if (list.status !== 0) problems.push(`list ${exitOf(list)}: ${list.stderr.trim()}`);
  const ingest = lede(['ingest', input, '--db', db]);
  if (ingest.status !== 0) problems.push(`ingest ${exitOf(ingest)}: ${ingest.stderr.trim()}`);
  const version = versionOf(db);
  if (version !== LATEST_VERSION) problems.push(`at version ${version}`);
  const after = articleRows(db);
  const lost = before.filter((r) => !after.includes(r)).length;
  if (after.length !== before.length + 1) problems.push(`${after.length} rows after, ${before.length} before (+1 expected)`);
  const search = lede(['search', 'harbour', '--db', db]);
  const hits = search.stdout.split('\n').filter((l) => /^\d+\t/.test(l)).length;
  if (search.status !== 0 || hits < 1) problems.push(`search ${exitOf(search)}, ${hits} hits`);
  const expected = `upgraded ${oldVersion}→${LATEST_VERSION} in place, every row kept, search and ingest work`;
  return {
    case: `schema ${oldVersion} database (${from.name})`, inputs: `database of ${before.length} rows`, expected,
    outcome: problems.length ? problems.join('; ') : expected, rowsLost: lost, corrupt: corruptCount(db),
  };
}

/** A database from a newer lede (or someone else's SQLite file): refused in one line, left byte for byte. */
export function refusedTrial(dir: string, what: 'newer' | 'foreign'): Row {
  mkdirSync(dir, { recursive: true });
  const { db } = folderWithDb(join(dir, what));
  const raw = new Database(db);
  if (what === 'newer') raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
  else raw.pragma('application_id = 0x12345678');
  raw.close();
  const before = sha(db);
  const problems: string[] = [];
  const want = what === 'newer' ? /newer than this lede knows/ : /not one made by lede/;
  for (const args of [['list', '--db', db], ['ingest', join(dir, what, 'in'), '--db', db], ['search', 'harbour', '--db', db]]) {
    const r = lede(args);
    const lines = r.stderr.trim().split('\n');
    if (r.status !== 3 || lines.length !== 1 || !want.test(lines[0]!)) problems.push(`${args[0]} ${exitOf(r)}: ${JSON.stringify(lines.slice(0, 2))}`);
  }
  if (sha(db) !== before) problems.push('file changed');
  if (sideFiles(db).length) problems.push(`left ${sideFiles(db).join(', ')}`);
  const expected = 'list/ingest/search exit 3 in one line; file untouched, no side files';
  return {
    case: what === 'newer' ? `schema ${LATEST_VERSION + 1} database (a newer lede)` : 'a SQLite file that is not lede\'s',
    inputs: 'database of 2 rows', expected, outcome: problems.length ? problems.join('; ') : expected, rowsLost: 0, corrupt: corruptCount(db),
  };
}
