// One consistent labelling per dump under the classifier's per-block log-probabilities and the
// layout grammar
//   chrome* [tag chrome*] headline (chrome|meta)* [deck (chrome|meta)*] body (body|chrome|meta)*
// (meta lines may also stand above the headline), over nine states, so a tag is always above
// its headline and a deck always between headline and body. The headline is the block most
// probably the headline summed over every labelling of the others (forward-backward), the rest
// the most probable labelling given it (Viterbi). The headline is the field scored on its own
// (and the one content_hash turns on), and the single most probable labelling as a whole can
// trade it for the deck below when the true headline reads a little like chrome: choosing it
// by its own probability raised the leave-site-out headline of w3m, lynx and select-all dumps
// from 0.794/0.796/0.740 to 0.801/0.799/0.747 (Markdown unchanged).
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
const HEADLINE_STATE = 3;
const ENDS = new Set([7, 8]);
const S = EMITS.length;

/**
 * Labels (LABEL_INDEX) for n blocks, given row-major n×LABEL_COUNT log-probabilities; null when
 * no labelling fits the grammar (fewer than two blocks).
 */
export function decodeLayout(logp: Float64Array, n: number): Int8Array | null {
  if (n < 2) return null;
  const w = headlineWeights(logp, n);
  if (!w) return null;
  let h = 0;
  for (let i = 1; i < n; i++) if (w[i]! > w[h]!) h = i;
  return w[h]! > 0 ? bestLabelling(logp, n, h) : null;
}

/** The most probable labelling with the headline at block h. */
function bestLabelling(logp: Float64Array, n: number, h: number): Int8Array | null {
  const allowed = (i: number, s: number) => (s === HEADLINE_STATE) === (i === h);
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
  for (const s of STARTS) if (allowed(0, s)) score[s] = emit(0, s);
  for (let i = 1; i < n; i++) {
    for (let p = 0; p < S; p++) {
      const prev = score[(i - 1) * S + p]!;
      if (prev === -Infinity) continue;
      for (const s of NEXT[p]!) {
        if (prev > score[i * S + s]!) { score[i * S + s] = prev; back[i * S + s] = p; }
      }
    }
    for (let s = 0; s < S; s++) {
      if (!allowed(i, s)) score[i * S + s] = -Infinity;
      else if (score[i * S + s]! > -Infinity) score[i * S + s]! += emit(i, s);
    }
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

/**
 * Per block, a weight proportional to the summed probability of every labelling that fits the
 * grammar with the headline there (forward-backward, each step rescaled so that long dumps do
 * not underflow; the scale is common to all blocks, so the weights compare within a dump); null
 * when no labelling has any probability.
 */
export function headlineWeights(logp: Float64Array, n: number): Float64Array | null {
  // Emission of each state: the summed probability of the labels it may emit, each block's
  // probabilities taken relative to its likeliest label (a factor every labelling shares).
  const e = new Float64Array(n * S);
  const p = new Float64Array(LABEL_COUNT);
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let l = 0; l < LABEL_COUNT; l++) max = Math.max(max, logp[i * LABEL_COUNT + l]!);
    for (let l = 0; l < LABEL_COUNT; l++) p[l] = Math.exp(logp[i * LABEL_COUNT + l]! - max);
    for (let s = 0; s < S; s++) {
      let v = 0;
      for (const l of EMITS[s]!) v += p[l]!;
      e[i * S + s] = v;
    }
  }
  const a = new Float64Array(n * S), b = new Float64Array(n * S), scale = new Float64Array(n);
  for (const s of STARTS) a[s] = e[s]!;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      for (let q = 0; q < S; q++) {
        const prev = a[(i - 1) * S + q]!;
        if (prev === 0) continue;
        for (const s of NEXT[q]!) a[i * S + s]! += prev;
      }
      for (let s = 0; s < S; s++) a[i * S + s]! *= e[i * S + s]!;
    }
    let c = 0;
    for (let s = 0; s < S; s++) c += a[i * S + s]!;
    if (!(c > 0)) return null;
    scale[i] = c;
    for (let s = 0; s < S; s++) a[i * S + s]! /= c;
  }
  for (const s of ENDS) b[(n - 1) * S + s] = 1;
  for (let i = n - 2; i >= 0; i--) {
    for (let q = 0; q < S; q++) {
      let v = 0;
      for (const s of NEXT[q]!) v += e[(i + 1) * S + s]! * b[(i + 1) * S + s]!;
      b[i * S + q] = v / scale[i + 1]!;
    }
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i * S + HEADLINE_STATE]! * b[i * S + HEADLINE_STATE]!;
  return out;
}
