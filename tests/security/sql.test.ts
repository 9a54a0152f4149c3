// All SQL is parameterized. Two checks: an audit of src/store (every value interpolated into SQL
// text is one of a reviewed list of constants; a new one fails here until it is looked at), and
// hostile values — SQL injections, quotes, LIKE wildcards, FTS5 operators, control characters — in
// headlines, bodies, tags and paths, which must come back verbatim through ingest → show --json,
// list, search, with the schema and every other row untouched.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../cli/fake-io.js';
import { ROOT, tempDir } from './cli.js';
import { extractLine, SQL_HOSTILE, TERMINAL_HOSTILE, type JsonlRow } from './hostile-values.js';

async function lede(args: string[], stdin?: string) {
  const io = fakeIo({ env: { NO_COLOR: '1' }, ...(stdin !== undefined ? { stdin: Readable.from([stdin]) } : {}) });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}
const parse = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('SQL in src/store', () => {
  // Every ${…} inside a template literal that holds SQL, as written in the source. All are lede's
  // own constants (column lists, fixed filter clauses, numbers from code), never a value.
  const REVIEWED = new Set([
    'ROW_COLUMNS', 'SOURCE_COLUMNS', 'APPLICATION_ID', 'm.version', 'col', 'where', 'SNIPPET_TOKENS',
    'Math.max(0, Math.floor(busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))',
    "filters.map((f) => FILTERS[f]).join(' AND ')", "order === 'desc' ? 'DESC' : 'ASC'",
    "INSERT_COLUMNS.join(', ')", "INSERT_COLUMNS.map((c) => '@' + c).join(', ')",
    "ROW_COLUMNS.split(', ').map((c) => 'a.' + c).join(', ')", "RANK_WEIGHTS.join(', ')",
    "opts.status ? 'WHERE status = @status' : ''",
  ]);
  it('interpolates only reviewed constants into SQL text', () => {
    const dir = join(ROOT, 'src/store');
    const found: string[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const m of text.matchAll(/`((?:[^`\\]|\\.)*)`/gs)) {
        const before = text.slice(Math.max(0, m.index - 30), m.index);
        if (!/\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|WHERE|CREATE|DROP|ALTER|MATCH)\b/.test(m[1]!) && !/pragma\(\s*$/.test(before)) continue;
        for (const e of m[1]!.matchAll(/\$\{((?:[^{}]|\{[^{}]*\})*)\}/g)) found.push(`${f}: ${e[1]}`);
      }
    }
    expect(found.length).toBeGreaterThan(10); // the scan sees the statements
    expect(found.filter((e) => !REVIEWED.has(e.slice(e.indexOf(': ') + 2)))).toEqual([]);
  });
});

describe('hostile values round-trip verbatim', () => {
  let work: string;
  let db: string;
  let extracted: Record<string, unknown>[];
  const jsonlRows: JsonlRow[] = [...SQL_HOSTILE, ...TERMINAL_HOSTILE].map((h, i) => ({
    source: `jsonl/${i} ${h}`, tag: h, headline: `Jsonl story ${i}: ${h}`, deck: h, byline: h,
    body: `The ferry ${i} sailed. ${h}\n\nSecond paragraph ${i}: ${h}`, url: `https://example.com/?q=${h}`,
  }));

  beforeAll(async () => {
    work = tempDir('lede-sql-');
    db = join(work, 'hostile.db');
    SQL_HOSTILE.forEach((h, i) => {
      // The folder name becomes the tag (--tag-from-folder); the file name is the path.
      const folder = join(work, 'pages', h.replaceAll('/', '|'));
      mkdirSync(folder, { recursive: true });
      const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
      writeFileSync(join(folder, `${i} ${h.replaceAll('/', '|')}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(`Harbour ${i} ${h}`)}</title></head><body><article><h1>${esc(`Harbour ${i} ${h}`)}</h1>
        <p>The harbour works number ${i} reached their final stage on Monday morning, three weeks earlier than planned, engineers said. ${esc(h)}</p>
        <p>Crews replaced corroded cables along the northern span, and the council said the cost stayed within the estimate. ${esc(h)}</p>
        <p>Traffic returns to all lanes on Tuesday after the last load tests, officials said in a statement on the works.</p></article></body></html>`);
    });
    extracted = parse((await lede(['extract', '--tag-from-folder', join(work, 'pages')])).out);
    const ingest = await lede(['--db', db, 'ingest', '--tag-from-folder', join(work, 'pages')]);
    expect(ingest.code, ingest.err).toBe(0);
    const fromJsonl = await lede(['--db', db, 'ingest', '--from-jsonl', '-'], jsonlRows.map(extractLine).join('\n') + '\n');
    expect(fromJsonl.code, fromJsonl.err).toBe(0);
  });

  it('pages: the hostile text is extracted, and the stored row is exactly what extract printed', async () => {
    expect(extracted).toHaveLength(SQL_HOSTILE.length);
    const stored = new Map(parse((await lede(['--db', db, 'list', '--json'])).out).map((a) => [a.source, a]));
    for (const r of extracted) {
      const i = Number(/Harbour (\d+)/.exec(String(r.headline))?.[1]);
      expect(r.headline).toContain(SQL_HOSTILE[i]!);
      expect(r.body).toContain(SQL_HOSTILE[i]!);
      expect(r.tag).toBe(SQL_HOSTILE[i]);
      const row = stored.get(r.source)!;
      expect(row, String(r.source)).toBeDefined();
      for (const k of ['source', 'headline', 'deck', 'body', 'tag', 'byline', 'url', 'content_hash']) expect(row[k], k).toBe(r[k]);
    }
  });

  it('jsonl rows: every field, control characters included, comes back from show --json, list --json and search --json', async () => {
    const listed = parse((await lede(['--db', db, 'list', '--json'])).out);
    expect(listed).toHaveLength(SQL_HOSTILE.length + jsonlRows.length);
    for (const [i, want] of jsonlRows.entries()) {
      const id = SQL_HOSTILE.length + i + 1;
      const shown = parse((await lede(['--db', db, 'show', '--json', String(id)])).out)[0]!;
      for (const k of ['source', 'tag', 'headline', 'deck', 'byline', 'body', 'url'] as const) {
        expect(shown[k], `${k} of row ${id}`).toBe(want[k]);
        expect(listed[id - 1]![k]).toBe(want[k]);
      }
    }
    const hits = parse((await lede(['--db', db, 'search', '--json', '--limit', '100', 'ferry'])).out);
    expect(hits.map((h) => h.headline).sort()).toEqual(jsonlRows.map((r) => r.headline).sort());
  });

  it('filters take values as values: a tag of % or _ matches only itself, and an injected tag matches its own rows', async () => {
    for (const t of ['%', '_', "' OR '1'='1", '%harbour%']) expect((await lede(['--db', db, 'list', '--tag', t])).out, t).toBe('');
    for (const t of SQL_HOSTILE) {
      const rows = parse((await lede(['--db', db, 'list', '--json', '--tag', t])).out);
      expect(rows.map((r) => r.tag), t).toEqual([t, t]); // the page's and the jsonl row's
    }
    const bad = await lede(['--db', db, 'list', '--since', "2024' OR 1=1 --"]);
    expect(bad.code).toBe(2);
  });

  it('searching for the injections finds their rows and changes nothing', async () => {
    const before = new Database(db, { readonly: true });
    const schema = before.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
    const counts = before.prepare('SELECT (SELECT count(*) FROM articles) AS a, (SELECT count(*) FROM sources) AS s').get();
    before.close();
    const hits = parse((await lede(['--db', db, 'search', '--json', '"DROP TABLE articles"'])).out);
    expect(hits.map((h) => h.headline)).toEqual(expect.arrayContaining([`Harbour 0 ${SQL_HOSTILE[0]}`, `Jsonl story 0: ${SQL_HOSTILE[0]}`]));
    for (const q of SQL_HOSTILE) {
      const r = await lede(['--db', db, 'search', q]);
      expect([0, 2], `${q}: ${r.err}`).toContain(r.code); // found, or a one-line syntax error
      expect(r.err).not.toMatch(/internal error|\n\s+at /);
    }
    const after = new Database(db, { readonly: true });
    expect(after.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all()).toEqual(schema);
    expect(after.prepare('SELECT (SELECT count(*) FROM articles) AS a, (SELECT count(*) FROM sources) AS s').get()).toEqual(counts);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    after.close();
  });
});
