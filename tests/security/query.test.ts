// FTS5 syntax errors are the user's: one line naming the query, what is wrong and what to do,
// exit 2 (README: usage error), never a stack trace; plain words with stray punctuation just work.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/cli/context.js';
import { fakeIo } from '../cli/fake-io.js';
import { lede as built, ROOT, tempDir } from './cli.js';

async function lede(args: string[]) {
  const io = fakeIo({ env: { NO_COLOR: '1' } });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

let db: string;
beforeAll(async () => {
  const dir = tempDir('lede-query-');
  const page = join(dir, 'page.txt');
  writeFileSync(page, 'Schools Get New Funds\n\nThe U.S. schools budget covers covid-19 testing and C++ classes from 5:30pm on weekdays, officials said on Monday.\n\nParents welcomed the plan for the next school year, and teachers said the extra hours would help pupils who fell behind during the closures.\n\nThe council will review the spending again in the spring, when the first results of the testing programme are due.\n');
  db = join(dir, 'q.db');
  expect((await lede(['--db', db, 'ingest', page])).code).toBe(0);
});

const ONE_LINE_ERROR = /^lede: search: bad query syntax in "(?:[^"\\]|\\.)*": [^\n]+ \(hint: [^\n]+\)\n$/;

describe('lede search with malformed FTS5 syntax', () => {
  it.each(['foo AND', '"unclosed', 'a NEAR(', '*', 'col:x', 'AND', 'budget OR', '(schools', 'NOT schools', 'schools + '])('%s: one line with a hint, exit 2, nothing on stdout', async (q) => {
    const r = await lede(['--db', db, 'search', q]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(ONE_LINE_ERROR);
    expect(r.out).toBe('');
  });

  it.skipIf(!existsSync(join(ROOT, 'dist/cli/main.js')))('the built binary prints the same line and no stack trace', async () => {
    const r = await built(['--db', db, 'search', 'budget AND']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(ONE_LINE_ERROR);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  });

  it('plain words with stray punctuation are searched as words, not refused', async () => {
    for (const q of ['U.S. schools', 'covid-19', 'C++ classes', '5:30pm', 'schools, budget!', "officials' plan"]) {
      const r = await lede(['--db', db, 'search', q]);
      expect(r.err, q).toBe('');
      expect(r.code, q).toBe(0);
      expect(r.out, q).toMatch(/^1\tSchools Get New Funds\n/);
    }
  });

  it('raw FTS5 stays available: phrases, OR, NOT, NEAR, prefixes, column filters', async () => {
    for (const q of ['"schools budget"', 'nothing OR parents', 'schools NOT nothing', 'NEAR(schools testing, 5)', 'sch*', 'headline:funds', '{headline deck}:schools']) {
      const r = await lede(['--db', db, 'search', q]);
      expect(r.code, `${q}: ${r.err}`).toBe(0);
      expect(r.out, q).toMatch(/^1\t/);
    }
  });
});
