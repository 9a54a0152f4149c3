// The fast subset of `npm run torture` (scripts/torture.ts): the hostile mix at small sizes in one
// ingest run and two kill -9 trials, judged by the same code that prints the torture table, plus
// the cases found by the first torture run pinned down one by one.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { killTrials, mixTrial, passed } from './trials.js';
import { articleHtml, BUILT, dbState, lede, summaryCount, tempDir } from './helpers.js';

if (!BUILT) console.warn('skipping torture subset: dist/ is missing (run `npm run build`; `npm test` does it)');

/** Cases of the mix still failing, to be fixed (an entry here that passes fails the test too). */
const KNOWN_FAILING: string[] = [];

describe.skipIf(!BUILT)('torture, fast subset', () => {
  it('hostile mix in one run: every good input stored under its path, every bad one named once, nothing lost or corrupt', () => {
    const rows = mixTrial(tempDir('lede-torture-mix-'), { full: false });
    const perInput = rows.filter((r) => r.case.startsWith('mix: '));
    expect(perInput.length).toBeGreaterThan(45);
    const failing = perInput.filter((r) => !passed(r)).map((r) => r.case);
    expect(failing).toEqual(KNOWN_FAILING);
    const whole = rows.at(-1)!;
    expect(whole.case).toMatch(/^hostile mix, one run/);
    expect(whole.corrupt).toBe(0);
    expect(whole.rowsLost).toBe(rows.filter((r) => KNOWN_FAILING.includes(r.case)).reduce((n, r) => n + r.rowsLost, 0));
  }, 120_000);

  it('kill -9 at two seeded moments of a 300-file ingest: intact, no partial rows, the re-run equals an uninterrupted run', async () => {
    const rows = await killTrials(tempDir('lede-torture-kill-'), { files: 300, trials: 2, seed: 9 });
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => !passed(r))).toEqual([]);
  }, 120_000);

  it.each([1, 2])('a file whose name is not UTF-8 is stored under the escaped name and skipped unchanged on a re-run (-j %i)', (j) => {
    const d = tempDir();
    writeFileSync(Buffer.concat([Buffer.from(join(d, 'caf')), Buffer.from([0xe9]), Buffer.from('.html')]), articleHtml(7));
    const db = join(d, 'x.db');
    const first = lede(['ingest', d, '--db', db, '-j', String(j)]);
    expect(first.stderr).not.toMatch(/no such file/);
    expect(first.status).toBe(0);
    const paths = new Database(db, { readonly: true }).prepare('SELECT path FROM sources').pluck().all();
    expect(paths).toEqual([join(d, 'caf\\xE9.html')]);
    expect(dbState(db).rows).toBe(1);
    const again = lede(['ingest', d, '--db', db, '-j', String(j)]);
    expect(again.status).toBe(0);
    expect(summaryCount(again.stderr, 'unchanged')).toBe(1);
  });
});
