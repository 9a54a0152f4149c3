/**
 * Multi-class gradient-boosted decision trees with softmax loss: our own small learner, no dependencies.
 *
 * Why this shape:
 * - Histogram-based: every feature is cut once into ≤ maxBins quantile bins, so training reads a pre-binned
 *   Uint8Array and split search costs bins, not rows. The smaller child's histogram is built from its rows,
 *   the sibling's is the parent's minus it.
 * - ONE multi-output tree per round: a leaf holds a K-vector (a Newton step per class,
 *   -learningRate·G_k/(H_k+lambda), diagonal softmax hessian p(1-p)) and a split's gain is summed over
 *   classes. K times fewer trees than one-tree-per-class, so the model file stays small.
 * - Deterministic: row and column subsampling draw from a seeded mulberry32, every loop runs in index order,
 *   ties between splits go to the lowest feature then the lowest bin. The same data and parameters give a
 *   bit-identical model on every run (assuming the engine's Math.exp/Math.log, which V8 implements in software).
 * - Missing values: a NaN feature always goes LEFT (bin 0 in training, `!(v > threshold)` in prediction).
 *   ±Infinity are ordinary extremes; thresholds are always finite data values.
 * - Features are compared as float32, as the training matrix holds them, so a float64 row at prediction time
 *   takes the same path as its float32 copy did in training.
 *
 * Tree encoding (each tree a flat number[], so a model is plain JSON):
 *   [m, f_0, t_0, l_0, r_0, …, f_{m-1}, t_{m-1}, l_{m-1}, r_{m-1}, leaf_0[0..K-1], leaf_1[0..K-1], …]
 *   m internal nodes, node 0 the root (when m = 0 the tree is the single leaf 0). A row goes to l_i when
 *   row[f_i] ≤ t_i or is NaN, else to r_i. A child ref c ≥ 0 is internal node c (always > i, so walks end);
 *   c < 0 is leaf -c-1. Thresholds are float32-representable, leaf values rounded to 5 significant digits
 *   (training continues from the rounded values, so predictions match the training scores exactly).
 */

import { seededRandom } from './random.js';

export interface GbdtParams {
  rounds: number;
  depth: number;
  learningRate: number;
  lambda: number;
  minHessian: number;
  rowSample: number;
  colSample: number;
  maxBins: number;
  seed: number;
}

export const DEFAULT_PARAMS: GbdtParams = Object.freeze({
  rounds: 100, depth: 6, learningRate: 0.25, lambda: 1, minHessian: 2,
  rowSample: 0.4, colSample: 0.35, maxBins: 32, seed: 7,
});

export interface GbdtModel { version: 1; classes: number; features: number; base: number[]; trees: number[][] }

export interface TrainSet {
  /** row-major n×features */
  x: Float32Array;
  /** class 0..classes-1 */
  y: Uint8Array;
  /** row weights ≥ 0, default 1 */
  w?: Float32Array;
  n: number;
  features: number;
  classes: number;
}

const MAX_DEPTH = 16;


/** 5 significant digits keep the JSON small; -0 becomes 0 so a JSON round trip is deep-equal. */
function round5(v: number): number {
  const r = Number(v.toPrecision(5));
  return r === 0 ? 0 : r;
}

function resolveParams(given: Partial<GbdtParams>): GbdtParams {
  const p: GbdtParams = { ...DEFAULT_PARAMS, ...given };
  const bad = (name: keyof GbdtParams, rule: string): never => {
    throw new Error(`gbdt: parameter ${name} = ${String(p[name])} must be ${rule}`);
  };
  if (!Number.isInteger(p.rounds) || p.rounds < 0) bad('rounds', 'an integer ≥ 0');
  if (!Number.isInteger(p.depth) || p.depth < 1 || p.depth > MAX_DEPTH) bad('depth', `an integer in 1..${MAX_DEPTH}`);
  if (!(p.learningRate > 0 && Number.isFinite(p.learningRate))) bad('learningRate', 'a finite number > 0');
  if (!(p.lambda >= 0 && Number.isFinite(p.lambda))) bad('lambda', 'a finite number ≥ 0');
  if (!(p.minHessian >= 0 && Number.isFinite(p.minHessian))) bad('minHessian', 'a finite number ≥ 0');
  if (!(p.rowSample > 0 && p.rowSample <= 1)) bad('rowSample', 'in (0, 1]');
  if (!(p.colSample > 0 && p.colSample <= 1)) bad('colSample', 'in (0, 1]');
  if (!Number.isInteger(p.maxBins) || p.maxBins < 2 || p.maxBins > 256) bad('maxBins', 'an integer in 2..256');
  if (!Number.isInteger(p.seed)) bad('seed', 'an integer');
  return p;
}

