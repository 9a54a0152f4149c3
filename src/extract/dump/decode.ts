// One consistent labelling per dump: the most probable sequence of labels under the
// classifier's per-block log-probabilities and the layout grammar
//   chrome* [tag chrome*] headline (chrome|meta)* [deck (chrome|meta)*] body (body|chrome|meta)*
// (meta lines may also stand above the headline). Exact Viterbi over nine states, so a tag is
// always above its headline and a deck always between headline and body.
import { LABEL_COUNT, LABEL_INDEX } from './labels.js';

const { chrome: C, tag: T, headline: H, deck: D, meta: M, body: B } = LABEL_INDEX;

// State → the labels it may emit (the best of them is taken).
const EMITS: readonly (readonly number[])[] = [
  [C, M], // 0 before the tag/headline
  [T], // 1 tag
  [C, M], // 2 between tag and headline
  [H], // 3 headline
  [C, M], // 4 after the headline
  [D], // 5 deck
  [C, M], // 6 after the deck
  [B], // 7 first body block
  [B, C, M], // 8 the rest
];
const NEXT: readonly (readonly number[])[] = [
  [0, 1, 3], [2, 3], [2, 3], [4, 5, 7], [4, 5, 7], [6, 7], [6, 7], [8], [8],
];
const STARTS = [0, 1, 3];
const ENDS = new Set([7, 8]);
const S = EMITS.length;

/**
 * Labels (LABEL_INDEX) for n blocks, given row-major n×LABEL_COUNT log-probabilities; null when
 * no labelling fits the grammar (fewer than two blocks).
 */
export function decodeLayout(logp: Float64Array, n: number): Int8Array | null {
  if (n < 2) return null;
  const score = new Float64Array(n * S).fill(-Infinity);
  const back = new Int8Array(n * S).fill(-1);
  const pick = new Int8Array(n * S);
  const emit = (i: number, s: number): number => {
    let best = -Infinity, label = EMITS[s]![0]!;
    for (const l of EMITS[s]!) {
      const v = logp[i * LABEL_COUNT + l]!;
      if (v > best) { best = v; label = l; }
    }
    pick[i * S + s] = label;
    return best;
  };
  for (const s of STARTS) score[s] = emit(0, s);
  for (let i = 1; i < n; i++) {
    for (let p = 0; p < S; p++) {
      const prev = score[(i - 1) * S + p]!;
      if (prev === -Infinity) continue;
      for (const s of NEXT[p]!) {
        if (prev > score[i * S + s]!) { score[i * S + s] = prev; back[i * S + s] = p; }
      }
    }
    for (let s = 0; s < S; s++) if (score[i * S + s]! > -Infinity) score[i * S + s]! += emit(i, s);
  }
  let end = -1, best = -Infinity;
  for (const s of ENDS) if (score[(n - 1) * S + s]! > best) { best = score[(n - 1) * S + s]!; end = s; }
  if (end < 0) return null;
  const labels = new Int8Array(n);
  for (let i = n - 1, s = end; i >= 0; i--) {
    labels[i] = pick[i * S + s]!;
    s = back[i * S + s]!;
  }
  return labels;
}
