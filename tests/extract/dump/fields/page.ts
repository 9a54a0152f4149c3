// Self-made page dumps for the header-field tests: a few lines of chrome, a header the test
// writes, four paragraphs of body text about one topic (sourdough starters), and a footer.
// Plain-text pages separate blocks by blank lines, as w3m and browser copies do.
import { extractMarkdown } from '../../../../src/extract/markdown/index.js';
import { extractText } from '../../../../src/extract/text/index.js';
import { DEFAULT_EXTRACT_OPTIONS, type Extraction } from '../../../../src/types.js';

export const BODY = [
  'Bakers who keep a sourdough starter on the kitchen counter have to feed it twice a day, because the wild yeast and bacteria in the jar run out of flour to eat within about twelve hours at room temperature.',
  'A starter that goes hungry does not die at once, but it turns sour and sluggish, and bread made with it rises slowly and tastes of vinegar rather than of wheat, the food scientist said.',
  'Keeping the jar in the refrigerator slows the yeast down so much that one feeding a week is enough, which is why many home bakers only take their starter out the day before they bake.',
  'The study followed forty starters for six months and found that the ones fed on a regular schedule kept the same balance of yeast and bacteria, while neglected ones were taken over by a single strain.',
];

export const MENU = ['* Home', '* Recipes', '* Techniques', '* Equipment', '* Shop'];
export const FOOTER = ['About us', 'Contact us', 'Privacy policy', '© 2021 Crumb Quarterly. All rights reserved.'];

/** A plain-text page: menu, the given header lines, the body, the footer; blocks blank-separated. */
export function textPage(header: readonly string[], opts: { menu?: readonly string[]; footer?: readonly string[]; body?: readonly string[] } = {}): string {
  const menu = (opts.menu ?? MENU).join('\n');
  const blocks = [menu, ...header, ...(opts.body ?? BODY), ...(opts.footer ?? FOOTER)];
  return blocks.join('\n\n') + '\n';
}

export const fromText = (text: string): Extraction => extractText(text, DEFAULT_EXTRACT_OPTIONS);
export const fromMarkdown = (text: string): Extraction => extractMarkdown(text, DEFAULT_EXTRACT_OPTIONS);