function checkTrainSet(d: TrainSet): void {
  const fail = (why: string): never => { throw new Error(`gbdt: training set ${why}`); };
  if (!Number.isInteger(d.n) || d.n < 1) fail(`has n = ${d.n}, need an integer ≥ 1`);
  if (!Number.isInteger(d.features) || d.features < 1) fail(`has features = ${d.features}, need an integer ≥ 1`);
  if (!Number.isInteger(d.classes) || d.classes < 2 || d.classes > 256) fail(`has classes = ${d.classes}, need 2..256`);
  if (d.x.length !== d.n * d.features) fail(`x has ${d.x.length} values, expected n×features = ${d.n * d.features}`);
  if (d.y.length !== d.n) fail(`y has ${d.y.length} labels, expected ${d.n}`);
  for (let i = 0; i < d.n; i++) if (d.y[i]! >= d.classes) fail(`row ${i} has class ${d.y[i]}, expected < ${d.classes}`);
  if (d.w) {
    if (d.w.length !== d.n) fail(`w has ${d.w.length} weights, expected ${d.n}`);
    for (let i = 0; i < d.n; i++) {
      const v = d.w[i]!;
      if (!(v >= 0 && Number.isFinite(v))) fail(`row ${i} has weight ${v}, expected a finite number ≥ 0`);
    }
  }
}

/**
 * Quantile cut points of one feature: sorted distinct finite data values, value v falls in the first bin i
 * with v ≤ cuts[i] (or the last bin). A cut at the maximum would split nothing, so it is dropped.
 */
function featureCuts(x: Float32Array, n: number, F: number, f: number, maxBins: number): Float64Array {
  const col = new Float32Array(n);
  let m = 0;
  for (let r = 0; r < n; r++) {
    const v = x[r * F + f]!;
    if (Number.isFinite(v)) col[m++] = v;
  }
  if (m === 0) return new Float64Array(0);
  const s = col.subarray(0, m).sort();
  const max = s[m - 1]!;
  const cuts: number[] = [];
  const push = (v: number): void => {
    if (v < max && (cuts.length === 0 || v > cuts[cuts.length - 1]!)) cuts.push(v === 0 ? 0 : v);
  };
  let distinct = 1;
  for (let i = 1; i < m && distinct <= maxBins; i++) if (s[i] !== s[i - 1]) distinct++;
  if (distinct <= maxBins) {
    for (let i = 0; i < m; i++) push(s[i]!);
  } else {
    for (let i = 1; i < maxBins; i++) push(s[Math.ceil((i * m) / maxBins) - 1]!);
  }
  return Float64Array.from(cuts);
}

