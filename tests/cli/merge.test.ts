// `lede merge`: shard databases combined give exactly what one machine gives, and a file that is
// not a lede database (or from a newer lede) is refused in one line before anything is written.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { DEFAULT_EXTENSIONS, discover } from '../../src/input/discover.js';
import { LATEST_VERSION } from '../../src/store/index.js';
import { tempDir } from '../robustness/helpers.js';
import { fakeIo } from './fake-io.js';
import { dumpDb, ftsHits, mixedFolder } from './shard.js';

async function lede(args: string[]) {
  const io = fakeIo({ env: { NO_COLOR: '1' } });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** The folder's inputs in walk order, cut in two halves (as two machines would take them). */
function halves(dir: string): [string[], string[]] {
  const paths = [...discover([dir], { extensions: DEFAULT_EXTENSIONS })].map((i) => (i.kind === 'file' ? i.path : ''));
  const mid = Math.ceil(paths.length / 2);
  return [paths.slice(0, mid), paths.slice(mid)];
}

describe('lede merge', () => {
  it('a sharded extract (two halves, lede extract each, --from-jsonl into two databases, merge) gives the rows and sources of one ingest', async () => {
    const dir = mixedFolder(tempDir('lede-merge-'), 30);
    const work = tempDir('lede-merge-');
    const single = join(work, 'single.db');
    expect((await lede(['ingest', dir, '--db', single, '-j', '2'])).code).toBe(1); // empty file, listing page

    const shards: string[] = [];
    for (const [i, half] of halves(dir).entries()) {
      const list = join(work, `half${i}.txt`);
      writeFileSync(list, half.join('\n') + '\n');
      const x = await lede(['extract', '--files-from', list, '-j', '2']);
      writeFileSync(join(work, `half${i}.jsonl`), x.out);
      const db = join(work, `shard${i}.db`);
      await lede(['ingest', '--from-jsonl', join(work, `half${i}.jsonl`), '--db', db]);
      shards.push(db);
    }
    // The copy of gen-000 is in the second half, its original in the first: one article, two shards.
    const [a, b] = shards.map((s) => dumpDb(s));
    const dupHash = a!.articles.find((r) => String(r.source).endsWith('/gen-000.txt'))!.content_hash;
    expect(b!.articles.some((r) => r.content_hash === dupHash)).toBe(true);

    const all = join(work, 'all.db');
    const m = await lede(['merge', ...shards, '--db', all]);
    expect(m.code).toBe(0);
    const want = dumpDb(single);
    expect(want.sources.filter((s) => s.article === dupHash)).toHaveLength(2);
    expect(dumpDb(all)).toEqual(want);
    for (const q of ['harbour', 'cables', 'stage']) expect(ftsHits(all, q)).toEqual(ftsHits(single, q));
    const fts = new Database(all);
    expect(() => fts.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)").run()).not.toThrow();
    fts.close();

    // Merging again changes nothing.
    const again = await lede(['merge', ...shards, '--db', all]);
    expect(again.err).toMatch(/stored 0, updated 0, unchanged \d+/);
    expect(dumpDb(all)).toEqual(want);
  }, 90_000);

  it('keeps size, mtime and hash of directly ingested shards: a re-run over the merged database reads nothing again', async () => {
    const dir = mixedFolder(tempDir('lede-merge-'), 10);
    const work = tempDir('lede-merge-');
    const shards: string[] = [];
    for (const [i, half] of halves(dir).entries()) {
      const list = join(work, `h${i}.txt`);
      writeFileSync(list, half.join('\n') + '\n');
      const db = join(work, `s${i}.db`);
      await lede(['ingest', '--files-from', list, '--db', db, '-j', '1']);
      shards.push(db);
    }
    const all = join(work, 'all.db');
    expect((await lede(['merge', ...shards, '--db', all])).code).toBe(0);
    const rerun = await lede(['ingest', dir, '--db', all, '-j', '1']);
    const sources = dumpDb(all).sources;
    const ok = sources.filter((s) => s.status === 'ok').length;
    const noBody = sources.filter((s) => s.status === 'no_body').length; // also skipped unread; the failed one is tried again
    expect([ok, noBody]).toEqual([20, 1]);
    expect(rerun.err).toMatch(new RegExp(`stored 0, updated 0, unchanged ${ok} \\(${ok + noBody} not read again\\), no body 1, failed 1`));
  }, 60_000);

  it('refuses a foreign database, a newer one and the target itself, in one line, before writing anything', async () => {
    const work = tempDir('lede-merge-');
    const good = join(work, 'good.db');
    await lede(['ingest', mixedFolder(tempDir('lede-merge-'), 2), '--db', good, '-j', '1']);
    const foreign = join(work, 'foreign.db');
    const f = new Database(foreign);
    f.exec('CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)');
    f.close();
    const newer = join(work, 'newer.db');
    const n = new Database(good, { readonly: true });
    await n.backup(newer);
    n.close();
    const nw = new Database(newer);
    nw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    nw.close();
    const text = join(work, 'notes.db');
    writeFileSync(text, 'just some text, not SQLite at all\n'.repeat(10));

    const target = join(work, 'all.db');
    const cases: [string, RegExp][] = [
      [foreign, /^lede: cannot merge ".*foreign\.db": it is a SQLite database, but not one made by lede$/],
      [newer, new RegExp(`^lede: cannot merge ".*newer\\.db": its schema version is ${LATEST_VERSION + 1}, newer than this lede knows \\(${LATEST_VERSION}\\); upgrade lede$`)],
      [text, /^lede: cannot merge ".*notes\.db": /],
      [join(work, 'missing.db'), /^lede: cannot merge ".*missing\.db": no such file$/],
    ];
    for (const [bad, message] of cases) {
      const r = await lede(['merge', good, bad, '--db', target]);
      expect(r.code).toBe(3);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err.trim()).toMatch(message);
      expect(existsSync(target)).toBe(false);
    }
    const self = await lede(['merge', good, '--db', good]);
    expect([self.code, self.err.trim()]).toEqual([2, `lede: "${good}" is the target database (--db); merge other databases into it`]);
  }, 60_000);
});
