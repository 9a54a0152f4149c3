// npm run torture: every hostile thing at once against the built CLI — a mix of bad and good
// inputs in one run, kill -9 at seeded random moments, Ctrl-C, rival writers, a full disk,
// read-only files, old and new schema versions — printed as one table. Exits 1 when any line
// shows a row lost, a corrupt database or an outcome other than the expected one.
// Options: --quick (the sizes `npm test` uses), --seed N (kill moments), --trials N (kill -9 runs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BUILT } from '../tests/robustness/hostile.js';
import {
  concurrentTrial, databaseAtVersion, diskFullTrial, isSkipped, killTrials, migrationTrial, mixTrial, passed, readOnlyTrials,
  refusedTrial, RELEASE_DB, sigintTrial, type Row,
} from '../tests/robustness/trials.js';
import { copyFileSync } from 'node:fs';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, seed: { type: 'string', default: '9' }, trials: { type: 'string' } } });
const full = !values.quick;
const seed = Number(values.seed);
const trials = Number(values.trials ?? (full ? 20 : 2));

if (!BUILT) {
  console.error('torture: dist/ is missing; run `npm run build` (npm run torture does it)');
  process.exit(2);
}

const root = mkdtempSync(join(tmpdir(), 'lede-torture-'));
const dir = (name: string) => join(root, name);
const rows: Row[] = [];
const step = async (name: string, f: () => Row[] | Row | Promise<Row[] | Row>) => {
  const t = performance.now();
  process.stderr.write(`torture: ${name}…`);
  const got = await f();
  const list = Array.isArray(got) ? got : [got];
  rows.push(...list);
  process.stderr.write(` ${((performance.now() - t) / 1000).toFixed(0)} s, ${list.filter((r) => !passed(r)).length} failing\n`);
};

try {
  await step('hostile mix', () => mixTrial(dir('mix'), { full }));
  await step(`${trials} kill -9 trials`, () => killTrials(dir('kill'), { files: full ? 3000 : 300, trials, seed }));
  await step('SIGINT', () => sigintTrial(dir('int'), { files: full ? 3000 : 400 }));
  await step('concurrent ingests', () => concurrentTrial(dir('race'), { procs: full ? 3 : 2, filesPerFolder: full ? 600 : 100 }));
  await step('disk full', () => diskFullTrial(dir('full'), { files: 1500, sizeKb: 1500 }));
  await step('read-only', () => readOnlyTrials(dir('ro')));
  await step('schema versions', () => [
    migrationTrial(dir('v1'), { name: 'fixture from release 82ef5d6', make: (p) => copyFileSync(RELEASE_DB, p) }),
    migrationTrial(dir('v2'), { name: 'built by the migrations up to 2', make: (p) => databaseAtVersion(p, 2) }),
    refusedTrial(dir('newer'), 'newer'),
    refusedTrial(dir('foreign'), 'foreign'),
  ]);
} finally {
  rmSync(root, { recursive: true, force: true });
}

// One table; the outcome column holds the expected text when all went as expected.
const header: Row = { case: 'case', inputs: 'inputs', expected: 'expected outcome', outcome: 'outcome', rowsLost: 0, corrupt: 0 };
const cells = (r: Row, head = false) => [r.case, r.inputs, r.expected, head ? 'outcome' : r.outcome === r.expected ? 'as expected' : r.outcome,
  head ? 'rows lost' : String(r.rowsLost), head ? 'databases corrupt' : String(r.corrupt)].map((c) => c.replace(/\s+/g, ' '));
const table = [cells(header, true), ...rows.map((r) => cells(r))];
const widths = table[0]!.map((_, i) => Math.max(...table.map((t) => t[i]!.length)));
const line = (t: string[]) => `| ${t.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(table[0]!));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const t of table.slice(1)) console.log(line(t));
const failing = rows.filter((r) => !passed(r));
const lost = rows.reduce((n, r) => n + r.rowsLost, 0);
const corrupt = rows.reduce((n, r) => n + r.corrupt, 0);
console.log(`\n${rows.length} lines: ${rows.length - failing.length - rows.filter(isSkipped).length} as expected, ${rows.filter(isSkipped).length} skipped, ${failing.length} failing; rows lost ${lost}, databases corrupt ${corrupt}`);
process.exit(failing.length ? 1 : 0);
