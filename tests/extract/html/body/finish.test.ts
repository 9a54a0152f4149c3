// Block-level trimming after the container is chosen.
import { describe, expect, it } from 'vitest';
import { finishBlocks } from '../../../../src/extract/html/body/finish.js';
import type { Block, BlockKind } from '../../../../src/extract/html/body/doc-index.js';
import { measure } from '../../../../src/extract/html/body/text-metrics.js';
import { PROSE } from './helpers.js';

const block = (text: string, kind: BlockKind = 'p', linked = false): Block => {
  const m = measure(text);
  return { text, owner: 0, kind, level: kind === 'h' ? 2 : 0, chars: m.chars, linkChars: linked ? m.chars : 0, punct: m.punct, pos: 0 };
};
const finish = (blocks: Block[], headline: string | null = null) => finishBlocks(blocks, { headline, deck: null }, { mode: 'balanced' });
const prose = PROSE.slice(0, 3).map((t) => block(t));

describe('finishBlocks', () => {
  it('normalizes whitespace and drops empty and punctuation-only blocks', () => {
    expect(finish([block('  a\n b  '), block(' '), block('•'), ...prose])).toEqual(['a b', ...PROSE.slice(0, 3)]);
  });
  it('keeps a no-break space between words in the text it returns, and judges the block as if it were plain', () => {
    const lead = block('By\u00a0Jane Doe | 12\u00a0March 2024');
    const para = block(`${PROSE[0]!}\u00a0Ends\u00a0here.`);
    expect(finish([lead, para, ...prose])).toEqual([`${PROSE[0]!}\u00a0Ends\u00a0here.`, ...PROSE.slice(0, 3)]);
  });
  it('drops leading repeats of the headline and leading metadata lines', () => {
    const lead = [block('Buses for all', 'h'), block('By Jane Doe | 12 March 2024'), block('Updated 14:05'), block('Transport', 'text', true)];
    expect(finish([...lead, ...prose], 'Buses  for all')).toEqual(PROSE.slice(0, 3));
  });
  it('drops leading date headings, datelines with separators, breadcrumbs and a bare "By" (readability-blogger, lemonde-1, seattletimes-1)', () => {
    const lead = [block('Sunday, May 8, 2016', 'h'), block('By', 'text'), block('Front Page » Transportation » Transit tax trust rejects the data'),
      block('Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin Untersinger (avec Damien Leloup)')];
    expect(finish([...lead, ...prose])).toEqual(PROSE.slice(0, 3));
    // A heading that names a day among other words is a heading.
    expect(finish([block('What happened on May 8, 2016 in the council chamber', 'h'), ...prose])[0]).toBe('What happened on May 8, 2016 in the council chamber');
  });
  it('keeps a closing phone number, which only looks like a date inside a longer run of digits (trafilatura tofugu)', () => {
    const tail = [block('Additional Information', 'h'), block('5 Chome-3-23 Minatocho Mombetsu, Hokkaido 094-0011 Japan'), block('+81 158-23-2012')];
    expect(finish([...prose, ...tail]).slice(-1)).toEqual(['+81 158-23-2012']);
    // A real date closing the article is still metadata.
    expect(finish([...prose, block('Updated 12-03-2024')])).toEqual(PROSE.slice(0, 3));
  });
  it('keeps linked entries opening a list whose next entry is prose, but drops a linked list before a paragraph (readability firefox-nightly-blog)', () => {
    const entry = 'We have just landed a fix which aims to prevent starting an update while another instance is running, as many of you asked.';
    const list = [block('Highlights', 'h'), block('Here is our year in review!', 'li', true), block('Here is our performance review!', 'li', true), block(entry, 'li')];
    expect(finish([...list, ...prose]).slice(0, 4)).toEqual(['Highlights', 'Here is our year in review!', 'Here is our performance review!', entry]);
    // Category links before the first paragraph are still metadata.
    expect(finish([block('Politics', 'li', true), block('Transport', 'li', true), ...prose])).toEqual(PROSE.slice(0, 3));
  });
  it('keeps a first paragraph that repeats the deck word for word (postlight cbc)', () => {
    const out = finishBlocks(prose, { headline: null, deck: PROSE[0]! }, { mode: 'balanced' });
    expect(out).toEqual(PROSE.slice(0, 3));
  });
  it('keeps a short first sentence that only mentions a year', () => {
    expect(finish([block('Get ready for a wild 2017.'), ...prose])[0]).toBe('Get ready for a wild 2017.');
  });
  it('drops phrase-list lines anywhere', () => {
    expect(finish([prose[0]!, block('Advertisement'), prose[1]!, block('Read more: The history of trams'), prose[2]!])).toEqual(PROSE.slice(0, 3));
  });
  it('cuts at a closing heading after most of the prose', () => {
    expect(finish([...prose, block('Related stories', 'h'), block('Another article about bridges and their long history in this city.')])).toEqual(PROSE.slice(0, 3));
  });
  it('resumes after a closing heading\'s section when a same-rank heading opens more prose (trafilatura elavegan)', () => {
    const article = PROSE.map((t) => block(t));
    const related = [block('Related Recipes', 'h'), block('Lemon coconut balls', 'li', true), block('Peanut butter cookies', 'li', true)];
    const card = [block('Peanut Butter Truffles', 'h'), ...PROSE.slice(0, 4).map((t) => block(t))];
    expect(finish([...article, ...related, ...card])).toEqual([...PROSE, 'Peanut Butter Truffles', ...PROSE.slice(0, 4)]);
    // A lower-rank heading inside the closing section, or a section without real prose, does not resume it.
    const sub = { ...card[0]!, level: 3 };
    expect(finish([...article, ...related, sub, ...card.slice(1)])).toEqual(PROSE);
    expect(finish([...article, ...related, card[0]!, block('Short teaser.')])).toEqual(PROSE);
  });
  it('joins a loose dateline to the paragraph it opens, but not a label from the phrase list (postlight ndtv, trafilatura latimes)', () => {
    expect(finish([block('WASHINGTON —', 'text'), ...prose])[0]).toBe(`WASHINGTON — ${PROSE[0]}`);
    expect(finish([block('New Delhi:', 'text'), ...prose])[0]).toBe(`New Delhi: ${PROSE[0]}`);
    // A paragraph ending in a colon introduces the next one; a "Read more:" label stays apart.
    expect(finish([prose[0]!, block('He said:'), prose[1]!])).toEqual([PROSE[0], 'He said:', PROSE[1]]);
    expect(finish([...prose, block('Read more:', 'text'), block(PROSE[3]!)])).toEqual(PROSE.slice(0, 4));
  });
  it('keeps a section of plain prose under a closing-looking heading ("Discussion" in a study), not comments under one', () => {
    const article = PROSE.map((t) => block(t));
    expect(finish([...article, block('Discussion', 'h'), block(PROSE[0]!), block(PROSE[1]!)])).toEqual([...PROSE, 'Discussion', PROSE[0], PROSE[1]]);
    const comments = [block('Discussion', 'h'), block('Reader one, 2 days ago', 'text'), block(PROSE[0]!), block('Reader two, 3 days ago', 'text'), block(PROSE[1]!)];
    expect(finish([...article, ...comments])).toEqual(PROSE);
  });
  it('drops a closing heading with nothing after it, but not a closing sentence set as a heading (postlight rawstory, buzzfeed)', () => {
    expect(finish([...prose, block('Stories Chosen For You', 'h')])).toEqual(PROSE.slice(0, 3));
    expect(finish([...prose, block('Like this:', 'h')])).toEqual(PROSE.slice(0, 3));
    expect(finish([...prose, block('Still, the mayor will keep riding the bus.', 'h')])).toEqual([...PROSE.slice(0, 3), 'Still, the mayor will keep riding the bus.']);
  });
  it('drops picture credits left as lines of their own, not sentences that name an agency (postlight ladbible, inquisitr)', () => {
    const out = finish([prose[0]!, block('[Featured Image by Jane Doe/Getty Images]'), prose[1]!, block('Reuters contributed reporting to this story from the city hall.'), block('Featured Image Credit: City Council')]);
    expect(out).toEqual([PROSE[0], PROSE[1], 'Reuters contributed reporting to this story from the city hall.']);
  });
  it('drops a short trailing lead-in to a removed box, keeping a linked closing sentence (postlight aol, washingtonpost)', () => {
    const linked = { ...block('The charity is continuing to raise money across the region for the officer\'s family.'), linkChars: 50 };
    expect(finish([...prose, linked, block('See photos from this story:')])).toEqual([...PROSE.slice(0, 3), linked.text]);
    const leadIn = 'To see the new bus in action, watch the footage from the launch below:';
    expect(finish([...prose, block(leadIn)])).toEqual([...PROSE.slice(0, 3), leadIn]);
  });
  it('drops class names printed as text (postlight reuters)', () => {
    expect(finish([prose[0]!, block('for-phone-onlyfor-tablet-portrait-upfor-tablet-landscape-upfor-desktop-up'), prose[1]!])).toEqual(PROSE.slice(0, 2));
  });
  it('keeps a closing-looking heading early in the article', () => {
    const out = finish([prose[0]!, block('Comments', 'h'), prose[1]!, prose[2]!]);
    expect(out).toContain(PROSE[2]);
  });
  it('keeps the author\'s closing sentence that mentions a copyright sign', () => {
    const last = block('This isn’t supposed to be a manifesto™© we just think it’s pretty cool to share what we’ve learned so far, and hope you’ll do the same. We’re all in this together.');
    expect(finish([...prose, last])).toContain(last.text);
  });
});
