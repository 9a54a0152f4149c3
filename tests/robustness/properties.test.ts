// Properties of the whole pipeline, checked with fast-check on random documents and on real
// fixtures mutated at random (bounded runs, fixed seed: a failure is reproducible and prints its
// counterexample). What must hold for every input:
//   - extraction never throws, except the documented refusals (InputError: empty, binary, …);
//   - the result has the documented shape (README "Records");
//   - the body of an HTML or Markdown page never holds markup, script or style text;
//   - normalization is idempotent;
//   - the same bytes give the same record, content_hash included, on every run and at any -j.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { extract } from '../../src/extract/index.js';
import { contentHash } from '../../src/normalize/hash.js';
import { normalizeLang, normalizeUrl, toArticle } from '../../src/normalize/article.js';
import { toIsoDate } from '../../src/normalize/date.js';
import { foldNoBreakSpaces, joinParagraphs, normalizeField, normalizeInline, normalizeParagraph, splitParagraphs } from '../../src/normalize/text.js';
import { processDocument } from '../../src/pipeline.js';
import { ARTICLE_COLUMNS, DEFAULT_EXTRACT_OPTIONS, FORMATS, META_FIELDS, type ExtractResult, type Format } from '../../src/types.js';
import { articleHtml, BUILT, lede, ROOT, tempDir } from './helpers.js';

const SEED = 20261127;
const params = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns, endOnFailure: true });

// ---------------------------------------------------------------------------------------------
// Inputs: the repository's own fixtures (always there) plus a few corpus pages when present.

const read = (dir: string) => readdirSync(join(ROOT, dir)).map((f) => ({ name: f, bytes: readFileSync(join(ROOT, dir, f)) }));
const FIXTURES = [...read('samples'), ...read('tests/fixtures/text'), ...read('tests/fixtures/markdown')];
const byExt = (re: RegExp) => FIXTURES.filter((f) => re.test(f.name)).map((f) => f.bytes.toString('latin1'));
const HTML_PAGES = [...byExt(/\.html$/), articleHtml(1), articleHtml(2, '<meta name="description" content="A deck">', '<aside>Related: other works</aside>')];
const MD_DOCS = byExt(/\.md$/);
const TEXT_DOCS = byExt(/\.txt$/);

const CORPUS_HTML = join(ROOT, '..', 'shared', 'corpus', 'html');
try {
  // Five real pages spread over the corpus: enough variety, still fast.
  const names = readdirSync(CORPUS_HTML).filter((f) => f.endsWith('.html')).sort();
  for (let i = 0; i < 5 && names.length > 0; i++) HTML_PAGES.push(readFileSync(join(CORPUS_HTML, names[Math.floor((i * names.length) / 5)]!), 'latin1'));
} catch {
  console.warn('properties: ../shared/corpus not found; mutating the repository fixtures only');
}

// Mutations on a document's text (latin1 strings, so every byte survives the round trip).
const SNIPPETS = [
  '<div>', '</div>', '<p>', '</p>', '<h1>', '</h1>', '<a href="x">', '</a>', '<!--', '-->', '<![CDATA[', ']]>',
  '<script>', '</script>', '<style>', '</style>', '<table><tr><td>', '</td></tr></table>', '<br>', '<img src=x>',
  '---\n', '\n---\n', '# ', '\n\n', '[link](', ')', '![img](', '| a | b |\n|---|---|\n', '```\n', '> ', '- ', '* ',
  '&amp;', '&#0;', '&#x110000;', '&nbsp;', '\u0000', '\u00ef\u00bb\u00bf', '\r', '\r\n', '\t', '\u00ff\u00fe',
  'Title: x\n', 'URL Source: http://x\n', 'Markdown Content:\n', '<meta charset="shift_jis">', '<meta charset="nope">',
];

type Mutation = (s: string) => string;
const at = (s: string, f: number) => Math.floor(f * (s.length + 1));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([a, b]): Mutation => (s) => {
    const [i, j] = [at(s, Math.min(a, b)), at(s, Math.max(a, b))];
    return s.slice(0, i) + s.slice(j); // delete a range
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(2000)).map(([a, n]): Mutation => (s) => {
    const i = at(s, a);
    return s.slice(0, i) + s.slice(i, i + n) + s.slice(i); // duplicate a range
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...SNIPPETS)).map(([a, t]): Mutation => (s) => {
    const i = at(s, a);
    return s.slice(0, i) + t + s.slice(i); // insert syntax
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ unit: 'binary', maxLength: 40 })).map(([a, t]): Mutation => (s) => {
    const i = at(s, a);
    return s.slice(0, i) + Buffer.from(t).toString('latin1') + s.slice(i); // insert random UTF-8
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })).map(([a, byte]): Mutation => (s) => {
    const i = Math.min(at(s, a), Math.max(0, s.length - 1));
    return s.slice(0, i) + String.fromCharCode(byte) + s.slice(i + 1); // overwrite a byte
  }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((a): Mutation => (s) => s.slice(0, at(s, a))), // truncate
);

