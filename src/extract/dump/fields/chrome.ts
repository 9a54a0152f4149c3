// Interface text printed as if it were a label: "Log out Sign in", "Twitter Facebook Email",
// "Search Search". Such a line is nothing but words of the boilerplate list (buttons, share
// targets, account links) run together, which a text dump does when it flattens a toolbar.
import { boilerplateMatcher, type BoilerplateMatcher } from '../../boilerplate/index.js';
import { memoByText } from '../measure.js';

// Toolbar buttons are one to three words each ("Sign in", "Share on Facebook").
const MAX_PHRASE_WORDS = 3;

/**
 * The whole text splits into two or more boilerplate phrases (whole-line phrases of the
 * list, case and punctuation ignored). One phrase alone is the matcher's own business.
 */
export function isToolbarText(text: string, matcher?: BoilerplateMatcher): boolean {
  return matcher === undefined ? toolbarByText(text) : splitsIntoPhrases(text, matcher);
}

// The headline, deck and tag finders ask about the same lines, and the built-in list never
// changes: its answers are remembered per text.
const toolbarByText = memoByText((text: string) => splitsIntoPhrases(text, boilerplateMatcher()));

function splitsIntoPhrases(text: string, matcher: BoilerplateMatcher): boolean {
  const words = text.split(/[\s|·•/]+/).filter((w) => w !== '');
  if (words.length < 2 || words.length > 12) return false;
  // reach[k]: the first k words split into phrases (fewest phrases, or -1 when they cannot).
  const reach: number[] = new Array(words.length + 1).fill(-1);
  reach[0] = 0;
  for (let k = 0; k < words.length; k++) {
    if (reach[k]! < 0) continue;
    for (let n = 1; n <= MAX_PHRASE_WORDS && k + n <= words.length; n++) {
      if (matcher.match(words.slice(k, k + n).join(' ')) !== 'line') continue;
      const v = reach[k]! + 1;
      if (reach[k + n]! < 0 || v < reach[k + n]!) reach[k + n] = v;
    }
  }
  return reach[words.length]! >= 2;
}
