// Speed of the HTML body extractor alone: parse time and body time over ../shared/corpus/html,
// several rounds (the first warms the JIT).   npx tsx scripts/html-body-bench.ts [rounds]
import { readFileSync, readdirSync } from 'node:fs';
import { loadHtml } from '../src/extract/html/load.js';
import { extractHtmlBody } from '../src/extract/html/body/index.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../src/types.js';
import { CORPUS, corpusAvailable } from './lib/html-body-corpus.js';

if (!corpusAvailable()) {
  process.stderr.write('html-body-bench: ../shared/corpus not found\n');
  process.exit(2);
}
const dir = `${CORPUS}/html/`;
const pages = readdirSync(dir).map((f) => readFileSync(dir + f, 'utf8'));
const rounds = Number(process.argv[2] ?? 3);
for (let round = 0; round < rounds; round++) {
  let tParse = 0, tBody = 0;
  for (const html of pages) {
    const t0 = performance.now();
    const $ = loadHtml(html);
    const t1 = performance.now();
    extractHtmlBody($, { headline: null, deck: null }, DEFAULT_EXTRACT_OPTIONS);
    tBody += performance.now() - t1;
    tParse += t1 - t0;
  }
  const rate = (ms: number) => (pages.length / (ms / 1000)).toFixed(0);
  process.stdout.write(`round ${round + 1}: parse ${tParse.toFixed(0)} ms, body ${tBody.toFixed(0)} ms → ${rate(tParse + tBody)} files/s (body alone ${rate(tBody)} files/s)\n`);
}
