import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, QueryError, type Store } from '../../src/store/index.js';
import { pickSnippet, toMatchExpression } from '../../src/store/search.js';
import { article, tempDb } from './helpers.js';

/** Asks FTS5 itself whether the external-content index matches the table exactly. */
function ftsIntegrity(path: string): void {
  const db = new Database(path);
  db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
  db.close();
}

const ids = (s: Store, q: string) => s.search(q).map((h) => h.article.id);

describe('search: the index follows every write', () => {
  it('finds new rows, forgets replaced text after a changed file, and keeps metadata-only updates', () => {
    const path = tempDb();
    const s = openStore(path);
    const { id } = s.saveBatch([article({ body: 'The ferry terminal reopened after the flood.' })])[0]!;
    expect(ids(s, 'ferry')).toEqual([id]);
    s.saveBatch([article({ body: 'The ferry terminal reopened after the flood.', tag: 'Transport' })]); // metadata only
    expect(ids(s, 'ferry')).toEqual([id]);
    s.saveBatch([article({ body: 'The airport terminal reopened after the storm.' })]); // same path, new text
    expect(ids(s, 'ferry')).toEqual([]);
    expect(ids(s, 'airport')).toEqual([id]);
    s.close();
    ftsIntegrity(path);
  });

  it('a changed deck or headline is re-indexed', () => {
    const path = tempDb();
    const s = openStore(path);
    const { id } = s.saveBatch([article({ deck: 'Council votes next week' })])[0]!;
    expect(ids(s, 'council')).toEqual([id]);
    s.saveBatch([article({ deck: 'Aldermen vote on Tuesday' })]);
    expect(ids(s, 'council')).toEqual([]);
    expect(ids(s, 'aldermen')).toEqual([id]);
    s.close();
    ftsIntegrity(path);
  });

  it('deleted rows leave no stale hits', () => {
    const path = tempDb();
    const s = openStore(path);
    const [a, b] = s.saveBatch([
      article({ source: 'a.html', body: 'Volcano ash grounded flights.' }),
      article({ source: 'b.html', body: 'Volcano tourism grew this year.' }),
    ]);
    expect(s.delete(a!.id)).toBe(true);
    expect(s.delete(a!.id)).toBe(false);
    expect(ids(s, 'volcano')).toEqual([b!.id]);
    expect(ids(s, 'ash')).toEqual([]);
    s.close();
    ftsIntegrity(path);
  });

  it('the integrity check itself notices an index that is out of step (so the checks above mean something)', () => {
    const path = tempDb();
    const s = openStore(path);
    s.saveBatch([article()]);
    s.close();
    const db = new Database(path);
    db.exec('DROP TRIGGER articles_fts_update');
    db.exec("UPDATE articles SET body = 'Entirely different words now.'");
    db.close();
    expect(() => ftsIntegrity(path)).toThrow(/malformed|corrupt/i);
  });
});

