// The built CLI against its inputs and outputs: closed pipes, absurd command lines, batches
// mixing every kind of bad file, documents too slow to finish. Every bad input is named once on
// stderr as `path: reason`; the good ones are still stored (database checked for consistency).
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../src/types.js';
import { articleHtml, articleText, BIN, BUILT, corpus, dbState, failureLines, fakeIo, lede, ROOT, tempDir } from './helpers.js';

if (!BUILT) console.warn('skipping robustness CLI tests: dist/ is missing (run `npm run build`; `npm test` does it)');

describe.skipIf(!BUILT)('pipes and command lines', () => {
  let dir: string;
  beforeAll(() => { dir = corpus(150); });

  it('ingest --json whose reader stops after 100 bytes still stores everything, quietly', () => {
    const db = join(tempDir(), 'pipe.db');
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" ingest --json "${dir}" --db "${db}" | head -c 100 >/dev/null; echo "lede=\${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toContain('lede=0');
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(dbState(db)).toEqual({ rows: 150, integrity: 'ok', fts: 'ok' });
  }, 60_000);

  it('stdout closed before the start (>&-): ingest --json exits normally and stores everything', () => {
    const db = join(tempDir(), 'closed.db');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ingest --json "${dir}" --db "${db}" >&-; echo "lede=$?"`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toContain('lede=0');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(dbState(db).rows).toBe(150);
  }, 60_000);

  it('--files-from a missing list, stdin twice: exit 2 with one line', async () => {
    const missing = join(tempDir(), 'no-such-list.txt');
    for (const [args, reason] of [
      [['extract', '--files-from', missing], `cannot read --files-from ${missing}: no such file or directory`],
      [['extract', '-', '-'], 'stdin (-) can be read only once'],
      [['ingest', '--files-from', '-', '-', '--db', join(tempDir(), 'x.db')], 'stdin cannot be both --files-from - and an input (-)'],
    ] as const) {
      const io = fakeIo();
      expect(await main([...args], io)).toBe(2);
      expect(io.err().trim().split('\n')).toEqual([`lede: ${reason}`]);
    }
  });

  it('12,000 arguments: every missing path named, the real ones stored', () => {
    const real = Array.from({ length: 50 }, (_, i) => join(dir, `a${String(i).padStart(5, '0')}.txt`));
    const missing = Array.from({ length: 11_950 }, (_, i) => join(dir, `missing-${i}.txt`));
    const db = join(tempDir(), 'args.db');
    const r = lede(['ingest', '--db', db, ...real, ...missing]);
    expect(r.status).toBe(1);
    expect(failureLines(r.stderr)).toHaveLength(11_950);
    expect(failureLines(r.stderr)[0]).toBe(`${missing[0]}: no such file or directory`);
    expect(dbState(db)).toEqual({ rows: 50, integrity: 'ok', fts: 'ok' });
  }, 60_000);

  it('--files-from - -0 with spaces, newlines and non-ASCII in file names', () => {
    const d = tempDir();
    const names = ['with space.txt', 'new\nline.txt', 'ünï—código 記事.txt', '-dash.txt'];
    names.forEach((n, i) => writeFileSync(join(d, n), articleText(100 + i)));
    const r = lede(['extract', '--files-from', '-', '-0'], { input: names.map((n) => join(d, n)).join('\0') + '\0' });
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; status: string });
    expect(rows.map((x) => x.source)).toEqual(names.map((n) => join(d, n)));
    expect(rows.every((x) => x.status === 'ok')).toBe(true);
  });
});

describe.skipIf(!BUILT)('a batch of every kind of bad file', () => {
  it('each bad input is one `path: reason` line, the good ones are stored, the run ends in bounded time', () => {
    const d = tempDir();
    const p = (n: string) => join(d, n);
    for (let i = 0; i < 3; i++) writeFileSync(p(`good${i}.html`), articleHtml(i));
    writeFileSync(p('empty.html'), '');
    writeFileSync(p('spaces.txt'), ' \n\t\n');
    writeFileSync(p('nuls.txt'), Buffer.alloc(2048));
    writeFileSync(p('image.html'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3000, 7)]));
    writeFileSync(p('random.txt'), Buffer.from(Array.from({ length: 30_000 }, (_, i) => (i * 2654435761) >>> 24)));
    const gz = gzipSync(articleHtml(9));
    writeFileSync(p('cut.html.gz'), gz.subarray(0, gz.length - 10));
    const big = openSync(p('huge.txt'), 'w');
    ftruncateSync(big, 50 * 1024 * 1024 + 1);
    closeSync(big);
    execFileSync('mkfifo', [p('fifo.html')]);
    mkdirSync(p('folder.html'));
    symlinkSync('loop-b.html', p('loop-a.html'));
    symlinkSync('loop-a.html', p('loop-b.html'));
    const list = ['good0.html', 'empty.html', 'spaces.txt', 'nuls.txt', 'image.html', 'random.txt', 'cut.html.gz', 'huge.txt',
      'fifo.html', 'folder.html', 'loop-a.html', 'missing.html', 'good1.html', 'good2.html'].map(p);
    list.splice(9, 0, '/dev/zero');
    writeFileSync(p('list'), list.join('\n') + '\n');
    const db = p('bad.db');
    const r = lede(['ingest', '--files-from', p('list'), '--db', db], { timeoutMs: 60_000 });
    expect(r.status).toBe(1);
    expect(r.seconds).toBeLessThan(30);
    expect(failureLines(r.stderr)).toEqual([
      `${p('empty.html')}: empty file`,
      `${p('spaces.txt')}: no text in file (only whitespace or NUL bytes)`,
      `${p('nuls.txt')}: no text in file (only whitespace or NUL bytes)`,
      `${p('image.html')}: binary file (PNG image), not text`,
      `${p('random.txt')}: binary file (control characters throughout), not text`,
      `${p('cut.html.gz')}: corrupt gzip data (unexpected end of file)`,
      `${p('huge.txt')}: file too large (50.0 MiB, limit 50 MiB)`,
      `${p('fifo.html')}: not a regular file`,
      '/dev/zero: not a regular file',
      // A folder named in a list is walked like any folder: it holds nothing, so it adds nothing.
      `${p('loop-a.html')}: too many levels of symbolic links`,
      `${p('missing.html')}: no such file or directory`,
    ]);
    expect(r.stderr).toMatch(/stored 3, .*failed 11/);
    expect(dbState(db)).toEqual({ rows: 3, integrity: 'ok', fts: 'ok' });
    expect(existsSync(p('fifo.html'))).toBe(true);
  }, 60_000);

  it('a big document named alone still runs under the time limit (in a worker); a small one runs in-process', () => {
    // A pathological page takes minutes in proportion to its size; before, a file named alone
    // was always extracted in-process, where no limit applies.
    const d = tempDir();
    const big = join(d, 'big.txt');
    writeFileSync(big, Array.from({ length: 2500 }, (_, i) => articleText(i)).join('\n'));
    const small = join(d, 'small.txt');
    writeFileSync(small, articleText(1));
    const r = lede(['extract', '--timeout', '0.05', big], { timeoutMs: 40_000 });
    expect(r.status).toBe(1);
    expect(failureLines(r.stderr)).toEqual([`${big}: extraction took longer than 0.05 s; skipped`]);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'error', error: 'extraction took longer than 0.05 s; skipped' });
    const s = lede(['extract', '--timeout', '0.05', small]);
    expect(s.status).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ status: 'ok' });
  }, 60_000);
});

describe.skipIf(!BUILT)('the worker pool', () => {
  it('a worker that exits in the middle of a document fails that document; the pool goes on', async () => {
    // Workers exist only in the build; a worker ending without an 'error' event (terminated,
    // process.exit in a dependency) used to leave its document waiting forever.
    const { WorkerPool } = await import(join(ROOT, 'dist/cli/pool.js')) as typeof import('../../src/cli/pool.js');
    const pool = new WorkerPool(1, 10_000);
    try {
      const doomed = pool.run({ source: 'a.txt', bytes: Buffer.from(articleText(1).repeat(500)) }, DEFAULT_EXTRACT_OPTIONS);
      const slot = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots[0]!;
      void slot.worker.terminate();
      await expect(doomed).rejects.toThrow(/worker exited unexpectedly/);
      const next = await pool.run({ source: 'b.txt', bytes: Buffer.from(articleText(2)) }, DEFAULT_EXTRACT_OPTIONS);
      expect(next.result!.status).toBe('ok');
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('the documents sent behind one that kills its worker or runs past the limit are extracted by the next worker', async () => {
    // A worker holds the next document while it extracts one; losing the worker must not lose it.
    const { WorkerPool } = await import(join(ROOT, 'dist/cli/pool.js')) as typeof import('../../src/cli/pool.js');
    const slow = { source: 'slow.txt', bytes: Buffer.from(Array.from({ length: 12_000 }, (_, i) => articleText(i)).join('\n')) };
    const small = (i: number) => ({ source: `s${i}.txt`, bytes: Buffer.from(articleText(i)) });
    const pool = new WorkerPool(1, 1500);
    try {
      const slot = (pool as unknown as { slots: { jobs: unknown[] }[] }).slots[0]!;
      const runs = [pool.run(slow, DEFAULT_EXTRACT_OPTIONS), pool.run(small(1), DEFAULT_EXTRACT_OPTIONS), pool.run(small(2), DEFAULT_EXTRACT_OPTIONS)];
      expect(slot.jobs.length).toBe(2); // the slow one and the next; the third waits in the queue
      const outcomes = await Promise.all(runs.map((r) => r.then((x) => x.result!.status, (e: Error) => e.message)));
      expect(outcomes).toEqual(['extraction took longer than 1.5 s; skipped', 'ok', 'ok']);
      const doomed = pool.run(slow, DEFAULT_EXTRACT_OPTIONS);
      const behind = pool.run(small(3), DEFAULT_EXTRACT_OPTIONS);
      void (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots[0]!.worker.terminate();
      await expect(doomed).rejects.toThrow(/worker exited unexpectedly/);
      expect((await behind).result).toMatchObject({ status: 'ok', source: 's3.txt' });
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('a document that runs a worker out of its heap is tried again with the bigger heap; only past that it fails', async () => {
    // Pool workers have a heap for ordinary pages (a cap near 2 GB made V8 grow each worker's
    // heap to ~4x its live size in bulk runs); a big page must still come out.
    const { WorkerPool } = await import(join(ROOT, 'dist/cli/pool.js')) as typeof import('../../src/cli/pool.js');
    const para = `<p>${'The council said the new road would open next spring, after two years of delays. '.repeat(4)}</p>`;
    // ~10 MB: a 3 MB page no longer runs a 32 MB heap out since the HTML path allocates less.
    const big = { source: 'big.html', bytes: Buffer.from(`<html><head><title>Big</title></head><body><article><h1>Big page</h1>${para.repeat(30_000)}</article></body></html>`) };
    const small = { source: 'small.html', bytes: Buffer.from(articleHtml(1)) };
    const outcome = async (limits: { heapMb: number; retryHeapMb: number }) => {
      const pool = new WorkerPool(1, 60_000, limits);
      try {
        const first = await pool.run(big, DEFAULT_EXTRACT_OPTIONS).then((r) => r.result!.status, (e: Error) => e.message);
        const next = (await pool.run(small, DEFAULT_EXTRACT_OPTIONS)).result!.status;
        return { first, next, oneOffsLeft: (pool as unknown as { oneOffs: Set<unknown> }).oneOffs.size };
      } finally {
        await pool.close();
      }
    };
    expect(await outcome({ heapMb: 32, retryHeapMb: 512 })).toEqual({ first: 'ok', next: 'ok', oneOffsLeft: 0 });
    expect(await outcome({ heapMb: 32, retryHeapMb: 32 })).toEqual({ first: expect.stringMatching(/^worker died: .*memory limit/), next: 'ok', oneOffsLeft: 0 });
  }, 60_000);
});