const mutated = (docs: string[]): fc.Arbitrary<Buffer> =>
  fc.tuple(fc.constantFrom(...docs), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([doc, ms]) => Buffer.from(ms.reduce((s, m) => m(s), doc), 'latin1'));

const randomBytes: fc.Arbitrary<Buffer> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 3000 }).map((s) => Buffer.from(s)),
  fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b)),
  // Random sequences of syntax and words: structure the parsers must cope with.
  fc.array(fc.oneof(fc.constantFrom(...SNIPPETS), fc.lorem({ maxCount: 12 })), { maxLength: 80 }).map((p) => Buffer.from(p.join(' '))),
);

// ---------------------------------------------------------------------------------------------
// The documented record (README "Records").

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;
const ONE_LINE = (v: string | null) => v === null || (v !== '' && !/[\n\r\t]/.test(v) && v === v.trim());
// Characters normalization removes; none may be left in any text field.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b\u2060\ufeff]/;

function checkShape(r: ExtractResult): void {
  expect(Object.keys(r)).toEqual([...ARTICLE_COLUMNS, 'status', 'error']);
  expect(['ok', 'no_body']).toContain(r.status);
  expect(r.status === 'ok' ? r.error === null : typeof r.error === 'string').toBe(true);
  expect(FORMATS).toContain(r.format);
  expect(r.id).toBeNull();
  expect(r.ingested_at).toBeNull();
  for (const k of ['tag', 'headline', 'deck', 'byline', 'url', 'published', 'lang'] as const) {
    expect(r[k] === null || typeof r[k] === 'string').toBe(true);
    expect(ONE_LINE(r[k]), `${k} is one trimmed line`).toBe(true);
    if (r[k] !== null) expect(r[k]).not.toMatch(FORBIDDEN);
  }
  if (r.url !== null) expect(r.url).toMatch(/^https?:\/\//);
  if (r.published !== null) expect(r.published).toMatch(ISO);
  if (r.lang !== null) expect(r.lang).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
  expect(typeof r.body).toBe('string');
  expect(r.body).not.toMatch(FORBIDDEN);
  // Paragraphs joined by exactly one blank line, each one trimmed line.
  if (r.body !== '') for (const p of r.body.split('\n\n')) expect(ONE_LINE(p), 'body paragraph is one trimmed line').toBe(true);
  expect(r.status === 'ok').toBe(r.body !== '' && r.status !== 'no_body');
  expect(Number.isInteger(r.word_count) && r.word_count >= 0).toBe(true);
  if (r.body === '') expect(r.word_count).toBe(0);
  expect(r.content_hash).toBe(contentHash(r.headline, r.body));
  expect(typeof r.provenance).toBe('object');
  for (const [k, v] of Object.entries(r.provenance)) {
    expect([...META_FIELDS, 'body']).toContain(k);
    expect(typeof v).toBe('string');
  }
}

/** The pipeline as the CLI runs it; null when the input was refused as documented. */
function pipeline(bytes: Uint8Array, format?: Format, hint = 'input'): ExtractResult | null {
  try {
    return processDocument({ source: hint, bytes, format, hint }, DEFAULT_EXTRACT_OPTIONS);
  } catch (err) {
    if (err instanceof InputError) return null;
    throw err;
  }
}

const formatArb = fc.constantFrom<Format | undefined>(undefined, 'html', 'text', 'markdown');

describe('extraction never throws and returns the documented shape', () => {
  it('random bytes, in every format and sniffed', () => {
    fc.assert(fc.property(randomBytes, formatArb, (bytes, format) => {
      const r = pipeline(bytes, format);
      if (r) checkShape(r);
    }), params(150));
  }, 60_000);

  for (const [format, docs] of [['html', HTML_PAGES], ['markdown', MD_DOCS], ['text', TEXT_DOCS]] as const) {
    it(`mutated ${format} fixtures, read as ${format} and sniffed`, () => {
      fc.assert(fc.property(mutated(docs), fc.boolean(), (bytes, force) => {
        const r = pipeline(bytes, force ? format : undefined, `page.${format === 'markdown' ? 'md' : format === 'text' ? 'txt' : 'html'}`);
        if (r) checkShape(r);
      }), params(format === 'html' ? 60 : 100));
    }, 60_000);
  }

  it('the format extractors themselves never throw on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), fc.constantFrom(...FORMATS), (s, format) => {
      const x = extract(s, format, DEFAULT_EXTRACT_OPTIONS);
      expect(Array.isArray(x.body)).toBe(true);
      for (const b of x.body) expect(typeof b).toBe('string');
    }), params(200));
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// No markup, script or style text in the body. Injected text looks like prose on purpose: a
// body scorer that ever read a script's text would take it for a paragraph.

const SCRIPT_WORDS = 'Scriptmark the council said on Monday that the harbour budget would pass before the summer recess';
const STYLE_WORDS = 'Stylemark the mayor told reporters that the new ferry line opens next spring along the river';
const MARKERS = /scriptmark|stylemark/i;
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/i;

const fields = (r: ExtractResult) => [r.headline, r.deck, r.tag, r.byline, r.body].filter((v): v is string => v !== null).join('\n');

describe('the body never holds markup, script or style text', () => {
  it('HTML: script and style elements put anywhere in real pages', () => {
    const injection = fc.array(fc.tuple(fc.constantFrom('script', 'style', 'script-json'), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(fc.constantFrom(...HTML_PAGES), injection, (page, where) => {
      const $ = cheerio.load(Buffer.from(page, 'latin1').toString('utf8'));
      const els = $('head, body, body *').toArray();
      for (const [kind, f] of where) {
        const el = els[Math.floor(f * els.length)] ?? els[0]!;
        const tag = kind === 'style' ? `<style>/* ${STYLE_WORDS} */ .x{color:red}</style>`
          : kind === 'script' ? `<script>var s = "${SCRIPT_WORDS}";</script>`
          : `<script type="application/json">{"text": "${SCRIPT_WORDS}"}</script>`;
        $(el).append(tag);
      }
      const r = pipeline(Buffer.from($.html()), 'html');
      if (!r) return;
      checkShape(r);
      expect(fields(r)).not.toMatch(MARKERS);
      expect(r.body).not.toMatch(TAG);
    }), params(40));
  }, 60_000);

  it('HTML: mutated real pages never leave a tag in the body', () => {
    fc.assert(fc.property(mutated(HTML_PAGES), (bytes) => {
      const r = pipeline(bytes, 'html');
      if (r) expect(r.body).not.toMatch(TAG);
    }), params(60));
  }, 60_000);

  it('Markdown: raw HTML blocks, inline tags, scripts and styles between paragraphs', () => {
    const insert = fc.constantFrom(
      `<script>\nvar s = "${SCRIPT_WORDS}";\n</script>`,
      `<style>\n/* ${STYLE_WORDS} */\n</style>`,
      `<div class="note"><script>var s = "${SCRIPT_WORDS}";</script><p>A paragraph in raw HTML.</p></div>`,
      `Inline <script>var s = "${SCRIPT_WORDS}";</script> script inside a sentence of the article.`,
      `Inline <span class="x">markup</span> and a <b>bold</b> word inside a sentence of the article.`,
      `<table><tr><td>cell <style>${STYLE_WORDS}</style></td><td>other</td></tr></table>`,
      '<!-- a comment that says nothing -->',
    );
    fc.assert(fc.property(fc.constantFrom(...MD_DOCS), fc.array(fc.tuple(insert, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 5 }), (doc, ins) => {
      const paras = doc.split('\n\n');
      for (const [html, f] of ins) paras.splice(Math.floor(f * (paras.length + 1)), 0, html);
      const r = pipeline(Buffer.from(paras.join('\n\n'), 'latin1'), 'markdown', 'page.md');
      if (!r) return;
      checkShape(r);
      expect(fields(r)).not.toMatch(MARKERS);
      expect(r.body).not.toMatch(TAG);
    }), params(80));
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Normalization: applying it to its own output changes nothing.

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  // Combining marks, invisible and control characters next to letters: where NFC and the
  // removals interact.
  fc.array(fc.constantFrom('e', 'a', ' ', '\n', '\u0301', '\u0308', '\u200b', '\u00ad', '\ufeff', '\u0007', '\u00a0', '\u2003', '\u200c', 'Å', '\u1100', '\u1161', '\u0000'), { maxLength: 30 }).map((a) => a.join('')),
);

describe('normalization is idempotent', () => {
  it('normalizeInline and normalizeField', () => {
    fc.assert(fc.property(text, (s) => {
      const once = normalizeInline(s);
      expect(normalizeInline(once)).toBe(once);
      expect(once).toBe(once.normalize('NFC'));
      expect(normalizeField(normalizeField(s))).toBe(normalizeField(s));
      // The body's form keeps lone no-break spaces and is otherwise the inline form.
      const para = normalizeParagraph(s);
      expect(normalizeParagraph(para)).toBe(para);
      expect(foldNoBreakSpaces(para)).toBe(once);
    }), params(2000));
  });

  it('joinParagraphs, and splitting its output joins back to the same body', () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 12 }), (blocks) => {
      const body = joinParagraphs(blocks);
      expect(joinParagraphs(splitParagraphs(body))).toBe(body);
      for (const para of splitParagraphs(body)) expect(normalizeParagraph(para)).toBe(para);
    }), params(1000));
  });

  it('dates, languages and URLs', () => {
    const date = fc.oneof(fc.string({ maxLength: 40 }), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.tuple(fc.integer({ min: 1890, max: 2210 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`));
    fc.assert(fc.property(date, (s) => {
      const iso = toIsoDate(s);
      if (iso !== null) {
        expect(iso).toMatch(ISO);
        expect(toIsoDate(iso)).toBe(iso);
      }
    }), params(1000));
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('EN_us', 'zh-hant-tw', 'de', 'pt_BR', 'sr-latn-RS')), (s) => {
      const l = normalizeLang(s);
      if (l !== null) expect(normalizeLang(l)).toBe(l);
    }), params(500));
    fc.assert(fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string({ maxLength: 30 })), (s) => {
      const u = normalizeUrl(s);
      if (u !== null) expect(normalizeUrl(u)).toBe(u);
    }), params(500));
  });

  it('a record normalized again is the same record (HTML pages: no entity decoding left to do)', () => {
    fc.assert(fc.property(mutated(HTML_PAGES), (bytes) => {
      const r = pipeline(bytes, 'html');
      if (!r) return;
      const again = toArticle({
        tag: r.tag, headline: r.headline, deck: r.deck, byline: r.byline, published: r.published, url: r.url,
        lang: r.lang, body: splitParagraphs(r.body), provenance: r.provenance,
      }, { source: r.source, format: 'html', decodeEntities: false });
      for (const k of ['tag', 'headline', 'deck', 'byline', 'published', 'url', 'lang', 'body', 'word_count', 'content_hash'] as const) expect(again[k]).toBe(r[k]);
    }), params(40));
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Determinism: the record depends on the bytes only.

describe('the same bytes give the same record', () => {
  it('twice in one process', () => {
    fc.assert(fc.property(fc.oneof(mutated(HTML_PAGES), mutated(MD_DOCS), mutated(TEXT_DOCS), randomBytes), (bytes) => {
      expect(pipeline(bytes)).toEqual(pipeline(Buffer.from(bytes)));
    }), params(60));
  }, 60_000);

  it.skipIf(!BUILT)('through the CLI: run twice, with -j 1 and with -j 2', () => {
    // 60 mutated documents of every format in one folder, written once from the fixed seed.
    const dir = tempDir('lede-props-');
    const docs = fc.sample(fc.oneof(mutated(HTML_PAGES).map((b) => [b, 'html'] as const), mutated(MD_DOCS).map((b) => [b, 'md'] as const), mutated(TEXT_DOCS).map((b) => [b, 'txt'] as const)), { seed: SEED, numRuns: 60 });
    docs.forEach(([b, ext], i) => writeFileSync(join(dir, `doc${String(i).padStart(3, '0')}.${ext}`), b));
    const hashes = (jobs: string) => {
      const r = lede(['extract', '-q', '-j', jobs, dir]);
      expect(r.status === 0 || r.status === 1).toBe(true);
      return r.stdout.trim().split('\n').map((l) => {
        const o = JSON.parse(l) as ExtractResult;
        return `${o.source} ${o.status} ${o.content_hash}`;
      });
    };
    const one = hashes('1');
    expect(one).toHaveLength(60);
    expect(one.filter((l) => / ok [0-9a-f]{64}$/.test(l)).length).toBeGreaterThan(10);
    expect(hashes('2')).toEqual(one);
    expect(hashes('2')).toEqual(one);
    // And what the CLI computed is what the library computes.
    const inProc = docs.map(([b, ext], i) => {
      const name = join(dir, `doc${String(i).padStart(3, '0')}.${ext}`);
      const r = pipeline(b, undefined, name);
      return r ? `${name} ${r.status} ${r.content_hash}` : null;
    });
    for (let i = 0; i < 60; i++) if (inProc[i] !== null) expect(one[i]).toBe(inProc[i]);
  }, 60_000);
});
