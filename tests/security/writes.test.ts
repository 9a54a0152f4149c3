// Nothing is written outside --db and stdout. Every command runs with HOME, TMPDIR and the working
// directory pointed at fresh empty folders, its inputs in a folder of their own and the database in
// another: before/after snapshots of all of them must show only the database (and its -wal, -shm,
// -journal) changed, and `lede extract` must change nothing. Where strace works, the same commands
// run under it and every open for writing, create, rename, unlink, link or mkdir they make must
// name a database file (extract: none at all) — which also catches a file made and removed again.
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { lede, ROOT, tempDir, type Run } from './cli.js';

// A dozen lede processes one after another: minutes, not seconds, on a loaded 2-core machine.
const SPAWNS_MANY = 180_000;

const BUILT = existsSync(join(ROOT, 'dist/cli/main.js'));
const SAMPLES = join(ROOT, 'samples');

/** Every entry under dir (folders included) with its type, size and mtime: any write shows. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      out[join(rel, name)] = `${st.isDirectory() ? 'd' : st.isSymbolicLink() ? 'l' : 'f'} ${st.isDirectory() ? '' : st.size} ${st.mtimeMs} ${st.mode}`;
      if (st.isDirectory()) walk(p, join(rel, name));
    }
  };
  walk(dir, '');
  return out;
}

let home: string, tmp: string, cwd: string, inputs: string, dbDir: string, traces: string;
let watched: Record<string, string>;
const snapAll = () => Object.fromEntries(Object.entries(watched).map(([k, d]) => [k, snapshot(d)]));

beforeAll(() => {
  const root = tempDir('lede-writes-');
  const at = (n: string) => join(root, n);
  [home, tmp, cwd, inputs, dbDir, traces] = [at('home'), at('tmp'), at('cwd'), at('inputs'), at('db'), at('traces')];
  for (const d of [home, tmp, cwd, inputs, dbDir, traces]) mkdirSync(d);
  mkdirSync(join(inputs, 'world'));
  for (const f of readdirSync(SAMPLES)) copyFileSync(join(SAMPLES, f), join(inputs, 'world', f));
  writeFileSync(join(inputs, 'packed.txt.gz'), gzipSync(readFileSync(join(SAMPLES, 'library-reopens-clean.txt'))));
  writeFileSync(join(inputs, 'empty.html'), ''); // a failure is reported, not logged to a file
  watched = { home, tmp, cwd, inputs };
});

/** lede with HOME, TMPDIR (and TMP, TEMP) and cwd in the fresh folders, and nothing else of ours in the environment. */
const run = (args: string[], prefix?: string[], input?: string): Promise<Run> =>
  lede(args, { cwd, cleanEnv: true, prefix, input, env: { HOME: home, TMPDIR: tmp, TMP: tmp, TEMP: tmp, XDG_CONFIG_HOME: undefined, XDG_CACHE_HOME: undefined } });

const dbFiles = (db: string) => [db, `${db}-wal`, `${db}-shm`, `${db}-journal`];

/** The commands of a typical session, each with the database files it may write. */
function session(tag: string): { name: string; args: string[]; writes: string[]; input?: string }[] {
  const a = join(dbDir, `${tag}-a.db`);
  const b = join(dbDir, `${tag}-b.db`);
  const all = join(dbDir, `${tag}-all.db`);
  return [
    { name: 'ingest (folder, workers)', args: ['--db', a, 'ingest', '-j', '2', inputs], writes: dbFiles(a) },
    { name: 'ingest again (unchanged, skipped)', args: ['--db', a, 'ingest', inputs], writes: dbFiles(a) },
    { name: 'ingest --from-jsonl', args: ['--db', b, 'ingest', '--from-jsonl', '-'], writes: dbFiles(b), input: 'EXTRACTED' },
    { name: 'search', args: ['--db', a, 'search', 'harbour OR library'], writes: dbFiles(a) },
    { name: 'list', args: ['--db', a, 'list'], writes: dbFiles(a) },
    { name: 'show', args: ['--db', a, 'show', '1'], writes: dbFiles(a) },
    { name: 'stats', args: ['--db', a, 'stats'], writes: dbFiles(a) },
    { name: 'export', args: ['--db', a, 'export', '--format', 'csv'], writes: dbFiles(a) },
    // A shard is read in WAL mode: SQLite may create its -wal/-shm while reading.
    { name: 'merge', args: ['--db', all, 'merge', a, b], writes: [...dbFiles(all), ...dbFiles(a), ...dbFiles(b)] },
  ];
}

