// For bench/bench.ts: what `lede search` costs once Node and lede are loaded — open the database,
// run one top-10 query, close — on a fresh connection each time (SQLite's cache cold, as in a new
// `lede search` process; the OS's file cache warm after the first). argv: DB, then queries.
// Prints JSON: [{ query, hits, medianMs, ms: [...] }, …].
import { openStore } from '../dist/store/index.js';

const [db, ...queries] = process.argv.slice(2);
const REPEAT = 5;

function once(query) {
  const t0 = performance.now();
  const store = openStore(db, { readonly: true });
  const hits = store.search(query, { limit: 10 }).length;
  store.close();
  return { hits, ms: performance.now() - t0 };
}

const out = [];
for (const query of queries) {
  const { hits } = once(query); // the first read of the file's pages from disk is not the query's cost
  const ms = Array.from({ length: REPEAT }, () => once(query).ms).sort((a, b) => a - b);
  out.push({ query, hits, medianMs: ms[Math.floor(ms.length / 2)], ms });
}
process.stdout.write(JSON.stringify(out) + '\n');