function binOf(v: number, cuts: Float64Array): number {
  if (v !== v) return 0; // NaN: bin 0 is left of every split
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= cuts[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function trainGbdt(data: TrainSet, params: Partial<GbdtParams> = {}, log?: (round: number) => void): GbdtModel {
  const p = resolveParams(params);
  checkTrainSet(data);
  const { n, features: F, classes: K, x, y, w } = data;
  const K2 = 2 * K;

  const cuts: Float64Array[] = [];
  const nbins = new Uint16Array(F);
  let B = 1;
  const binned = new Uint8Array(n * F);
  for (let f = 0; f < F; f++) {
    const c = featureCuts(x, n, F, f, p.maxBins);
    cuts.push(c);
    nbins[f] = c.length + 1;
    if (c.length + 1 > B) B = c.length + 1;
    for (let r = 0; r < n; r++) binned[r * F + f] = binOf(x[r * F + f]!, c);
  }

  // Base score: centred log of the (lightly smoothed) weighted class prior.
  const classW = new Float64Array(K);
  let totalW = 0;
  for (let r = 0; r < n; r++) {
    const wr = w ? w[r]! : 1;
    classW[y[r]!]! += wr;
    totalW += wr;
  }
  if (!(totalW > 0)) throw new Error('gbdt: training set has total weight 0');
  const logPrior = Array.from(classW, (c) => Math.log((c / totalW + 1e-4) / (1 + K * 1e-4)));
  const meanLog = logPrior.reduce((a, b) => a + b, 0) / K;
  const base = logPrior.map((v) => round5(v - meanLog));

  const scores = new Float64Array(n * K);
  for (let r = 0; r < n; r++) for (let k = 0; k < K; k++) scores[r * K + k] = base[k]!;
  const gh = new Float64Array(n * K2); // per row: g_0, h_0, g_1, h_1, …
  const idx = new Uint32Array(n);
  const tmp = new Uint32Array(n);
  const perm = Int32Array.from({ length: F }, (_, i) => i);
  const nSel = Math.max(1, Math.min(F, Math.round(p.colSample * F)));
  const sel = new Int32Array(nSel);
  const histLen = nSel * B * K2;
  const histPool: Float64Array[] = [];
  const takeHist = (): Float64Array => histPool.pop() ?? new Float64Array(histLen);
  const tot = new Float64Array(K2);
  const GL = new Float64Array(K);
  const HL = new Float64Array(K);
  const rng = seededRandom(p.seed);
  const trees: number[][] = [];

  const buildHist = (h: Float64Array, start: number, end: number): void => {
    h.fill(0);
    for (let i = start; i < end; i++) {
      const r = idx[i]!;
      const rb = r * F;
      const go = r * K2;
      for (let s = 0; s < nSel; s++) {
        const o = (s * B + binned[rb + sel[s]!]!) * K2;
        for (let j = 0; j < K2; j++) h[o + j]! += gh[go + j]!;
      }
    }
  };

  const rowTotals = (start: number, end: number): void => {
    tot.fill(0);
    for (let i = start; i < end; i++) {
      const go = idx[i]! * K2;
      for (let j = 0; j < K2; j++) tot[j]! += gh[go + j]!;
    }
  };

  /** Best split of a node from its histogram and totals (in `tot`): slot and bin, or null without gain. */
  const bestSplit = (h: Float64Array): { slot: number; bin: number } | null => {
    const lambda = p.lambda + 1e-12;
    let Htot = 0;
    let parent = 0;
    for (let k = 0; k < K; k++) {
      Htot += tot[2 * k + 1]!;
      parent += (tot[2 * k]! * tot[2 * k]!) / (tot[2 * k + 1]! + lambda);
    }
    if (Htot < 2 * p.minHessian) return null;
    let best = parent + 1e-10 * parent;
    let found: { slot: number; bin: number } | null = null;
    for (let s = 0; s < nSel; s++) {
      const nb = nbins[sel[s]!]!;
      if (nb < 2) continue;
      GL.fill(0);
      HL.fill(0);
      let hl = 0;
      for (let b = 0; b < nb - 1; b++) {
        const o = (s * B + b) * K2;
        for (let k = 0; k < K; k++) {
          GL[k]! += h[o + 2 * k]!;
          const hv = h[o + 2 * k + 1]!;
          HL[k]! += hv;
          hl += hv;
        }
        if (hl < p.minHessian) continue;
        if (Htot - hl < p.minHessian) break;
        let score = 0;
        for (let k = 0; k < K; k++) {
          const gl = GL[k]!;
          const gr = tot[2 * k]! - gl;
          const hr = Math.max(0, tot[2 * k + 1]! - HL[k]!);
          score += (gl * gl) / (HL[k]! + lambda) + (gr * gr) / (hr + lambda);
        }
        if (score > best) {
          best = score;
          found = { slot: s, bin: b };
        }
      }
    }
    return found;
  };

  interface Pending { start: number; end: number; depth: number; hist: Float64Array | null; parent: number; right: boolean }

  for (let round = 0; round < p.rounds; round++) {
    // Row sample (at least one row), then column sample by a partial Fisher-Yates shuffle.
    let m = 0;
    if (p.rowSample >= 1) {
      for (let r = 0; r < n; r++) idx[m++] = r;
    } else {
      for (let r = 0; r < n; r++) if (rng() < p.rowSample) idx[m++] = r;
      if (m === 0) idx[m++] = Math.floor(rng() * n);
    }
    for (let i = 0; i < nSel; i++) {
      const j = i + Math.floor(rng() * (F - i));
      const t = perm[i]!;
      perm[i] = perm[j]!;
      perm[j] = t;
    }
    sel.set(perm.subarray(0, nSel));
    sel.sort();

    // Softmax gradients and diagonal hessians of the sampled rows.
    for (let i = 0; i < m; i++) {
      const r = idx[i]!;
      const so = r * K;
      let mx = -Infinity;
      for (let k = 0; k < K; k++) if (scores[so + k]! > mx) mx = scores[so + k]!;
      let sum = 0;
      for (let k = 0; k < K; k++) sum += Math.exp(scores[so + k]! - mx);
      const wr = w ? w[r]! : 1;
      const yr = y[r]!;
      const go = r * K2;
      for (let k = 0; k < K; k++) {
        const pk = Math.exp(scores[so + k]! - mx) / sum;
        gh[go + 2 * k] = wr * (pk - (k === yr ? 1 : 0));
        gh[go + 2 * k + 1] = wr * Math.max(pk * (1 - pk), 1e-16);
      }
    }

    const nodeFeat: number[] = [];
    const nodeBin: number[] = [];
    const nodeThr: number[] = [];
    const nodeLeft: number[] = [];
    const nodeRight: number[] = [];
    const leaves: number[] = [];
    let rootHist: Float64Array | null = null;
    if (p.depth > 0) {
      rootHist = takeHist();
      buildHist(rootHist, 0, m);
    }
    const queue: Pending[] = [{ start: 0, end: m, depth: 0, hist: rootHist, parent: -1, right: false }];
    for (let qi = 0; qi < queue.length; qi++) {
      const nd = queue[qi]!;
      rowTotals(nd.start, nd.end);
      const split = nd.depth < p.depth && nd.hist ? bestSplit(nd.hist) : null;
      let ref: number;
      if (!split) {
        ref = -(leaves.length / K) - 1;
        for (let k = 0; k < K; k++) {
          leaves.push(round5((-p.learningRate * tot[2 * k]!) / (tot[2 * k + 1]! + p.lambda + 1e-12)));
        }
        if (nd.hist) histPool.push(nd.hist);
      } else {
        const f = sel[split.slot]!;
        ref = nodeFeat.length;
        nodeFeat.push(f);
        nodeBin.push(split.bin);
        nodeThr.push(cuts[f]![split.bin]!);
        nodeLeft.push(0);
        nodeRight.push(0);
        // Stable partition keeps row indices ascending, so histogram reads stay near-sequential.
        let l = nd.start;
        let rc = 0;
        for (let i = nd.start; i < nd.end; i++) {
          const r = idx[i]!;
          if (binned[r * F + f]! <= split.bin) idx[l++] = r;
          else tmp[rc++] = r;
        }
        idx.set(tmp.subarray(0, rc), l);
        let lh: Float64Array | null = null;
        let rh: Float64Array | null = null;
        const parentHist = nd.hist!;
        if (nd.depth + 1 < p.depth) {
          const small = takeHist();
          const leftSmaller = l - nd.start <= nd.end - l;
          if (leftSmaller) buildHist(small, nd.start, l);
          else buildHist(small, l, nd.end);
          for (let j = 0; j < histLen; j++) parentHist[j]! -= small[j]!;
          lh = leftSmaller ? small : parentHist;
          rh = leftSmaller ? parentHist : small;
        } else {
          histPool.push(parentHist);
        }
        queue.push({ start: nd.start, end: l, depth: nd.depth + 1, hist: lh, parent: ref, right: false });
        queue.push({ start: l, end: nd.end, depth: nd.depth + 1, hist: rh, parent: ref, right: true });
      }
      if (nd.parent >= 0) (nd.right ? nodeRight : nodeLeft)[nd.parent] = ref;
    }

    // Every row (sampled or not) moves by its leaf's step; bins route exactly as thresholds do.
    const im = nodeFeat.length;
    for (let r = 0; r < n; r++) {
      let node = im > 0 ? 0 : -1;
      const rb = r * F;
      while (node >= 0) node = binned[rb + nodeFeat[node]!]! <= nodeBin[node]! ? nodeLeft[node]! : nodeRight[node]!;
      const lo = (-node - 1) * K;
      const so = r * K;
      for (let k = 0; k < K; k++) scores[so + k]! += leaves[lo + k]!;
    }

    const tree: number[] = [im];
    for (let i = 0; i < im; i++) tree.push(nodeFeat[i]!, nodeThr[i]!, nodeLeft[i]!, nodeRight[i]!);
    for (const v of leaves) tree.push(v);
    trees.push(tree);
    log?.(round);
  }
  return { version: 1, classes: K, features: F, base, trees };
}

/** Why a (e.g. loaded) model is unusable, or null when predictions on it are safe. */
export function checkModel(model: unknown): string | null {
  if (typeof model !== 'object' || model === null) return 'model is not an object';
  const md = model as Partial<GbdtModel>;
  if (md.version !== 1) return `unsupported version ${String(md.version)}, expected 1`;
  const K = md.classes;
  const F = md.features;
  if (typeof K !== 'number' || !Number.isInteger(K) || K < 2) return `classes = ${String(K)}, expected an integer ≥ 2`;
  if (typeof F !== 'number' || !Number.isInteger(F) || F < 1) return `features = ${String(F)}, expected an integer ≥ 1`;
  if (!Array.isArray(md.base) || md.base.length !== K) return `base has ${Array.isArray(md.base) ? md.base.length : 'no'} values, expected ${K}`;
  if (!md.base.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'base holds a non-finite value';
  if (!Array.isArray(md.trees)) return 'trees is not an array';
  for (let t = 0; t < md.trees.length; t++) {
    const tree = md.trees[t];
    if (!Array.isArray(tree) || !tree.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      return `tree ${t} is not an array of finite numbers`;
    }
    const m = tree[0];
    if (m === undefined || !Number.isInteger(m) || m < 0) return `tree ${t} has node count ${String(m)}`;
    const leafValues = tree.length - 1 - 4 * m;
    if (leafValues < K || leafValues % K !== 0) return `tree ${t} has length ${tree.length}, which fits no whole number of ${K}-value leaves after ${m} nodes`;
    const L = leafValues / K;
    if (m === 0 && L !== 1) return `tree ${t} has no nodes but ${L} leaves`;
    for (let i = 0; i < m; i++) {
      const o = 1 + 4 * i;
      const f = tree[o]!;
      if (!Number.isInteger(f) || f < 0 || f >= F) return `tree ${t} node ${i} tests feature ${f}, expected 0..${F - 1}`;
      for (const c of [tree[o + 2]!, tree[o + 3]!]) {
        if (!Number.isInteger(c) || !((c > i && c < m) || (c < 0 && c >= -L))) {
          return `tree ${t} node ${i} has child ${c}, expected a later node (< ${m}) or a leaf (-1..-${L})`;
        }
      }
    }
  }
  return null;
}

/**
 * A model's trees flattened into typed arrays for prediction. Leaves are nodes too, and they
 * absorb: both children of a leaf are the leaf itself and its threshold is +Infinity (nothing,
 * NaN included, is greater). So a walk of exactly the tree's depth steps from the root ends on
 * the row's leaf, a loop without a data-dependent exit, and several rows can walk a tree side
 * by side. Node c's children are children[2c] (row[feature[c]] ≤ threshold[c], or NaN) and
 * children[2c + 1]; a leaf's K values start at leafValues[leafAt[c]]. The sums are taken in the
 * same tree order as the JSON encoding, so the results are bit-identical.
 */
interface CompiledGbdt {
  trees: readonly number[][];
  treeCount: number;
  /** Node each tree starts at (its single leaf when it has no split). */
  roots: Int32Array;
  /** Longest root-to-leaf path of each tree, in splits. */
  depths: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  children: Int32Array;
  /** Where a leaf node's values start in leafValues (-1 for split nodes). */
  leafAt: Int32Array;
  leafValues: Float64Array;
}

const compiledModels = new WeakMap<GbdtModel, CompiledGbdt>();

function compile(model: GbdtModel): CompiledGbdt {
  const K = model.classes;
  let nodes = 0, values = 0;
  for (const tree of model.trees) {
    const leafValues = tree.length - 1 - 4 * tree[0]!;
    nodes += tree[0]! + leafValues / K;
    values += leafValues;
  }
  const T = model.trees.length;
  const c: CompiledGbdt = {
    trees: model.trees, treeCount: T, roots: new Int32Array(T), depths: new Int32Array(T),
    feature: new Int32Array(nodes), threshold: new Float64Array(nodes), children: new Int32Array(2 * nodes),
    leafAt: new Int32Array(nodes).fill(-1), leafValues: new Float64Array(values),
  };
  let n0 = 0, v0 = 0;
  model.trees.forEach((tree, t) => {
    const m = tree[0]!, leaves = (tree.length - 1 - 4 * m) / K;
    // Splits are nodes n0..n0+m-1, leaf l is node n0+m+l.
    const node = (r: number): number => (r >= 0 ? n0 + r : n0 + m + (-r - 1));
    c.roots[t] = m > 0 ? n0 : node(-1);
    for (let i = 0; i < m; i++) {
      const o = 1 + 4 * i;
      c.feature[n0 + i] = tree[o]!;
      c.threshold[n0 + i] = tree[o + 1]!;
      c.children[2 * (n0 + i)] = node(tree[o + 2]!);
      c.children[2 * (n0 + i) + 1] = node(tree[o + 3]!);
    }
    for (let l = 0; l < leaves; l++) {
      const nd = n0 + m + l;
      c.threshold[nd] = Infinity;
      c.children[2 * nd] = nd;
      c.children[2 * nd + 1] = nd;
      c.leafAt[nd] = v0 + l * K;
    }
    for (let j = 1 + 4 * m; j < tree.length; j++) c.leafValues[v0 + j - 1 - 4 * m] = tree[j]!;
    // A split's children come after it: depths from the last split back to the root.
    const depth = new Int32Array(m);
    const below = (r: number): number => (r < 0 ? 0 : depth[r]!);
    for (let i = m - 1; i >= 0; i--) depth[i] = 1 + Math.max(below(tree[1 + 4 * i + 2]!), below(tree[1 + 4 * i + 3]!));
    c.depths[t] = m > 0 ? depth[0]! : 0;
    n0 += m + leaves;
    v0 += tree.length - 1 - 4 * m;
  });
  return c;
}

/** The compiled form of a model, built on first use (again if its tree list was replaced or grew). */
function compiled(model: GbdtModel): CompiledGbdt {
  const c = compiledModels.get(model);
  if (c && c.trees === model.trees && c.treeCount === model.trees.length) return c;
  const fresh = compile(model);
  compiledModels.set(model, fresh);
  return fresh;
}

/** Scores (K per row, from `o`) turned into log-probabilities in place: log-softmax. */
function logSoftmax(s: Float64Array, o: number, K: number): void {
  let mx = -Infinity;
  for (let k = 0; k < K; k++) if (s[o + k]! > mx) mx = s[o + k]!;
  let sum = 0;
  for (let k = 0; k < K; k++) sum += Math.exp(s[o + k]! - mx);
  const lse = mx + Math.log(sum);
  for (let k = 0; k < K; k++) s[o + k]! -= lse;
}

/** Log-softmax of the summed scores. The model is trusted: run checkModel once when loading it. */
export function predictLogProba(model: GbdtModel, row: ArrayLike<number>, out?: Float64Array): Float64Array {
  const K = model.classes;
  if (row.length !== model.features) throw new Error(`gbdt: row has ${row.length} features, model expects ${model.features}`);
  const s = out ?? new Float64Array(K);
  if (s.length < K) throw new Error(`gbdt: output buffer holds ${s.length} values, need ${K}`);
  for (let k = 0; k < K; k++) s[k] = model.base[k]!;
  const { roots, depths, feature, threshold, children, leafAt, leafValues } = compiled(model);
  for (let t = 0; t < roots.length; t++) {
    let node = roots[t]!;
    // Compared as float32, as training binned them; NaN > t is false: NaN goes left.
    for (let d = depths[t]!; d > 0; d--) node = children[2 * node + +(Math.fround(row[feature[node]!]!) > threshold[node]!)]!;
    addLeaf(s, 0, leafValues, leafAt[node]!, K);
  }
  logSoftmax(s, 0, K);
  return s;
}

// Rows that walk a tree side by side: independent walks the processor overlaps.
const LANES = 4;

function addLeaf(s: Float64Array, o: number, values: Float64Array, at: number, K: number): void {
  for (let k = 0; k < K; k++) s[o + k]! += values[at + k]!;
}

// Rows per tile of predictLogProbaRows: every tree walks one tile before the next tile.
const ROW_TILE = 256;

/** Adds every tree's leaf to the sums of rows from..n-1 (n: one past the last). */
function walkRows(c: CompiledGbdt, x: Float32Array, from: number, n: number, F: number, K: number, s: Float64Array): void {
  const { roots, depths, feature, threshold, children, leafAt, leafValues } = c;
  // A Float32Array holds float32 values already: no Math.fround. NaN > t is false: NaN goes
  // left. The child is picked by arithmetic (+(v > t)), which compiles without a branch.
  for (let t = 0; t < roots.length; t++) {
    const root = roots[t]!, depth = depths[t]!;
    let r = from;
    for (; r + LANES <= n; r += LANES) {
      const a0 = r * F, a1 = a0 + F, a2 = a1 + F, a3 = a2 + F;
      let n0 = root, n1 = root, n2 = root, n3 = root;
      for (let d = depth; d > 0; d--) {
        n0 = children[2 * n0 + +(x[a0 + feature[n0]!]! > threshold[n0]!)]!;
        n1 = children[2 * n1 + +(x[a1 + feature[n1]!]! > threshold[n1]!)]!;
        n2 = children[2 * n2 + +(x[a2 + feature[n2]!]! > threshold[n2]!)]!;
        n3 = children[2 * n3 + +(x[a3 + feature[n3]!]! > threshold[n3]!)]!;
      }
      addLeaf(s, r * K, leafValues, leafAt[n0]!, K);
      addLeaf(s, (r + 1) * K, leafValues, leafAt[n1]!, K);
      addLeaf(s, (r + 2) * K, leafValues, leafAt[n2]!, K);
      addLeaf(s, (r + 3) * K, leafValues, leafAt[n3]!, K);
    }
    for (; r < n; r++) {
      const at = r * F;
      let node = root;
      for (let d = depth; d > 0; d--) node = children[2 * node + +(x[at + feature[node]!]! > threshold[node]!)]!;
      addLeaf(s, r * K, leafValues, leafAt[node]!, K);
    }
  }
}

/**
 * predictLogProba of every row of a row-major n×features float32 matrix, into `out` (n×K,
 * row-major). Tree by tree over a tile of rows, LANES rows at a time, rather than row by row:
 * a tree's nodes and the tile's rows stay in cache, the walks of a lane's rows overlap, and no
 * row view is made.
 * Each row's sums are taken in the same tree order as predictLogProba's, so the results are
 * bit-identical to it.
 */
export function predictLogProbaRows(model: GbdtModel, x: Float32Array, n: number, out?: Float64Array): Float64Array {
  const K = model.classes, F = model.features;
  if (x.length < n * F) throw new Error(`gbdt: matrix holds ${x.length} values, ${n} rows need ${n * F}`);
  const s = out ?? new Float64Array(n * K);
  if (s.length < n * K) throw new Error(`gbdt: output buffer holds ${s.length} values, need ${n * K}`);
  for (let r = 0; r < n; r++) for (let k = 0; k < K; k++) s[r * K + k] = model.base[k]!;
  // In tiles of rows: a whole long document's matrix (60,000 table rows: 14 MB) streamed once
  // per tree would fall out of cache every time.
  const c = compiled(model);
  for (let r = 0; r < n; r += ROW_TILE) walkRows(c, x, r, Math.min(n, r + ROW_TILE), F, K, s);
  for (let o = 0; o < n * K; o += K) logSoftmax(s, o, K);
  return s;
}

/** Softmax class probabilities, length K, summing to 1. */
export function predictProba(model: GbdtModel, row: ArrayLike<number>, out?: Float64Array): Float64Array {
  const s = predictLogProba(model, row, out);
  for (let k = 0; k < model.classes; k++) s[k] = Math.exp(s[k]!);
  return s;
}