describe('search: ranking and snippets', () => {
  function corpus(): Store {
    const s = openStore(':memory:');
    s.saveBatch([
      article({ source: 'body.html', headline: 'City news roundup', deck: null, body: 'Among other things, the harbor was dredged. Trains ran late.' }),
      article({ source: 'head.html', headline: 'Harbor reopens to ships', deck: null, body: 'Ships returned on Monday after a long closure.' }),
      article({ source: 'deck.html', headline: 'Port authority report', deck: 'The harbor budget doubles', body: 'The report covers spending on docks.' }),
    ]);
    return s;
  }

  it('ranks a headline hit above a deck hit above a body hit', () => {
    const s = corpus();
    const hits = s.search('harbor');
    expect(hits.map((h) => h.article.source)).toEqual(['head.html', 'deck.html', 'body.html']);
    expect(hits[0]!.rank).toBeLessThanOrEqual(hits[1]!.rank);
    expect(hits[1]!.rank).toBeLessThanOrEqual(hits[2]!.rank);
    s.close();
  });

  it('snippets come from the body with the hit marked, default marks [ ]', () => {
    const s = corpus();
    const hit = s.search('dredged')[0]!;
    expect(hit.snippet).toContain('[dredged]');
    expect(hit.snippet).not.toContain('\n');
    expect(s.search('dredged', { mark: ['<b>', '</b>'] })[0]!.snippet).toContain('<b>dredged</b>');
    s.close();
  });

  it('falls back to the headline when only the headline matched', () => {
    const s = corpus();
    expect(s.search('reopens')[0]!.snippet).toBe('Harbor [reopens] to ships');
    s.close();
  });

  it('honours the limit and defaults to 20', () => {
    const s = openStore(':memory:');
    s.saveBatch(Array.from({ length: 30 }, (_, i) => article({ source: `p${i}.html`, body: `Election night report number ${i}.` })));
    expect(s.search('election').length).toBe(20);
    expect(s.search('election', { limit: 5 }).length).toBe(5);
    expect(() => s.search('election', { limit: 0 })).toThrow(QueryError);
    s.close();
  });

  // The ranking runs in a subquery (score and rowid only) and the snippets for the LIMIT rows
  // alone: order, ties (by id), scores and snippets must be those of ranking everything at once.
  it('ranks and breaks ties as one ORDER BY score, id over all matches would', () => {
    const path = tempDb();
    const s = openStore(path);
    s.saveBatch(Array.from({ length: 40 }, (_, i) => article({
      source: `p${i}.html`,
      headline: i % 7 === 0 ? 'Harbor news' : `Story ${i}`,
      // Bodies of three shapes, so many articles tie on score.
      body: ['The harbor reopened.', 'Ships left the harbor and the harbor master waved.', 'Long day. '.repeat(30) + 'harbor'][i % 3]!,
    })));
    const hits = s.search('harbor', { limit: 12 });
    s.close();
    const db = new Database(path, { readonly: true });
    const reference = db.prepare(`SELECT rowid AS id, bm25(articles_fts, 10, 4, 1) AS score,
        snippet(articles_fts, 2, '[', ']', '…', 20) AS sn FROM articles_fts WHERE articles_fts MATCH 'harbor'
        ORDER BY score, rowid LIMIT 12`).all() as { id: number; score: number; sn: string }[];
    db.close();
    expect(hits.map((h) => [h.article.id, h.rank])).toEqual(reference.map((r) => [r.id, r.score]));
    expect(new Set(reference.map((r) => r.score)).size).toBeLessThan(12); // there are ties to break
    // Every body holds the word, so every hit shows its body's snippet.
    expect(hits.map((h) => h.snippet)).toEqual(reference.map((r) => r.sn.replace(/\s+/g, ' ').trim()));
  });

  it('folds case and Latin accents, and keeps Indic words whole', () => {
    const s = openStore(':memory:');
    s.saveBatch([
      article({ source: 'pt.html', headline: 'São Paulo', body: 'O prefeito de São Paulo falou à imprensa.' }),
      article({ source: 'hi.html', headline: 'चुनाव', body: 'हिन्दी भाषा में समाचार।' }),
    ]);
    expect(ids(s, 'sao paulo').length).toBe(1);
    expect(ids(s, 'IMPRENSA').length).toBe(1);
    expect(ids(s, 'भाषा').length).toBe(1);
    // With vowel signs counted as separators "भाषा" would be indexed as the letters भ ष, and a
    // different word made of them (भेष) would match it.
    expect(ids(s, 'भेष')).toEqual([]);
    s.close();
  });

  it('CJK: a whole run between punctuation, or its start with *, is findable (documented limit)', () => {
    const s = openStore(':memory:');
    s.saveBatch([article({ source: 'zh.html', headline: '东京都知事选举', body: '东京都知事选举，今天开始投票。' })]);
    expect(ids(s, '东京都知事选举').length).toBe(1);
    expect(ids(s, '东京*').length).toBe(1);
    s.close();
  });
});

