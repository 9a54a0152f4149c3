// The marks around search hits are lede's alone. `lede ingest --from-jsonl` stores text as given,
// control characters included, so a row may hold the very characters a snippet is marked with
// (FTS5's \u0001/\u0002, private-use sentinels): none of them may come out as a mark, open a
// bold that never closes, or make a column that did not match look as if it had.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { ledeInProcess as lede } from './in-process.js';
import { tempDir } from './cli.js';
import { extractLine, type JsonlRow } from './hostile-values.js';


// Every character a snippet could be marked with, stored around words that are not hits.
const FORGERIES = '\u0001fake\u0002 then \ue000forged\ue001 and \ue000unclosed, \ue001stray and \u0002\u0001';

const row = (n: number, headline: string, body: string): JsonlRow =>
  ({ source: `feed/${n}.txt`, tag: null, headline, deck: null, byline: null, url: null, body });

let db: string;
beforeAll(async () => {
  db = join(tempDir('lede-snippet-'), 'forged.db');
  const lines = [
    row(1, 'Council budget', `${FORGERIES} the harbour bridge reopened on Monday after repairs.`),
    // Only the headline matches "ferry"; the body holds the marks but not the word.
    row(2, 'Ferry returns', `${FORGERIES} passengers waited on the quay for an hour.`),
  ].map(extractLine).join('\n') + '\n';
  const r = await lede(['--db', db, 'ingest', '--from-jsonl', '-'], { stdin: lines });
  expect(r.code).toBe(0);
});

const hitLines = (out: string) => out.split('\n').filter((l) => l.startsWith('\t'));

describe('search snippets from rows holding the mark characters', () => {
  it('on a colour terminal: bold only around the hit, every bold closed', async () => {
    const r = await lede(['--db', db, 'search', 'harbour'], { tty: true });
    expect(r.code).toBe(0);
    const [snippet] = hitLines(r.out);
    expect(snippet).toBeDefined();
    const bolds = [...snippet!.matchAll(/\x1b\[1m([^\x1b]*)\x1b\[22m/g)].map((m) => m[1]);
    expect(bolds).toEqual(['harbour']);
    expect(snippet!.split('\x1b[1m')).toHaveLength(2);
    expect(snippet!.split('\x1b[22m')).toHaveLength(2);
    // The stored characters are shown, escaped, not dropped.
    expect(snippet).toContain('\\x01fake\\x02');
    expect(snippet).toContain('\ue000forged\ue001');
  });

  it('in a pipe and as JSON: brackets only around the hit', async () => {
    const pipe = await lede(['--db', db, 'search', 'harbour']);
    const [snippet] = hitLines(pipe.out);
    expect(snippet!.match(/\[[^\]]*\]/g)).toEqual(['[harbour]']);
    const json = await lede(['--db', db, 'search', '--json', 'harbour']);
    const hit = JSON.parse(json.out.trim()) as { snippet: string };
    expect(hit.snippet.match(/\[[^\]]*\]/g)).toEqual(['[harbour]']);
    expect(hit.snippet).toContain('\u0001fake\u0002');
  });

  it('a body holding \\u0001 but not the word does not pass for the matching column', async () => {
    const json = await lede(['--db', db, 'search', '--json', 'ferry']);
    const hit = JSON.parse(json.out.trim()) as { snippet: string };
    expect(hit.snippet).toBe('[Ferry] returns');
  });

  it('the store gives the hit as parts, whatever marks the caller asked for', () => {
    const s = openStore(db, { readonly: true });
    try {
      const [hit] = s.search('harbour', { mark: ['<b>', '</b>'] });
      expect(hit!.snippet.match(/<b>[^<]*<\/b>/g)).toEqual(['<b>harbour</b>']);
      expect(hit!.parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['harbour']);
      expect(hit!.parts.map((p) => p.text).join('')).toBe(hit!.snippet.replace('<b>', '').replace('</b>', ''));
    } finally {
      s.close();
    }
  });
});
