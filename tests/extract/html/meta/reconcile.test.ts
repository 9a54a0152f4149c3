import { describe, expect, it } from 'vitest';
import { dropLeadingRepeats, repeatedField } from '../../../../src/extract/html/meta/reconcile.js';

const F = { headline: 'Bridge reopens', deck: 'Two years later, the crossing is back', tag: 'Local', byline: 'Ann Lee' };

describe('reconcile body with fields', () => {
  it('drops leading blocks that repeat the headline, deck, tag, byline or date line', () => {
    const body = ['Local', 'Bridge reopens', 'By Ann Lee | March 3, 2020', 'March 3, 2020', 'Two years later, the crossing is back', 'The council voted on Tuesday.'];
    expect(dropLeadingRepeats(body, F)).toEqual(['The council voted on Tuesday.']);
  });

  it('never drops from inside the body, and keeps a second copy of the deck', () => {
    expect(dropLeadingRepeats(['The council voted.', 'Bridge reopens'], F)).toEqual(['The council voted.', 'Bridge reopens']);
    const twice = ['Two years later, the crossing is back', 'Two years later, the crossing is back', 'More.'];
    expect(dropLeadingRepeats(twice, F)).toEqual(['Two years later, the crossing is back', 'More.']);
  });

  it('recognizes a "By" line even when the byline field is spelled differently', () => {
    expect(repeatedField('By ANN LEE, Staff Writer', { ...F, byline: null })).toBe('byline');
    expect(repeatedField('By the time the bridge opened, everyone had left.', { ...F, byline: null })).toBeNull();
  });
});
