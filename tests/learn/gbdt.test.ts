import { describe, expect, it } from 'vitest';
import { checkModel, predictLogProba, predictLogProbaRows, predictProba, trainGbdt, type GbdtModel, type TrainSet } from '../../src/learn/gbdt.js';

/** Seeded LCG so the synthetic data is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Three classes by the sign pattern of two informative features, plus noise features and some NaNs. */
function threeClass(n: number, seed = 1): TrainSet {
  const F = 6;
  const rnd = lcg(seed);
  const x = new Float32Array(n * F);
  const y = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    for (let f = 0; f < F; f++) x[r * F + f] = rnd() * 2 - 1;
    const a = x[r * F]!;
    const b = x[r * F + 3]!;
    y[r] = a < -0.2 ? 0 : b < 0.1 ? 1 : 2;
    if (r % 17 === 0) x[r * F + 5] = NaN;
  }
  return { x, y, n, features: F, classes: 3 };
}

function argmax(p: Float64Array): number {
  let b = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[b]!) b = k;
  return b;
}

function row(d: TrainSet, r: number): Float32Array {
  return d.x.subarray(r * d.features, (r + 1) * d.features);
}

const small = { rounds: 30, depth: 4 };

describe('trainGbdt', () => {
  const data = threeClass(3000);
  const model = trainGbdt(data, small);

  it('learns a separable 3-class problem to ≥ 95% train accuracy', () => {
    let ok = 0;
    for (let r = 0; r < data.n; r++) if (argmax(predictProba(model, row(data, r))) === data.y[r]) ok++;
    expect(ok / data.n).toBeGreaterThanOrEqual(0.95);
    expect(checkModel(model)).toBeNull();
  });

  it('generalises to fresh rows from the same rule', () => {
    const fresh = threeClass(1000, 99);
    let ok = 0;
    for (let r = 0; r < fresh.n; r++) if (argmax(predictProba(model, row(fresh, r))) === fresh.y[r]) ok++;
    expect(ok / fresh.n).toBeGreaterThanOrEqual(0.9);
  });

  it('is deterministic: two trainings give deep-equal models and identical JSON, which round-trips', () => {
    const again = trainGbdt(threeClass(3000), small);
    expect(again).toEqual(model);
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('depends on the seed (subsampling really happens)', () => {
    const other = trainGbdt(data, { ...small, seed: 8 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(model));
  });

  it('gives probabilities that sum to 1, and log-probabilities that match them', () => {
    const out = new Float64Array(3);
    for (let r = 0; r < 50; r++) {
      const p = predictProba(model, row(data, r));
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (const v of p) expect(v).toBeGreaterThan(0);
      const lp = predictLogProba(model, row(data, r), out);
      for (let k = 0; k < 3; k++) expect(Math.exp(lp[k]!)).toBeCloseTo(p[k]!, 12);
    }
  });

  it('predicts a whole matrix bit-identically to predicting row by row (NaN rows included, across row tiles and a ragged last tile)', () => {
    const fresh = threeClass(603, 5);
    for (let r = 0; r < fresh.n; r += 7) fresh.x[r * fresh.features + 1] = NaN;
    const all = predictLogProbaRows(model, fresh.x, fresh.n);
    expect(all.length).toBe(fresh.n * 3);
    for (let r = 0; r < fresh.n; r++) {
      const one = predictLogProba(model, row(fresh, r));
      for (let k = 0; k < 3; k++) expect(Object.is(all[r * 3 + k], one[k])).toBe(true);
    }
    // Fewer rows than the matrix holds: only those are written.
    const out = new Float64Array(fresh.n * 3).fill(7);
    predictLogProbaRows(model, fresh.x, 10, out);
    expect(Array.from(out.subarray(0, 30))).toEqual(Array.from(all.subarray(0, 30)));
    expect(out[30]).toBe(7);
    expect(() => predictLogProbaRows(model, fresh.x, fresh.n + 1)).toThrow(/matrix holds/);
  });

  it('sends NaN features left and compares float64 rows as float32, as in training', () => {
    // A one-node model on feature 0 at threshold fround(0.7) < 0.7: 0.7 must still go left.
    const t = Math.fround(0.7);
    const m: GbdtModel = { version: 1, classes: 2, features: 1, base: [0, 0], trees: [[1, 0, t, -1, -2, 5, 0, 0, 5]] };
    expect(checkModel(m)).toBeNull();
    expect(argmax(predictProba(m, [0.7]))).toBe(0);
    expect(argmax(predictProba(m, [NaN]))).toBe(0);
    expect(argmax(predictProba(m, [0.71]))).toBe(1);
  });

  it('sums the right leaf of lopsided and single-leaf trees, walking rows one by one or side by side', () => {
    // Tree 1: x0 ≤ 0 → leaf A; else x1 ≤ 0 → leaf B; else x0 ≤ 5 → leaf C, else leaf D (depth 3 on
    // one side, 1 on the other). Tree 2: a single leaf. Scores are the leaves' sums, before softmax.
    const m: GbdtModel = {
      version: 1, classes: 2, features: 2, base: [0.5, -0.5],
      trees: [[3, 0, 0, -1, 1, 1, 0, -2, 2, 0, 5, -3, -4, 1, 0, 0, 2, 3, 0, 0, 4], [0, 0.25, 0.75]],
    };
    expect(checkModel(m)).toBeNull();
    const rows = [[-1, 9], [1, -1], [1, 1], [9, 1], [NaN, 1], [2, NaN], [6, 6]];
    const leaf = ([a, b]: number[]): number[] => (!(a! > 0) ? [1, 0] : !(b! > 0) ? [0, 2] : !(a! > 5) ? [3, 0] : [0, 4]);
    const x = Float32Array.from(rows.flat());
    const all = predictLogProbaRows(m, x, rows.length);
    rows.forEach((r, i) => {
      const [l0, l1] = leaf(r);
      const s0 = 0.5 + l0! + 0.25, s1 = -0.5 + l1! + 0.75;
      const lse = Math.max(s0, s1) + Math.log(Math.exp(s0 - Math.max(s0, s1)) + Math.exp(s1 - Math.max(s0, s1)));
      expect(all[2 * i]).toBeCloseTo(s0 - lse, 12);
      expect(all[2 * i + 1]).toBeCloseTo(s1 - lse, 12);
      const one = predictLogProba(m, r);
      expect([one[0], one[1]]).toEqual([all[2 * i], all[2 * i + 1]]);
    });
  });

  it('lets row weights matter: upweighting a class shifts predictions towards it', () => {
    // Overlapping classes: feature 0 only weakly tells them apart.
    const n = 2000;
    const rnd = lcg(5);
    const x = new Float32Array(n);
    const y = new Uint8Array(n);
    for (let r = 0; r < n; r++) {
      y[r] = r % 2;
      x[r] = rnd() + (y[r] === 1 ? 0.3 : 0);
    }
    const plain: TrainSet = { x, y, n, features: 1, classes: 2 };
    const w = new Float32Array(n).map((_, r) => (y[r] === 1 ? 4 : 1));
    const params = { rounds: 20, depth: 2, rowSample: 1, colSample: 1 };
    const m0 = trainGbdt(plain, params);
    const m1 = trainGbdt({ ...plain, w }, params);
    let p0 = 0;
    let p1 = 0;
    let called = 0;
    for (let r = 0; r < n; r++) {
      p0 += predictProba(m0, [x[r]!])[1]!;
      p1 += predictProba(m1, [x[r]!])[1]!;
    }
    trainGbdt(plain, { ...params, rounds: 3 }, () => called++);
    expect(p1 / n).toBeGreaterThan(p0 / n + 0.15);
    expect(called).toBe(3);
  });

  it('stays small: leaves carry at most 5 significant digits', () => {
    for (const tree of model.trees) {
      const m = tree[0]!;
      for (const v of tree.slice(1 + 4 * m)) expect(Number(v.toPrecision(5))).toBe(v);
      for (let i = 0; i < m; i++) expect(Math.fround(tree[2 + 4 * i]!)).toBe(tree[2 + 4 * i]);
    }
  });

  it('refuses bad training sets and parameters with the reason', () => {
    expect(() => trainGbdt({ ...data, n: data.n + 1 })).toThrow(/x has 18000 values/);
    expect(() => trainGbdt({ ...data, y: new Uint8Array(data.n).fill(3) })).toThrow(/row 0 has class 3/);
    expect(() => trainGbdt(data, { rowSample: 0 })).toThrow(/rowSample/);
    expect(() => trainGbdt(data, { maxBins: 300 })).toThrow(/maxBins/);
  });
});

describe('checkModel', () => {
  const model = trainGbdt(threeClass(500), { rounds: 3, depth: 3 });
  const clone = (): GbdtModel => JSON.parse(JSON.stringify(model)) as GbdtModel;

  it('accepts a trained model and rejects wrong shapes with a reason', () => {
    expect(checkModel(model)).toBeNull();
    const shortBase = clone();
    shortBase.base.pop();
    expect(checkModel(shortBase)).toMatch(/base has 2 values, expected 3/);
    const cutTree = clone();
    cutTree.trees[1]!.pop();
    expect(checkModel(cutTree)).toMatch(/tree 1 has length/);
    const badFeature = clone();
    badFeature.trees[0]![1] = 6;
    expect(checkModel(badFeature)).toMatch(/tests feature 6/);
    const cycle = clone();
    cycle.trees[0]![3] = 0;
    expect(checkModel(cycle)).toMatch(/child 0/);
    expect(checkModel({ ...clone(), version: 2 })).toMatch(/version/);
    expect(checkModel(null)).toMatch(/not an object/);
    const nan = clone();
    nan.trees[2]![nan.trees[2]!.length - 1] = Number.NaN;
    expect(checkModel(nan)).toMatch(/finite/);
  });

  it('prediction refuses a row of the wrong length', () => {
    expect(() => predictProba(model, [1, 2, 3])).toThrow(/row has 3 features, model expects 6/);
  });
});
