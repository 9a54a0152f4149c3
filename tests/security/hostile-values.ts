// Values an attacker controls (page text, file names, --from-jsonl rows) shaped to break SQL, LIKE
// patterns, FTS5 queries and terminals. Shared by the SQL round-trip and terminal tests.
import { contentHash } from '../../src/normalize/hash.js';

/** Text that survives extraction's normalization as is (no control characters). */
export const SQL_HOSTILE = [
  `'); DROP TABLE articles;--`,
  `Robert'); DELETE FROM sources WHERE ('1'='1`,
  `" OR 1=1 -- "double" and 'single' quotes`,
  `100% of the_tag_ and \\ backslash`,
  `body NEAR(harbour bridge) AND NOT "x* OR col:value ^start {a b}`,
  `$1 ?2 :name @p — placeholders`,
] as const;

/** Characters that drive a terminal: ESC sequences, OSC 8 link, BEL, CR, backspace, C1 CSI, bidi. */
export const TERMINAL_HOSTILE = [
  '\x1b[2J\x1b[H',
  '\x1b]8;;https://evil.example/\x07click me\x1b]8;;\x07',
  '\x07bell',
  'over\rWRITTEN',
  'back\x08\x08space',
  '\x9b2J c1 csi \x85 nel',
  'report\u202efdp.exe',
  '\x1b]0;window title\x07',
] as const;

/** The raw pieces that must never appear in terminal output (each a control sequence). */
export const RAW_SEQUENCES = ['\x1b[2J', '\x1b]8;;', '\x07', '\r', '\x08', '\x9b', '\x85', '\u202e', '\x1b]0;'];

/** Characters a terminal view may not hold beyond lede's own colour codes: all but \t and \n. */
export const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export interface JsonlRow {
  source: string; tag: string | null; headline: string; deck: string | null; byline: string | null; body: string; url: string | null;
}

/** One line `lede extract` could have printed, with these fields (hash computed, so it is accepted). */
export function extractLine(r: JsonlRow): string {
  return JSON.stringify({
    id: null, source: r.source, format: 'text', url: r.url, tag: r.tag, headline: r.headline, deck: r.deck, byline: r.byline,
    published: '2024-05-01', lang: 'en', body: r.body, word_count: r.body.split(/\s+/).length, content_hash: contentHash(r.headline, r.body),
    ingested_at: null, provenance: { headline: 'test' }, status: 'ok', error: null,
  });
}
