// The workers' pipeline loads a format's extractor when the first document of that format
// arrives: a run over text dumps must never load the HTML parser or the Markdown stack (~17 MB
// of RSS per worker), and what it extracts must be what processDocument extracts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocumentLazily } from '../src/lazy-pipeline.js';
import { processDocument } from '../src/pipeline.js';
import { DEFAULT_EXTRACT_OPTIONS } from '../src/types.js';
import { moduleLogging } from './module-hooks.js';

const ROOT = resolve(import.meta.dirname, '..');
const SAMPLES = join(ROOT, 'samples');
const BUILT = existsSync(join(ROOT, 'dist/lazy-pipeline.js'));

describe('processDocumentLazily', () => {
  it('extracts every sample exactly as processDocument does', async () => {
    const files = readdirSync(SAMPLES).sort();
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const input = { source: f, bytes: readFileSync(join(SAMPLES, f)) };
      expect(await processDocumentLazily(input, DEFAULT_EXTRACT_OPTIONS), f).toEqual(processDocument(input, DEFAULT_EXTRACT_OPTIONS));
    }
  });

  it('names the file\'s fault the same way for bad input', async () => {
    const input = { source: 'x.txt', bytes: new Uint8Array(0) };
    await expect(processDocumentLazily(input, DEFAULT_EXTRACT_OPTIONS)).rejects.toThrow('empty file');
  });
});

describe.skipIf(!BUILT)('what a worker\'s pipeline loads', () => {
  it('the text extractor only for text, the HTML parser on the first HTML page, never the Markdown stack', () => {
    const { dir, log, nodeArgs } = moduleLogging('lede-lazy-');
    const script = join(dir, 'run.mjs');
    writeFileSync(script, `import { appendFileSync, readFileSync } from 'node:fs';
const { processDocumentLazily } = await import(${JSON.stringify('file://' + join(ROOT, 'dist/lazy-pipeline.js'))});
const { DEFAULT_EXTRACT_OPTIONS } = await import(${JSON.stringify('file://' + join(ROOT, 'dist/types.js'))});
const run = (f) => processDocumentLazily({ source: f, bytes: readFileSync(${JSON.stringify(SAMPLES)} + '/' + f) }, DEFAULT_EXTRACT_OPTIONS);
for (const f of ['city-council-bike-lanes.txt', 'nbc-sanctuary-seed.txt']) if ((await run(f)).status !== 'ok') process.exit(3);
appendFileSync(${JSON.stringify(log)}, 'MARK html\\n');
if ((await run('coastal-wetlands-study.html')).status !== 'ok') process.exit(4);
`);
    const r = spawnSync(process.execPath, [...nodeArgs, script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    const mark = lines.indexOf('MARK html');
    const [before, after] = [lines.slice(0, mark), lines.slice(mark + 1)];
    const html = /\/dist\/extract\/html\/|\/node_modules\/(cheerio|htmlparser2)\//;
    const markdown = /\/dist\/extract\/markdown\/|\/node_modules\/(unified|remark-[a-z-]+|micromark)\//;
    expect(mark).toBeGreaterThan(0);
    expect(before.some((u) => u.includes('/dist/extract/text/'))).toBe(true);
    expect(before.filter((u) => html.test(u) || markdown.test(u))).toEqual([]);
    expect(after.some((u) => html.test(u))).toBe(true);
    expect(lines.filter((u) => markdown.test(u))).toEqual([]);
  });
});