describe('search: queries', () => {
  function one(): Store {
    const s = openStore(':memory:');
    s.saveBatch([article({ body: "De Blasio's plan covers covid-19 testing in schools, from 5:30pm, with U.S. funds and C++ classes." })]);
    return s;
  }

  it.each(['"unbalanced', 'AND', 'foo:bar', 'budget OR', '(schools', 'foo AND', 'a NEAR(', '*', 'col:x', 'NOT', '{headline}', 'schools +'])('refuses the malformed query %s with a one-line QueryError quoting it, with a hint', (q) => {
    const s = one();
    let err: unknown;
    try {
      s.search(q);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QueryError);
    expect((err as Error).message).toContain(JSON.stringify(q));
    expect((err as Error).message).toMatch(/^search: bad query syntax in .*\(hint: .*\)$/);
    expect((err as Error).message).not.toContain('\n');
    s.close();
  });

  it('refuses an empty query', () => {
    const s = one();
    expect(() => s.search('   ')).toThrow(QueryError);
    s.close();
  });

  it('takes words as people type them: apostrophes and hyphens are not syntax errors', () => {
    const s = one();
    expect(s.search("de blasio's").length).toBe(1);
    expect(s.search('covid-19 testing').length).toBe(1);
    expect(s.search('covid-20').length).toBe(0);
    // Dots, pluses, a colon after a digit: punctuation, not FTS5 syntax.
    for (const q of ['U.S. funds', 'C++ classes', '5:30pm', 'schools, from', 'plan?!', 'de-blasio']) expect(s.search(q).length, q).toBe(1);
    s.close();
  });

  it('names the columns when a column filter names none of them', () => {
    const s = one();
    expect(() => s.search('col:x')).toThrow(/no such column: col \(hint: the columns are headline, deck and body/);
    s.close();
  });

  it('passes FTS5 syntax through: phrases, OR, NOT, prefixes, column filters', () => {
    const s = one();
    expect(s.search('"covid 19 testing"').length).toBe(1);
    expect(s.search('"testing covid"').length).toBe(0);
    expect(s.search('nothing OR schools').length).toBe(1);
    expect(s.search('schools NOT testing').length).toBe(0);
    expect(s.search('sch*').length).toBe(1);
    expect(s.search('headline:schools').length).toBe(0);
    expect(s.search('body:schools').length).toBe(1);
    s.close();
  });
});

describe('toMatchExpression / pickSnippet', () => {
  it('quotes the words of a plain query and leaves FTS5 expressions alone', () => {
    expect(toMatchExpression("  de  Blasio's ")).toBe('"de" "Blasio\'s"');
    expect(toMatchExpression('a OR b')).toBe('a OR b');
    expect(toMatchExpression('head*')).toBe('head*');
    expect(toMatchExpression('android notes')).toBe('"android" "notes"'); // "and"/"not" inside words are not keywords
    expect(toMatchExpression('U.S. C++ 5:30pm')).toBe('"U.S." "C++" "5:30pm"');
    for (const raw of ['body:x', 'a + b', 'NEAR(a b)', '{headline deck}:x', '^start', '(a OR b)', 'x NOT y']) expect(toMatchExpression(raw)).toBe(raw);
  });

  it('prefers a body snippet with a hit, then the headline, then the deck', () => {
    const m = { open: '\u0001', close: '\u0002' };
    const text = (parts: { text: string; hit: boolean }[]) => parts.map((p) => (p.hit ? `<${p.text}>` : p.text)).join('');
    expect(text(pickSnippet({ sn_body: 'x \u0001hit\u0002 y', hl_headline: 'h', sn_deck: 'd' }, m))).toBe('x <hit> y');
    expect(text(pickSnippet({ sn_body: 'no hit', hl_headline: '\u0001H\u0002', sn_deck: 'd' }, m))).toBe('<H>');
    expect(text(pickSnippet({ sn_body: 'no hit', hl_headline: 'h', sn_deck: 'a \u0001d\u0002' }, m))).toBe('a <d>');
    expect(pickSnippet({ sn_body: 'start of body\n\nmore', hl_headline: 'h', sn_deck: null }, m)).toEqual([{ text: 'start of body more', hit: false }]);
  });
});
