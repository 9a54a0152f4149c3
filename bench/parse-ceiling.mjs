// Ceiling for bench/bench.ts: read each listed HTML file and parse it with htmlparser2's
// parseDocument (the parser lede's cheerio/slim uses), nothing else, one worker thread per core
// (argv[3], default all). No extractor can turn pages into rows faster than they can be parsed;
// lede's pages/s as a share of this is the figure.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseDocument } from 'htmlparser2';

if (isMainThread) {
  const paths = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
  const n = Math.max(1, Number(process.argv[3] ?? availableParallelism()));
  let nodes = 0;
  await Promise.all(Array.from({ length: n }, (_, w) => new Promise((resolve, reject) => {
    // Interleaved shares, so big and small pages spread evenly over the workers.
    const mine = paths.filter((_, i) => i % n === w);
    const worker = new Worker(new URL(import.meta.url), { workerData: mine });
    worker.on('message', (count) => { nodes += count; });
    worker.on('error', reject);
    worker.on('exit', resolve);
  })));
  process.stdout.write(`${paths.length} pages, ${nodes} top-level nodes\n`);
} else {
  let count = 0;
  for (const path of workerData) count += parseDocument(readFileSync(path, 'utf8')).children.length;
  parentPort.postMessage(count);
}
