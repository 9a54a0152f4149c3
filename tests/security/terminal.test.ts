// Control characters never reach a terminal. Headlines, tags, decks, bodies, urls and paths
// holding ESC sequences (clear screen, OSC 8 links, window titles), BEL, CR, backspace, C1 CSI and
// bidi overrides go in through --from-jsonl rows and file names; every human view (list, show,
// search, list --sources, stats, CSV on a terminal, failure and error lines, verbose lines)
// must show them escaped — with a colour terminal, nothing but lede's own colour codes — and every
// JSON view must hold them as \u escapes that parse back to the stored value.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledeInProcess as lede } from './in-process.js';
import { extractLine, RAW_SEQUENCES, TERMINAL_HOSTILE, UNSAFE, type JsonlRow } from './hostile-values.js';
import { tempDir } from './cli.js';


// lede's own codes on a colour terminal: SGR colours/bold and the progress line's redraw.
const OWN_CODES = /\x1b\[[0-9;]*m|\r\x1b\[K/g;
const leftover = (s: string) => {
  const m = UNSAFE.exec(s.replace(OWN_CODES, ''));
  return m ? JSON.stringify(s.replace(OWN_CODES, '').slice(Math.max(0, m.index - 20), m.index + 20)) : null;
};

/** A hostile piece as part of a file name (no slash). */
const named = (h: string) => h.replaceAll('/', '|');

const rows: JsonlRow[] = TERMINAL_HOSTILE.map((h, i) => ({
  source: `feed/${i} ${h}.txt`,
  tag: `tag ${h}`,
  headline: `Harbour story ${i} ${h}`,
  deck: `deck ${h}`,
  byline: `By ${h}`,
  body: `The harbour bridge ${i} reopened ${h} on Monday.\n\nSecond paragraph ${h} with more harbour news.`,
  url: `https://example.com/${i}?q=${h}`,
}));

let work: string;
let db: string;
let files: string;
const ingested: { code: number; out: string; err: string }[] = [];

beforeAll(async () => {
  work = tempDir('lede-term-');
  db = join(work, 'hostile.db');
  files = join(work, 'files');
  mkdirSync(files);
  TERMINAL_HOSTILE.forEach((h, i) => {
    // File names: a good article and an empty file (a failure line) for each hostile piece.
    writeFileSync(join(files, `good ${i} ${named(h)}.txt`), `Harbour file story ${i}\n\nThe harbour ferry ${i} sailed on time this morning for the first time in weeks, officials said.\n\nPassengers welcomed the change after a month of delays.\n`);
    writeFileSync(join(files, `empty ${i} ${named(h)}.html`), '');
  });
  const jsonl = [...rows.map(extractLine), JSON.stringify({ ...JSON.parse(extractLine(rows[0]!)), format: 'html\x1b[2J\x9b\u202e' })].join('\n') + '\n';
  ingested.push(await lede(['--db', db, 'ingest', '--from-jsonl', '-', '--json'], { stdin: jsonl, tty: true }));
  ingested.push(await lede(['--db', db, 'ingest', files], { tty: true }));
});

describe('terminal output escapes control characters', () => {
  it('the failure lines of ingest (bad jsonl line, empty files named with ESC sequences) and its summary', () => {
    const [jsonl, folder] = ingested;
    expect(folder!.code).toBe(1);
    expect(folder!.err).toContain('\\x1b[2J');
    expect(folder!.err).toContain('report\\u202efdp.exe');
    expect(jsonl!.err.replace(OWN_CODES, '')).toMatch(/stdin:9: .*format.*html\\u001b\[2J\\x9b\\u202e/);
    for (const r of ingested) expect(leftover(r.err)).toBeNull();
  });

  for (const tty of [true, false]) {
    const where = tty ? 'on a colour terminal' : 'in a pipe';
    it(`list, list --sources, show, search, stats and CSV export show every value escaped (${where})`, async () => {
      const runs = [
        await lede(['--db', db, 'list'], { tty }),
        await lede(['--db', db, 'list', '--sources'], { tty }),
        await lede(['--db', db, 'search', 'harbour'], { tty }),
        await lede(['--db', db, 'search', 'window'], { tty }),
        await lede(['--db', db, 'stats'], { tty }),
        await lede(['--db', db, '-v', 'export', '--format', 'csv'], { tty: true }),
      ];
      for (let id = 1; id <= rows.length + TERMINAL_HOSTILE.length; id++) runs.push(await lede(['--db', db, 'show', String(id)], { tty }));
      for (const r of runs) {
        expect(r.code).toBe(0);
        expect(leftover(r.out)).toBeNull();
        expect(leftover(r.err)).toBeNull();
      }
      const all = runs.map((r) => r.out).join('\n');
      // The values are there, escaped, not dropped.
      expect(all).toContain('Harbour story 0 \\x1b[2J\\x1b[H');
      expect(all).toContain('\\x1b]8;;https://evil.example/\\x07click me');
      expect(all).toContain('over\\rWRITTEN');
      expect(all).toContain('\\x9b2J c1 csi \\x85 nel');
      expect(all).toContain('good 6 report\\u202efdp.exe.txt');
      // Each list line is still one line of 4 tab-separated fields.
      for (const line of runs[0]!.out.trimEnd().split('\n')) expect(line.split('\t')).toHaveLength(4);
      // The search hit marks are lede's own: bold on a terminal, brackets in a pipe.
      expect(runs[2]!.out).toContain(tty ? '\x1b[1mharbour\x1b[22m' : '[harbour]');
    });
  }

  it('error lines: a search syntax error, an unknown option and a missing database named with control characters', async () => {
    const runs = [
      await lede(['--db', db, 'search', 'harbour AND \x1b[2J"'], { tty: true }),
      await lede(['--db', db, 'list', '--bogus\x1b]0;title\x07'], { tty: true }),
      await lede(['--db', join(work, 'missing\x1b[2J\u202e.db'), 'list'], { tty: true }),
      await lede(['--db', db, 'search', 'nothingmatches\x9bx'], { tty: true }),
    ];
    expect(runs.map((r) => r.code)).toEqual([2, 2, 3, 0]);
    for (const r of runs) {
      expect(leftover(r.err)).toBeNull();
      for (const raw of RAW_SEQUENCES) expect(r.err.replace(OWN_CODES, '')).not.toContain(raw);
    }
    expect(runs[2]!.err).toContain('missing\\x1b[2J\\u202e.db');
  });

  it('JSON views hold the characters as \\u escapes and parse back to exactly the stored values', async () => {
    const byId = new Map<number, Record<string, unknown>>();
    const parse = (s: string) => s.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const runs = {
      ingest: ingested[0]!,
      list: await lede(['--db', db, 'list', '--json'], { tty: true }),
      sources: await lede(['--db', db, 'list', '--sources', '--json'], { tty: true }),
      search: await lede(['--db', db, 'search', '--json', 'harbour'], { tty: true }),
      stats: await lede(['--db', db, 'stats', '--json'], { tty: true }),
      extract: await lede(['extract', files], { tty: true }),
      export: await lede(['--db', db, 'export'], { tty: true }),
    };
    for (const [name, r] of Object.entries(runs)) expect(UNSAFE.test(r.out), name).toBe(false);
    for (const a of parse(runs.list.out)) byId.set(a.id as number, a);
    rows.forEach((row, i) => {
      const a = byId.get(i + 1)!;
      for (const k of ['source', 'tag', 'headline', 'deck', 'byline', 'body', 'url'] as const) expect(a[k], `${k} of row ${i}`).toBe(row[k]);
    });
    expect(parse(runs.ingest.out).map((a) => a.headline)).toEqual(rows.map((r) => r.headline));
    const paths = parse(runs.sources.out).map((s) => s.path);
    for (const [i, h] of TERMINAL_HOSTILE.entries()) expect(paths).toContain(join(files, `empty ${i} ${named(h)}.html`));
    const stats = parse(runs.stats.out)[0] as { byTag: { key: string }[] };
    expect(stats.byTag.map((b) => b.key)).toEqual(expect.arrayContaining(rows.map((r) => r.tag)));
    expect(parse(runs.extract.out).map((r) => r.source)).toEqual(expect.arrayContaining(TERMINAL_HOSTILE.map((h, i) => join(files, `good ${i} ${named(h)}.txt`))));
    expect(parse(runs.search.out).length).toBeGreaterThan(rows.length);
    expect(parse(runs.export.out)).toHaveLength(rows.length + TERMINAL_HOSTILE.length);
  });
});
