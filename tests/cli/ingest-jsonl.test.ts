// `lede ingest --from-jsonl`: the rows `lede extract` printed, stored as a direct ingest would
// store them; every bad line named FILE:LINE with the reason, the good ones still stored.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseExtractLine } from '../../src/cli/jsonl.js';
import { main } from '../../src/cli/main.js';
import { tempDir } from '../robustness/helpers.js';
import { fakeIo } from './fake-io.js';
import { dumpDb, ftsHits, mixedFolder } from './shard.js';

async function lede(args: string[], stdin?: string) {
  const io = fakeIo({ env: { NO_COLOR: '1' }, ...(stdin !== undefined ? { stdin: Readable.from([stdin]) } : {}) });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

const okLine = (text: string) => text.split('\n').find((l) => l.includes('"status":"ok"'))!;

describe('parseExtractLine', () => {
  it('takes back what lede extract printed, key for key', async () => {
    const dir = mixedFolder(tempDir('lede-jsonl-'), 2);
    const { out } = await lede(['extract', dir, '-j', '1']);
    const lines = out.trim().split('\n');
    for (const line of lines) {
      const p = parseExtractLine(line);
      expect(p.ok).toBe(true);
      if (p.ok) expect(JSON.stringify(p.result)).toBe(JSON.stringify({ ...JSON.parse(line), status: p.result.status, error: p.result.error }));
    }
  });

  it('refuses, with the reason, what it cannot store as is', async () => {
    const { out } = await lede(['extract', mixedFolder(tempDir('lede-jsonl-'), 1), '-j', '1']);
    const good = JSON.parse(okLine(out)) as Record<string, unknown>;
    const reason = (o: unknown) => { const p = parseExtractLine(typeof o === 'string' ? o : JSON.stringify(o)); return p.ok ? 'ok' : p.reason; };
    expect(reason(good)).toBe('ok');
    expect(reason('{"source": "a.txt", ')).toMatch(/^not JSON \(/);
    expect(reason([good])).toBe('not a JSON object but an array');
    expect(reason({ ...good, status: undefined })).toBe('"status" is missing (not a line of lede extract?)');
    expect(reason({ ...good, status: 'fine' })).toBe('"status" must be one of ok, no_body, error, got "fine"');
    expect(reason({ ...good, body: undefined })).toBe('"body" is missing');
    expect(reason({ ...good, headline: 7 })).toBe('"headline" must be a string or null, got number');
    expect(reason({ ...good, format: 'pdf' })).toBe('"format" must be one of html, text, markdown or null, got "pdf"');
    expect(reason({ ...good, format: null })).toBe('"format" is null in a line with status ok');
    expect(reason({ ...good, word_count: -1 })).toBe('"word_count" must be a whole number >= 0, got -1');
    expect(reason({ ...good, provenance: { colour: 'x' } })).toBe('"provenance" has an unknown field "colour"');
    expect(reason({ ...good, source: '' })).toBe('"source" is empty');
    expect(reason({ ...good, body: `${String(good.body)} (edited)` })).toBe('"content_hash" does not match the headline and body (edited after lede extract?)');
    expect(reason({ ...good, status: 'error', error: null })).toBe('"error" is null in a line with status error');
  });
});

describe('lede ingest --from-jsonl', () => {
  it('gives the rows and sources of a direct ingest of the same folder, and the same search index', async () => {
    const dir = mixedFolder(tempDir('lede-jsonl-'));
    const work = tempDir('lede-jsonl-');
    const direct = join(work, 'direct.db');
    const viaJsonl = join(work, 'jsonl.db');
    const d = await lede(['ingest', dir, '--db', direct, '-j', '2']);
    const x = await lede(['extract', dir, '-j', '2']);
    writeFileSync(join(work, 'rows.jsonl'), x.out);
    const j = await lede(['ingest', '--from-jsonl', join(work, 'rows.jsonl'), '--db', viaJsonl]);
    expect([d.code, x.code, j.code]).toEqual([1, 1, 1]); // the empty file and the listing page
    const a = dumpDb(direct);
    expect(a.articles.length).toBeGreaterThan(20);
    expect(a.sources.length).toBe(a.articles.length + 3); // the duplicate, the empty file, the listing page
    expect(dumpDb(viaJsonl)).toEqual(a);
    expect(ftsHits(viaJsonl, 'harbour')).toEqual(ftsHits(direct, 'harbour'));
    expect(ftsHits(viaJsonl, 'harbour').length).toBeGreaterThan(10);
    // Failures are named as in the direct run, and the summaries agree.
    const summary = (s: string) => s.trim().split('\n').at(-1)!.replace(/ — .*/, '');
    expect(summary(j.err)).toBe(summary(d.err));
  }, 60_000);

  it('from stdin; the same lines again change nothing', async () => {
    const dir = mixedFolder(tempDir('lede-jsonl-'), 4);
    const db = join(tempDir('lede-jsonl-'), 's.db');
    const { out } = await lede(['extract', dir, '-j', '1']);
    await lede(['ingest', '--from-jsonl', '-', '--db', db], out);
    const first = dumpDb(db);
    const again = await lede(['ingest', '--from-jsonl', '-', '--db', db], out);
    expect(again.err).toMatch(/stored 0, updated 0, unchanged \d+/);
    expect(dumpDb(db)).toEqual(first);
  }, 60_000);

  it('a bad line: one line FILE:LINE: reason, exit 1, every other row stored', async () => {
    const dir = mixedFolder(tempDir('lede-jsonl-'), 4);
    const work = tempDir('lede-jsonl-');
    const { out } = await lede(['extract', dir, '-j', '1']);
    const lines = out.trim().split('\n');
    const file = join(work, 'rows.jsonl');
    // A line cut short (a shard's copy that ran out of disk) in the middle, a blank line (skipped).
    const cut = lines[3]!.slice(0, 40);
    writeFileSync(file, [...lines.slice(0, 3), cut, '', ...lines.slice(4)].join('\n') + '\n');
    const db = join(work, 'bad.db');
    const r = await lede(['ingest', '--from-jsonl', file, '--db', db]);
    expect(r.code).toBe(1);
    const named = r.err.split('\n').filter((l) => l.startsWith(`${file}:`));
    expect(named).toHaveLength(1);
    expect(named[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: not JSON \\(.+\\)$`));
    const expected = lines.filter((_, i) => i !== 3).map((l) => JSON.parse(l) as { status: string; content_hash: string }).filter((o) => o.status === 'ok');
    const stored = dumpDb(db).articles.map((a) => a.content_hash);
    expect(new Set(stored)).toEqual(new Set(expected.map((o) => o.content_hash)));
  }, 60_000);

  it('refuses a missing file before creating a database, and clashing options', async () => {
    const work = tempDir('lede-jsonl-');
    const db = join(work, 'none.db');
    const r = await lede(['ingest', '--from-jsonl', join(work, 'missing.jsonl'), '--db', db]);
    expect([r.code, r.err.trim()]).toEqual([2, `lede: cannot read --from-jsonl ${join(work, 'missing.jsonl')}: no such file or directory`]);
    expect(existsSync(db)).toBe(false);
    expect((await lede(['ingest', 'x.html', '--from-jsonl', '-', '--db', db])).code).toBe(2);
    expect((await lede(['ingest', '--from-jsonl', '-', '--dry-run', '--db', db])).err).toMatch(/--dry-run cannot be used with --from-jsonl/);
  });
});
