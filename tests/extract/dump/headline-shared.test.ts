// Headline of Markdown dumps from the title the share links carry (tweet text, e-mail subject):
// the page's own statement of its title, which survives in link URLs when markup is gone.
import { describe, expect, it } from 'vitest';
import { sharedMatch, sharedTitles } from '../../../src/extract/dump/fields/shared.js';
import { BODY, fromMarkdown } from './fields/page.js';

const TITLE = 'Why Sourdough Starters Need Feeding Twice a Day';
const enc = encodeURIComponent;
const SHARE = [
  `[Tweet](https://twitter.example/intent/tweet?text=${enc(TITLE)}%20https://crumb.example/starters&via=crumb)`,
  `[Email](mailto:?subject=${enc(TITLE)}&body=https://crumb.example/starters)`,
].join(' ');

describe('shared titles', () => {
  it('reads tweet texts and mail subjects, without the URL appended to them', () => {
    expect(sharedTitles(SHARE)).toEqual(['why sourdough starters need feeding twice a day']);
  });

  it('ignores URLs, ids and texts without a space', () => {
    expect(sharedTitles('[a](https://x.example/?title=https%3A%2F%2Fcrumb.example) [b](/s?text=abcdef123456789)')).toEqual([]);
  });

  it('matches a block that is the title, or the title with a site name beside it', () => {
    const titles = ['crumb quarterly why sourdough starters need feeding twice a day', 'why starters sour'];
    expect(sharedMatch('why sourdough starters need feeding twice a day', titles)).toBe(0.7);
    expect(sharedMatch('why starters sour', titles)).toBe(1);
    expect(sharedMatch('crumb quarterly', titles)).toBe(0);
  });
});

describe('dump headline: the title the share links send', () => {
  // A paper's page: its h1, then a long list of authors and affiliations, then the abstract
  // under its own heading.
  const authors = Array.from({ length: 30 }, (_, k) => [`Author Number${k}`, `Institute of Baking Science ${k}, Lyon, France`,
    '* [Find this author on Scholar](/s)\n* [Search for this author](/a)']).flat();

  it('takes the h1 the share links name even far above the text', () => {
    const md = [`# ${TITLE}`, ...authors, SHARE, '## Abstract', ...BODY].join('\n\n');
    expect(fromMarkdown(md).headline).toBe(TITLE);
  });

  it('without share links, the nearby heading still wins (the signal only adds)', () => {
    const md = [`# ${TITLE}`, ...authors, '## Abstract', ...BODY].join('\n\n');
    expect(fromMarkdown(md).headline).not.toBe(TITLE);
  });

  it('takes the h1 the share links name under a teaser rail that looked like the text', () => {
    const teasers = Array.from({ length: 4 }, (_, k) => `## Teaser story number ${k} about bread\n\n${BODY[k]}`);
    const md = [SHARE, ...teasers, `# ${TITLE}`, 'By Jane Doe', ...BODY.map((p) => p.replace('Bakers', 'Cooks'))].join('\n\n');
    expect(fromMarkdown(md).headline).toBe(TITLE);
  });
});
