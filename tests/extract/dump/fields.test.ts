import { describe, expect, it } from 'vitest';
import { findDeck } from '../../../src/extract/dump/deck.js';
import { findHeadline } from '../../../src/extract/dump/headline.js';
import { contentTokens } from '../../../src/extract/dump/measure.js';
import { cleanLabel, findTag } from '../../../src/extract/dump/tag.js';
import { P1, P2, P3, scoredOf } from './helpers.js';

const vocab = new Set(contentTokens(P1 + ' ' + P2));

function headline(lines: string[], bodyStart: number): string | null {
  const s = scoredOf(lines);
  const h = findHeadline(s, { bodyStart, bodyEnd: lines.length - 1, bodyVocabulary: vocab, plainText: true });
  return h === null ? null : s[h]!.block.text;
}

describe('findHeadline', () => {
  it('prefers the title-shaped line that shares words with the body over menu entries', () => {
    expect(headline(['* Home', '* Weather', 'Sign in', 'Glacier Loss Doubles in Alpine Valleys', 'By Maria Keller', P1, P2], 5)).toBe('Glacier Loss Doubles in Alpine Valleys');
  });
  it('takes the line above a longer deck, not the deck', () => {
    const deck = 'Scientists said glaciers in the central Alps lost twice as much ice as their models predicted';
    expect(headline(['Glacier Loss Doubles in Alpine Valleys', deck, P1, P2], 2)).toBe('Glacier Loss Doubles in Alpine Valleys');
  });
  it('prefers the line heading the byline and date to a caption between them and the body', () => {
    expect(headline(['Glacier Loss Doubles in Alpine Valleys', 'March 3, 2021', '[photo]', 'Glaciers in the Alps seen from the valley floor', P1, P2], 4)).toBe('Glacier Loss Doubles in Alpine Valleys');
  });
  it('does not take a breadcrumb trail', () => {
    expect(headline(['Home » Science » Glacier Loss Doubles', 'Glacier Loss Doubles in Alpine Valleys', P1, P2], 2)).toBe('Glacier Loss Doubles in Alpine Valleys');
  });
});

describe('findDeck', () => {
  const deckOf = (lines: string[]) => {
    const s = scoredOf(lines);
    const d = findDeck(s, { headlineIndex: 0, headlineText: lines[0]!, limit: lines.length - 1 });
    return d === null ? null : s[d]!.block.text;
  };
  it('takes a period-less standalone sentence between headline and body', () => {
    expect(deckOf(['Glacier Loss Doubles', 'Researchers measured twice the expected retreat over one summer', P1, P2])).toBe('Researchers measured twice the expected retreat over one summer');
  });
  it('takes a sentence set apart from the body by the byline', () => {
    expect(deckOf(['Glacier Loss Doubles', 'Researchers measured twice the expected retreat.', 'By Maria Keller', P1, P2])).toBe('Researchers measured twice the expected retreat.');
  });
  it('leaves the first paragraph of the body alone', () => {
    expect(deckOf(['Glacier Loss Doubles', P1, P2, P3])).toBeNull();
  });
  it('does not take a caption after a picture', () => {
    expect(deckOf(['Glacier Loss Doubles', '[photo]', 'The glacier seen from the valley floor in late August', P1, P2])).toBeNull();
  });
});

describe('findTag', () => {
  const tagOf = (lines: string[], h: number) => findTag(scoredOf(lines), h, lines[h]!)?.text ?? null;
  it('takes a short standalone label right above the headline', () => {
    expect(tagOf(['Donald Trump', 'De Blasio Blasts Justice Department', P1], 1)).toBe('Donald Trump');
    expect(tagOf(['Biz & IT —', 'Minecraft exploit makes it easy to crash servers', P1], 1)).toBe('Biz & IT');
  });
  it('reads breadcrumbs, skipping a last crumb equal to the headline', () => {
    expect(tagOf(['Mac & i > News > 1Password für Mac', '1Password für Mac', P1], 1)).toBe('News');
    expect(tagOf(['* Home', '* Articles', 'This API is so Fetching!', P1], 2)).toBe('Articles');
  });
  it('does not take the tail of a menu, a dateline or a sentence', () => {
    expect(tagOf(['* Business', '* Environment', '* Local', '* Nation', '* Retail', 'A Headline About Halibut', P1], 5)).toBeNull();
    expect(tagOf(['March 3, 2021', 'A Headline About Halibut', P1], 1)).toBeNull();
    expect(tagOf(['This is a sentence.', 'A Headline About Halibut', P1], 1)).toBeNull();
  });
  it('cleans decoration off labels', () => {
    expect(cleanLabel('  Biz & IT — ')).toBe('Biz & IT');
    expect(cleanLabel('» World ›')).toBe('World');
  });
});