describe.skipIf(!BUILT)('nothing written outside --db and stdout', () => {
  it('lede extract changes nothing in HOME, TMPDIR, the working directory or the inputs', async () => {
    const before = snapAll();
    const r = await run(['extract', '-j', '2', inputs]);
    expect(r.stdout.split('\n').filter(Boolean).length).toBe(readdirSync(SAMPLES).length + 2);
    expect(r.code).toBe(1); // empty.html, named on stderr
    expect(snapAll()).toEqual(before);
    expect(readdirSync(dbDir)).toEqual([]);
  });

  it('ingest, search, list, show, stats, export and merge change only their database files', async () => {
    const extracted = (await run(['extract', inputs])).stdout;
    for (const step of session('snap')) {
      const before = snapAll();
      const r = await run(step.args, undefined, step.input === 'EXTRACTED' ? extracted : undefined);
      expect(r.stderr, step.name).not.toMatch(/internal error/);
      expect([0, 1], `${step.name}: ${r.stderr}`).toContain(r.code);
      expect(snapAll(), step.name).toEqual(before);
      for (const name of readdirSync(dbDir)) expect(dbFiles(join(dbDir, name.replace(/-(wal|shm|journal)$/, ''))), step.name).toContain(join(dbDir, name));
    }
    expect(readdirSync(dbDir).filter((n) => n.endsWith('.db')).sort()).toEqual(['snap-a.db', 'snap-all.db', 'snap-b.db']);
  }, SPAWNS_MANY);

  const strace = spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', 'true']).status === 0;
  if (!strace) it.skip('under strace (strace missing or not allowed to trace here): every write names a database file', () => {});
  it.skipIf(!strace)('under strace: every write-like system call of every thread names a database file; extract makes none', async () => {
    const SYSCALLS = 'openat,open,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat,rmdir,link,linkat,symlink,symlinkat,truncate,chmod,fchmodat,utimensat';
    const traced = async (tag: string, args: string[], input?: string) => {
      const prefix = join(traces, tag);
      const r = await run(args, ['strace', '-ff', '-qq', '-e', `trace=${SYSCALLS}`, '-o', prefix], input);
      const lines = readdirSync(traces).filter((f) => f.startsWith(`${tag}.`)).flatMap((f) => readFileSync(join(traces, f), 'utf8').split('\n'));
      for (const f of readdirSync(traces)) if (f.startsWith(`${tag}.`)) rmSync(join(traces, f));
      // Reads are fine; anything that opens for writing or changes the file system is collected.
      const writes = lines
        .filter((l) => /^(open|openat|creat)\(/.test(l) ? /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND/.test(l) : /^\w+\(/.test(l) && !l.startsWith('open'))
        .filter((l) => !/= -1 E/.test(l) || /^(open|openat|creat)\(/.test(l))
        .map((l) => /"((?:[^"\\]|\\.)*)"/.exec(l)?.[1] ?? l);
      return { r, writes };
    };
    const ex = await traced('extract', ['extract', '-j', '2', inputs]);
    expect(ex.r.stdout).toContain('"headline"');
    expect(ex.writes).toEqual([]);
    const extracted = ex.r.stdout;
    // The writing commands and search (which may index what a stopped run left); the other readers
    // are covered by the snapshots above, and each traced run costs seconds.
    const steps = session('trace').filter((s) => /ingest|search|merge/.test(s.name) && !s.name.includes('again'));
    for (const [i, step] of steps.entries()) {
      const { r, writes } = await traced(`s${i}`, step.args, step.input === 'EXTRACTED' ? extracted : undefined);
      expect([0, 1], `${step.name}: ${r.stderr}`).toContain(r.code);
      expect(writes.filter((p) => !step.writes.includes(p)), step.name).toEqual([]);
    }
  });
});
