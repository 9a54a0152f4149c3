// Hostile Markdown and plain text through the public entry point (the whole pipeline). These
// modules belong to other engineers: the cases here are the ones that already hold; the ones that
// were slow (100k-link lines, 2 MB tables, 50k reference links) are bounded by the worker
// timeout rather than asserted here.
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const P = (i: number) => `The harbour project reached stage ${i} on Monday morning, three weeks earlier than planned, after engineers finished replacing corroded cables along the northern span.`;
const BODY = [0, 1, 2, 3].map(P).join('\n\n');

function doc(text: string, format: 'markdown' | 'text') {
  const r = run(text, { format, hint: format === 'markdown' ? 'a.md' : 'a.txt' });
  expect(r.thrown).toBeUndefined();
  const a = r.result!;
  expect(['ok', 'no_body']).toContain(a.status);
  for (const f of [a.headline, a.deck, a.tag, a.byline, a.published]) {
    if (f !== null) {
      expect(typeof f).toBe('string');
      expect(f).not.toMatch(/\n/);
    }
  }
  return { ...a, seconds: r.seconds };
}

describe('front matter', () => {
  it('never closed: the document is still read', () => {
    const r = doc(`---\ntitle: Broken\ndescription: never closed\n\n# Harbour works finish early\n\n${BODY}`, 'markdown');
    expect(r.body).toContain('reached stage 3');
  });

  it('invalid YAML: ignored, the heading is the headline', () => {
    const r = doc(`---\ntitle: [unclosed\n  : : bad: {\n---\n\n# Harbour works finish early\n\n${BODY}`, 'markdown');
    expect(r.headline).toBe('Harbour works finish early');
  });

  it('a YAML alias bomb (a billion "lol"s) is not expanded', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const fm = `---\n${levels.join('\n')}\ntitle: *i\ntags: *i\ndescription: *i\nauthor: *i\n---\n\n# Harbour works finish early\n\n${BODY}`;
    const r = doc(fm, 'markdown');
    expect(r.seconds).toBeLessThan(5);
    expect(JSON.stringify(r).length).toBeLessThan(20_000);
  });

  it('fields of the wrong type (numbers, maps, nulls, bad dates) become text or nothing', () => {
    const r = doc(`---\ntitle: 12345\ndate: 2024-13-45\ntags: {a: 1}\nauthor: [null, {name: 3}]\ncategories: 7\ndescription: null\n---\n\n# Harbour works finish early\n\n${BODY}`, 'markdown');
    expect(r.published).toBeNull();
    expect(r.body).toContain('reached stage 2');
  });
});

describe('sizes and shapes no article has', () => {
  it('a line of 1,000,000 characters, in Markdown and in text', () => {
    const line = 'word '.repeat(200_000);
    for (const format of ['markdown', 'text'] as const) {
      const r = doc(`# Harbour works finish early\n\n${line}\n\n${BODY}`, format);
      expect(r.seconds).toBeLessThan(10);
    }
  }, 30_000);

  it('50,000 distinct lines in a text dump (joining them was quadratic)', () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `line number ${i} of the dump`).join('\n');
    const r = doc(`Harbour works finish early\n\n${lines}\n\n${BODY}`, 'text');
    expect(r.seconds).toBeLessThan(10);
  }, 30_000);

  it('160,000 characters of Chinese without a break (word counting was superlinear)', () => {
    const r = doc(`标题\n\n${'市长周五表示预算保护了学校批评者不同意这一决定'.repeat(7000)}\n\n${BODY}`, 'text');
    expect(r.seconds).toBeLessThan(10);
    expect(r.word_count).toBeGreaterThan(50_000);
  }, 30_000);

  it('5,000 nested quotes and 2,000 nested lists (the block walk overflowed the call stack)', () => {
    const quotes = doc(`# Harbour works finish early\n\n${BODY}\n\n${'> '.repeat(5000)}a quote at the bottom\n`, 'markdown');
    expect(quotes.body).toContain('reached stage 3');
    const lists = doc(`# Harbour works finish early\n\n${BODY}\n\n${Array.from({ length: 2000 }, (_, i) => '  '.repeat(i) + '- entry ' + i).join('\n')}\n`, 'markdown');
    expect(lists.body).toContain('reached stage 3');
  });

  it('bracket soup and raw HTML soup in Markdown', () => {
    expect(doc(`# T\n\n${'['.repeat(20_000)}${']'.repeat(20_000)}\n\n${BODY}`, 'markdown').seconds).toBeLessThan(10);
    expect(doc(`# T\n\n${'<div>'.repeat(50_000)}\n\n${BODY}`, 'markdown').seconds).toBeLessThan(10);
  }, 30_000);

  it('text made only of punctuation or one endless token has no body', () => {
    expect(doc(`Title\n\n${'.,;:!?-'.repeat(100_000)}`, 'text').status).toBe('no_body');
    expect(doc(`Title\n\n${'x'.repeat(1_000_000)}`, 'text').status).toBe('no_body');
  });
});
