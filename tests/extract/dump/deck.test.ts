// Deck of page dumps: the standfirst under the headline, and the byline, caption and label
// lines that sit in the same place but are not one. Self-made pages.
import { describe, expect, it } from 'vitest';
import { hasDoubledPhrase } from '../../../src/extract/dump/deck.js';
import { BODY, fromMarkdown, fromText, textPage } from './fields/page.js';

const TITLE = 'Why Sourdough Starters Need Feeding Twice a Day';

describe('dump deck', () => {
  it('reads the standfirst introduced by a "Summary:" label under the byline', () => {
    const deck = 'Here is how bakers keep a jar of starter alive on the counter, and what happens to the bread when they forget to feed it.';
    const x = fromText(textPage([TITLE, 'January 17, 2017 at 6:08 PM ET by Jane Doe', 'Twitter Facebook Email\nSummary:\n' + deck]));
    expect(x.headline).toBe(TITLE);
    expect(x.deck).toBe(deck);
  });

  it('does not take a byline line that repeats the name or carries the date', () => {
    for (const line of ['Crumb Daily Crumb Daily 9/21/2016 Jane Doe', 'Jane Doe Staff Report by Jane Doe Staff Report']) {
      const x = fromText(textPage([TITLE, line]));
      expect(x.headline, line).toBe(TITLE);
      expect(x.deck, line).toBeNull();
    }
  });

  it('does not take a caption that ends in the photographer\'s address', () => {
    const x = fromText(textPage([TITLE, 'Jars of starter on a shelf in December 2015. Jane Doe jdoe@crumbherald.example']));
    expect(x.deck).toBeNull();
  });

  it('finds doubled phrases, not single repeated words', () => {
    expect(hasDoubledPhrase('Medical Daily Medical Daily 9/21/2016')).toBe(true);
    expect(hasDoubledPhrase('Green New Deal Green New Deal for Europe')).toBe(true);
    expect(hasDoubledPhrase('Bakers say that that starter needs flour')).toBe(false);
  });
});

describe('dump deck: widgets and lists under the headline', () => {
  it('does not take a teaser under a "You may also like" heading that follows the headline', () => {
    const md = [`# ${TITLE}`, '## You may also like', 'Popular deals on kitchen jars and flour tins this week', ...BODY].join('\n\n');
    expect(fromMarkdown(md).deck).toBeNull();
  });

  it('does not take a list of authors', () => {
    const x = fromText(textPage([TITLE, 'Jane Doe, John Roe, Mary Major, Richard Miles, Anna Baker, Peter Oven']));
    expect(x.headline).toBe(TITLE);
    expect(x.deck).toBeNull();
  });
});
