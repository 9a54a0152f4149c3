// The end of the article in a dump. The densest run often carries, after the last paragraph,
// a few blocks that are prose too but not the article: the closing author bio ("Jane Doe is a
// senior writer covering …"), set apart by the author's name or an "About the author" label.
import type { BoilerplateMatcher } from '../boilerplate/index.js';
import type { Run } from './body.js';
import type { Scored } from './classify.js';

// A person's name (capitalised words, name particles between them) and the word after it.
const NAME_THEN_WORD = /^(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|di|del|der|den|van|von|la|le|bin|al)){0,4})\s+(\p{Ll}+)\b/u;
// A bio is a paragraph or two, not a chapter.
const BIO_MAX = 900;
// Only after this much article text: a short note is not an article with a bio under it.
const ARTICLE_MIN = 500;
// The bio is one of the last few paragraphs of the run, and what follows it is little.
const BIO_REACH = 4;
const REST_MAX = 1000;
const REST_SHARE = 0.15;

const nameTokens = (s: string): string[] => s.toLowerCase().split(/[\s,.]+/u).filter((w) => w.length >= 3);

/**
 * Does block `s` open an author bio: a name, then a bio verb ("is", "ist", "est" …)? Returns
 * the name's words, or null.
 */
export function bioName(text: string, matcher: BoilerplateMatcher): string[] | null {
  const m = NAME_THEN_WORD.exec(text);
  if (!m || !matcher.isBioVerb(m[2]!)) return null;
  const words = nameTokens(m[1]!);
  return words.length > 0 ? words : null;
}

/**
 * Index of the first block of a closing author bio in the run (with the name or "About the
 * author" lines right above it), or null. The bio is one of the last two paragraphs of the
 * run, opens with a name and a bio verb, and is either set apart from the article by a line
 * that is not prose, or names the article's author (`authors`: the byline, name lines of the
 * header).
 */
export function closingBio(scored: readonly Scored[], run: Run, authors: readonly string[], matcher: BoilerplateMatcher): number | null {
  const author = new Set(authors.flatMap(nameTokens));
  let seen = 0, after = 0;
  let found: number | null = null;
  for (let i = run.end; i > run.start && seen < BIO_REACH; i--) {
    const s = scored[i]!;
    if (s.cls !== 'prose') continue;
    seen++;
    after += s.weight;
    if (s.weight > BIO_MAX) continue;
    const name = bioName(s.block.text, matcher);
    if (!name) continue;
    let above = i - 1;
    while (above > run.start && scored[above]!.cls === 'artifact') above--;
    const apart = scored[above]!.cls !== 'prose';
    const label = apart ? nameTokens(scored[above]!.block.text) : [];
    const named = name.some((w) => author.has(w) || label.includes(w));
    // A full name set apart from the article ("It is …" or "There's a …" opens sentences too),
    // or a name that the byline or the name line above gives.
    const setApart = apart && name.length >= 2;
    if (!setApart && !named) continue;
    // The label lines above the bio go with it ("Author", "Jane Doe", "About the author").
    let start = i;
    while (start - 1 > run.start && scored[start - 1]!.cls !== 'prose' && scored[start - 1]!.weight < 80) start--;
    let before = 0, mentions = 0;
    const full = name.join(' ');
    for (let k = run.start; k < start; k++) {
      if (scored[k]!.cls !== 'prose') continue;
      before += scored[k]!.weight;
      if (scored[k]!.block.text.toLowerCase().includes(full)) mentions++;
    }
    // A name the article keeps mentioning is its subject ("Dezuka Suisan is a great place …").
    if (mentions >= 2) continue;
    // What follows the bio is the page's (a video teaser, the site's blurb), never much.
    const rest = after - s.weight;
    // The earliest bio within reach wins: a site's own blurb ("WIRED is …") may follow it.
    if (before >= ARTICLE_MIN && rest <= Math.min(REST_MAX, REST_SHARE * before)) found = start;
  }
  return found;
}
