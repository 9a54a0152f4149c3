// The multi-pass policy: which attempts run in each mode, when an attempt is good enough to stop,
// and which attempt wins when none is.
import type { Attempt, PassConfig } from './passes.js';
import type { Mode } from '../../../types.js';

const strict = (maxLinkDensity: number, siblingShare: number): PassConfig => ({
  name: 'strict', prune: { unlikelyNames: true, chrome: true }, useClassWeights: true,
  clean: { useClassWeights: true, maxLinkDensity, proseClauses: 10 }, select: { siblingShare },
});
const relaxed = (maxLinkDensity: number, siblingShare: number): PassConfig => ({
  name: 'relaxed', prune: { unlikelyNames: false, chrome: true }, useClassWeights: true,
  clean: { useClassWeights: true, maxLinkDensity, proseClauses: 10 }, select: { siblingShare },
});
const loose = (maxLinkDensity: number, siblingShare: number): PassConfig => ({
  name: 'loose', prune: { unlikelyNames: false, chrome: false }, useClassWeights: false,
  clean: { useClassWeights: false, maxLinkDensity, proseClauses: 10 }, select: { siblingShare },
});

/** Passes per mode, strict first. Precision cleans harder and joins fewer siblings; recall the reverse. */
export const PASSES: Record<Mode, PassConfig[]> = {
  precision: [strict(0.15, 0.3), relaxed(0.15, 0.3), loose(0.3, 0.3)],
  balanced: [strict(0.2, 0.2), relaxed(0.2, 0.2), loose(0.4, 0.2)],
  recall: [strict(0.33, 0.15), relaxed(0.33, 0.15), loose(0.5, 0.15)],
};

/** An article shorter than this (weighted characters) makes us try a looser pass. */
const MIN_ARTICLE_CHARS = 500;
/**
 * …and so does one holding less than this share of the prose its pass left standing (the article
 * was split and we found one part, or the container was a teaser box).
 */
const MIN_PROSE_COVERAGE = 0.5;

const acceptable = (a: Attempt) =>
  a.chars >= MIN_ARTICLE_CHARS && (a.availableProse === 0 || a.proseChars >= a.availableProse * MIN_PROSE_COVERAGE);

/** An attempt holding this share of the prose its pass left standing found all of it. */
const COMPLETE_COVERAGE = 0.9;

const complete = (a: Attempt) => a.proseChars > 0 && a.proseChars >= a.availableProse * COMPLETE_COVERAGE;

/** Sorted block lists: is every block of `inner` in `outer`? */
function subset(inner: readonly number[], outer: readonly number[]): boolean {
  let j = 0;
  for (const b of inner) {
    while (j < outer.length && outer[j]! < b) j++;
    if (j === outer.length || outer[j] !== b) return false;
  }
  return true;
}

/**
 * A short article that a stricter pass read completely, when the looser attempt `a` only adds to
 * it: what `a` adds is what the stricter pass pruned as chrome or boilerplate (a sidebar, the
 * comments), not more of the article.
 */
function completeInside(attempts: readonly Attempt[], a: Attempt): Attempt | null {
  for (const e of attempts) {
    if (e === a) break;
    if (complete(e) && subset(e.blocks, a.blocks)) return e;
  }
  return null;
}

/**
 * With `stopOnly`, the latest attempt when it is acceptable (else null: run the next pass);
 * otherwise the first acceptable attempt, or the one with the most prose. Either way a short
 * article read completely by a stricter pass wins over a looser attempt that only adds to it.
 */
export function chooseAttempt(attempts: readonly Attempt[], stopOnly: boolean): Attempt | null {
  if (stopOnly) {
    const last = attempts[attempts.length - 1];
    return last && acceptable(last) ? completeInside(attempts, last) ?? last : null;
  }
  const ok = attempts.find((a) => acceptable(a));
  if (ok) return completeInside(attempts, ok) ?? ok;
  let best: Attempt | null = null;
  for (const a of attempts) {
    if (!best || a.proseChars > best.proseChars || (a.proseChars === best.proseChars && a.chars > best.chars)) best = a;
  }
  return best;
}
