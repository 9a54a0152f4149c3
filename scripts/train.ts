// `npm run train`: rebuild the dump labeller's weights (models/dump-labeller.json) from
// ../shared/corpus — every dump dialect, truth aligned to blocks, pages that do not align left
// out. Deterministic: the same corpus gives the same file, byte for byte.
//   npm run train              write the weights
//   npm run train -- --check   fail (exit 1) when the committed weights differ from a fresh training
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corpusAvailable } from '../bench/eval-lib.js';
import { MODEL_URL } from '../src/extract/dump/model.js';
import { loadSamples } from './lib/learn-corpus.js';
import { trainDumpModel } from './lib/learn-train.js';

const { values } = parseArgs({ options: { check: { type: 'boolean' } } });
if (!corpusAvailable()) {
  process.stderr.write('train: ../shared/corpus not found; nothing to train on.\n');
  process.exit(2);
}
const t0 = performance.now();
const samples = loadSamples();
const byFolder = new Map<string, [number, number]>();
for (const s of samples) {
  const e = byFolder.get(s.folder) ?? [0, 0];
  e[0]++; if (s.alignment.clean) e[1]++;
  byFolder.set(s.folder, e);
}
for (const [f, [all, clean]] of byFolder) process.stderr.write(`train: ${f}: ${clean}/${all} dumps aligned cleanly\n`);
const model = trainDumpModel(samples);
const text = JSON.stringify(model) + '\n';
const path = fileURLToPath(MODEL_URL);
process.stderr.write(`train: ${model.gbdt.trees.length} trees, ${(text.length / 1024).toFixed(0)} KiB, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
if (values.check) {
  const same = existsSync(path) && readFileSync(path, 'utf8') === text;
  process.stderr.write(same ? 'train: committed weights match a fresh training\n' : `train: ${path} differs from a fresh training: run npm run train and commit it\n`);
  process.exit(same ? 0 : 1);
}
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, text);
process.stderr.write(`train: wrote ${path}\n`);
