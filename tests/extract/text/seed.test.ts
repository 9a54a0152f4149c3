import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../src/extract/text/index.js';
import { toArticle } from '../../../src/normalize/article.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../../src/types.js';

const run = (text: string) => {
  const x = extractText(text, DEFAULT_EXTRACT_OPTIONS);
  return { x, a: toArticle(x, { source: 't', format: 'text', decodeEntities: true }) };
};

describe('seed-shaped dump (self-made fixture): tag, headline, deck, body, no "Contact Us"', () => {
  const text = readFileSync(resolve(import.meta.dirname, '../../fixtures/text/seed-like.txt'), 'utf8');
  const { x, a } = run(text);
  it('takes the short label above the headline as the tag', () => {
    expect(a.tag).toBe('City Hall');
    expect(x.provenance.tag).toBe('text:kicker');
  });
  it('takes the headline and the period-less standalone sentence below it as the deck', () => {
    expect(a.headline).toBe('Mayor Vows to Reopen Riverside Library Before Winter');
    expect(a.deck).toBe('The mayor promised residents that repairs to the flooded building would be finished by December');
    expect(x.provenance.headline).toBe('text:line-3');
    expect(x.provenance.deck).toBe('text:line-5');
  });
  it('keeps the six body paragraphs, short ones included, and drops "Contact Us"', () => {
    const paras = a.body.split('\n\n');
    expect(paras).toHaveLength(6);
    expect(paras[0]).toMatch(/^Mayor Ana Ruiz told/);
    expect(paras[3]).toBe('City engineers said the new wiring was already in place.');
    expect(paras[5]).toMatch(/until the branch reopens\.$/);
    expect(a.body).not.toContain('Contact Us');
    expect(x.notArticle).toBeFalsy();
  });
});

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const HAVE = existsSync(join(CORPUS, 'text/seed-nbc-sanctuary.txt'));
if (!HAVE) console.warn('skipping: ../shared/corpus not found');

describe.skipIf(!HAVE)('the nbcnewyork seed comes out exactly as its truth', () => {
  it('matches tag, headline, deck and body', () => {
    const truth = readFileSync(join(CORPUS, 'truth/text.jsonl'), 'utf8').split('\n').filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, string>).find((r) => r.id === 'seed-nbc-sanctuary')!;
    const { a } = run(readFileSync(join(CORPUS, 'text/seed-nbc-sanctuary.txt'), 'utf8'));
    expect(a.tag).toBe(truth.tag);
    expect(a.headline).toBe(truth.headline);
    expect(a.deck).toBe(truth.deck);
    // Exact, the no-break space between "letter" and "threatened" included.
    expect(a.body).toBe(truth.body);
    expect(a.body.split('\n\n')).toHaveLength(11);
    expect(a.body).not.toContain('Contact Us');
  });
});
