import { describe, expect, it } from 'vitest';
import { embeddedGalleries } from '../../../src/extract/dump/body.js';
import { counterOf, findGalleries } from '../../../src/extract/dump/gallery.js';
import { extractText } from '../../../src/extract/text/index.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../../../src/types.js';
import { P1, P2, P3, blocks, scoredOf } from './helpers.js';

const SLIDE = (n: number, of: number) => [`${n}/${of} Slide title number ${n}`, `The caption of slide ${n} tells what happened in the market that week, with two named companies and a figure.`, 'Getty Images'];

describe('slide counters', () => {
  it('reads "3/50", "3 of 50" and "3 sur 50", not fractions or lone numbers', () => {
    expect(counterOf('3/50 United goin down')).toEqual({ n: 3, of: 50 });
    expect(counterOf('3 of 12')).toEqual({ n: 3, of: 12 });
    expect(counterOf('3 sur 12 photos')).toEqual({ n: 3, of: 12 });
    expect(counterOf('12/5')).toBeNull();
    expect(counterOf('2016 was a year')).toBeNull();
  });
  it('finds a slideshow only where counters count up to one total', () => {
    const slides = blocks([...SLIDE(1, 5), ...SLIDE(2, 5), ...SLIDE(3, 5)]);
    expect(findGalleries(slides)).toEqual([{ start: 0, end: 8, counters: [0, 3, 6] }]);
    // Recipe quantities are fractions, not a slideshow.
    expect(findGalleries(blocks(['* 1/3 teaspoon cumin seeds', '* 1/2 medium size onion sliced', '* 1/4 teaspoon turmeric powder', '* 1/2 teaspoon garam masala']))).toEqual([]);
  });
  it('keeps fractions in recipe lists as text (they used to be dropped as datelines)', () => {
    const s = scoredOf(['* 1/3 teaspoon cumin seeds', '* 1/2 medium size onion sliced', '* 1/4 teaspoon turmeric powder', '* 1/2 teaspoon garam masala']);
    expect(s.map((x) => x.cls)).not.toContain('meta');
  });
});

describe('embeddedGalleries', () => {
  it('drops a slideshow that interrupts the article, and keeps one that is the article', () => {
    const inside = scoredOf([P1, P2, 'Business news in pictures', ...SLIDE(1, 4), ...SLIDE(2, 4), ...SLIDE(3, 4), ...SLIDE(4, 4), P3, P1 + ' More.']);
    const dropped = embeddedGalleries(inside, { start: 0, end: inside.length - 1, prose: 0 });
    expect(dropped.has(3)).toBe(true);
    expect(dropped.has(14)).toBe(true);
    expect(dropped.has(15)).toBe(false);
    const article = scoredOf(['Six phones worth buying', ...SLIDE(1, 3), ...SLIDE(2, 3), ...SLIDE(3, 3)]);
    expect(embeddedGalleries(article, { start: 0, end: article.length - 1, prose: 0 }).size).toBe(0);
  });
  it('leaves the slides out of a dump whose article goes on after them', () => {
    const page = ['Hotel secrets revealed', '', P1, '', P2, '', 'Business news in pictures', '', ...[1, 2, 3, 4].flatMap((n) => [...SLIDE(n, 4), '']), P3, '', P2.replace('survey', 'study'), ''];
    const x = extractText(page.join('\n'), DEFAULT_EXTRACT_OPTIONS);
    const body = x.body.join('\n');
    expect(body).toContain(P1.slice(0, 40));
    expect(body).toContain(P3.slice(0, 40));
    expect(body).not.toContain('caption of slide');
  });
});
