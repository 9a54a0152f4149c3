// Dump extraction CPU, this checkout against a baseline checkout, measured in the same run:
// `lede extract -j 1` over N synthetic dumps (bench/synth-dumps.ts) and over the corpus's w3m
// dumps, each side run in turn (interleaved, so drift on this shared machine hits both), user +
// system CPU seconds of the whole process from /usr/bin/time. Prints every run and the ratio
// of the medians (baseline / this: above 1 means this checkout is faster).
//
//   npx tsx bench/dump-speed.ts --base /path/to/built/checkout [--this DIR] [--files 5000] [--repeats 3]
//
// Both checkouts must be built (npm run build); --this (default: this checkout) may name a
// copy of a build, so that work can go on here while it runs. The synthetic dumps are written to a temporary
// folder and removed afterwards.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSourceArticles, writeSyntheticDumps } from './synth-dumps.js';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus');

const { values } = parseArgs({ options: { base: { type: 'string' }, this: { type: 'string' }, files: { type: 'string', default: '5000' }, repeats: { type: 'string', default: '3' } } });
if (!values.base) {
  console.error('dump-speed: --base DIR (a built lede checkout to compare with) is required');
  process.exit(2);
}
const sides = [{ name: 'base', dir: resolve(values.base) }, { name: 'this', dir: resolve(values.this ?? ROOT) }];
const n = Number(values.files), repeats = Number(values.repeats);

/** CPU seconds (user + system) of one `lede extract -j 1` over the inputs. */
function cpuOf(dir: string, inputs: string[]): number {
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', 'node', join(dir, 'bin', 'lede.js'), 'extract', '-j', '1', ...inputs], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [user, sys] = last.split(' ').map(Number);
  if (!Number.isFinite(user) || !Number.isFinite(sys)) throw new Error(`dump-speed: no timing from ${dir}: ${last}`);
  return user! + sys!;
}

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]!; };

const work = mkdtempSync(join(tmpdir(), 'lede-dump-speed-'));
try {
  const folders = writeSyntheticDumps(work, loadSourceArticles(join(CORPUS, 'text')), n);
  const sets = [{ name: `${n} synthetic dumps`, inputs: folders }, { name: 'corpus w3m dumps', inputs: [join(CORPUS, 'dumps')] }];
  for (const set of sets) {
    const times: Record<string, number[]> = { base: [], this: [] };
    for (let r = 0; r < repeats; r++) {
      // Alternate which side goes first, so neither always runs on a warmer cache.
      for (const s of r % 2 === 0 ? sides : [...sides].reverse()) times[s.name]!.push(cpuOf(s.dir, set.inputs));
    }
    const b = median(times.base!), t = median(times.this!);
    console.log(`${set.name}: base ${times.base!.map((x) => x.toFixed(2)).join(', ')} s; this ${times.this!.map((x) => x.toFixed(2)).join(', ')} s; median ratio base/this ${(b / t).toFixed(2)}x`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
