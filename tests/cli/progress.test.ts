// The progress line: its wording, its total (a second walk counting the inputs), and that it is
// drawn only on a terminal's stderr, never into a pipe, never with --quiet.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { clock, InputCounter, progressLine, RateWindow } from '../../src/cli/progress.js';
import { emptyTally, Reporter } from '../../src/cli/reporter.js';
import { DEFAULT_EXTENSIONS, discover } from '../../src/input/discover.js';
import { articleText, BIN, BUILT, tempDir } from '../robustness/helpers.js';
import { fakeIo } from './fake-io.js';

const CR = '\r\x1b[K';

function folder(n: number, extra = true): string {
  const dir = tempDir('lede-progress-');
  mkdirSync(join(dir, 'sub'));
  for (let i = 0; i < n; i++) writeFileSync(join(dir, i % 2 ? 'sub' : '', `a${i}.txt`), articleText(i, 'harbour'));
  if (extra) {
    writeFileSync(join(dir, 'notes.json'), '{}'); // not an article extension: not an input
    writeFileSync(join(dir, '.hidden.txt'), 'x'); // hidden: not an input
    writeFileSync(join(dir, 'empty.txt'), ''); // an input that fails
  }
  return dir;
}

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const t0 = performance.now();
  while (!cond()) {
    if (performance.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('progressLine', () => {
  it('while the walk goes on: files so far, rate, failures, no ETA', () => {
    expect(progressLine({ done: 1234, total: null, failed: 2, rate: 617 })).toBe('1,234 files (counting…) · 617 files/s · failed 2');
  });

  it('once the total is known: done/total, share, rate, time left at that rate, failures', () => {
    expect(progressLine({ done: 2500, total: 10_000, failed: 0, rate: 500 })).toBe('2,500/10,000 files (25%) · 500 files/s · ETA 0:15 · failed 0');
    expect(progressLine({ done: 100, total: 400_100, failed: 7, rate: 100 })).toBe('100/400,100 files (0%) · 100 files/s · ETA 1:06:40 · failed 7');
  });

  it('nothing done yet: no time left to promise; never more done than total', () => {
    expect(progressLine({ done: 0, total: 50, failed: 0, rate: 0 })).toBe('0/50 files (0%) · 0 files/s · ETA – · failed 0');
    expect(progressLine({ done: 12, total: 10, failed: 0, rate: 12 })).toBe('12/12 files (100%) · 12 files/s · ETA 0:00 · failed 0');
  });

  it('the rate: mean since the start at first, then over the last window only', () => {
    const w = new RateWindow(0, 10_000);
    expect(w.add(2_000, 10)).toBe(5); // 2 s of start-up and 10 files
    expect(w.add(10_000, 810)).toBeCloseTo(81); // younger than the window: since the start
    expect(w.add(12_000, 1010)).toBe(100); // 10 s back is t=2000 (10 files): 1000 files in 10 s
    expect(w.add(20_000, 1010)).toBe(20); // 8 s stalled: the last 10 s saw 200 files
    expect(w.add(31_000, 1010)).toBe(0); // a stall longer than the window shows as one
  });

  it('clock', () => {
    expect([clock(0), clock(59.6), clock(61), clock(3600), clock(-3)]).toEqual(['0:00', '1:00', '1:01', '1:00:00', '0:00']);
  });
});

describe('InputCounter', () => {
  it('counts what the run will walk: one per file of a known extension, failures included, hidden files not', async () => {
    const dir = folder(30);
    const inputs = [dir, join(dir, 'missing.txt'), join(dir, 'notes.json')];
    const counter = new InputCounter(inputs, DEFAULT_EXTENSIONS);
    expect(counter.total).toBeNull(); // counted in slices on timers, never in the constructor
    await until(() => counter.total !== null);
    expect(counter.total).toBe([...discover(inputs, { extensions: DEFAULT_EXTENSIONS })].length);
    expect(counter.total).toBe(30 + 1 + 1 + 1); // 30 articles, empty.txt, the missing path, the named .json
  });

  it('stops when told', async () => {
    const counter = new InputCounter([folder(5)], DEFAULT_EXTENSIONS);
    counter.stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(counter.total).toBeNull();
  });
});

describe('Reporter progress', () => {
  const reporter = (live: boolean, verbosity: 'quiet' | 'normal' = 'normal') => {
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (d: Buffer) => { text += d.toString(); });
    return { r: new Reporter(stream, new Chalk({ level: 0 }), verbosity, live), text: () => text };
  };

  it('on a terminal: the line with the counted total, redrawn in place, cleared before the summary', async () => {
    const { r, text } = reporter(true);
    r.countInputs([folder(8, false)], DEFAULT_EXTENSIONS);
    await new Promise((res) => setTimeout(res, 200));
    const t = { ...emptyTally(), files: 3, stored: 2, failed: 1 };
    r.progress(t);
    expect(text()).toMatch(/^\r\x1b\[K3\/8 files \(37%\) · \d+ files\/s · ETA \d+:\d\d · failed 1$/);
    r.summary(t, 'ingest');
    expect(text().endsWith(`${CR}stored 2, updated 0, unchanged 0, no body 0, failed 1 — 3 files in ${/in ([\d.]+) s/.exec(text())![1]} s (${/\(([\d.]+) files\/s\)/.exec(text())![1]} files/s)\n`)).toBe(true);
  });

  it('not a terminal, or --quiet: no line and no second walk', () => {
    for (const [live, verbosity] of [[false, 'normal'], [true, 'quiet']] as const) {
      const { r, text } = reporter(live, verbosity);
      r.countInputs([folder(3, false)], DEFAULT_EXTENSIONS);
      expect((r as unknown as { counter: unknown }).counter).toBeNull();
      r.progress({ ...emptyTally(), files: 1 });
      expect(text()).toBe('');
    }
  });
});

describe('progress through main()', () => {
  const ingest = async (isTTY: boolean, extra: string[] = []) => {
    const dir = folder(12);
    const io = fakeIo({ stderrIsTTY: isTTY, env: { NO_COLOR: '1' } });
    const code = await main(['ingest', dir, '--db', join(tempDir(), 'p.db'), '-j', '1', ...extra], io);
    return { code, err: io.err() };
  };

  it('stderr a terminal: progress lines, then the summary alone on its line', async () => {
    const { code, err } = await ingest(true);
    expect(code).toBe(1); // empty.txt
    expect(err).toContain(CR);
    expect(err).toMatch(/files\/s · .*failed \d/);
    // The last line drawn in place is cleared and the summary written after it, on its own line.
    expect(err.split('\n').at(-2)!.split(CR).at(-1)).toMatch(/^stored 12, updated 0, unchanged 0, no body 0, failed 1 — 13 files in/);
  });

  it('stderr piped: failure lines and the summary only, no control codes', async () => {
    const { err } = await ingest(false);
    expect(err).not.toMatch(/[\r\x1b]/);
    expect(err.trim().split('\n')).toEqual([expect.stringMatching(/empty\.txt: /), expect.stringMatching(/^stored 12, /)]);
  });

  it('--quiet on a terminal: only the failure line', async () => {
    const { err } = await ingest(true, ['--quiet']);
    expect(err).not.toMatch(/[\r\x1b]/);
    expect(err.trim().split('\n')).toEqual([expect.stringMatching(/empty\.txt: /)]);
  });
});

// A real pseudo-terminal: `script` runs the built CLI with stdin, stdout and stderr on a pty.
const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
if (!HAS_SCRIPT) console.warn('skipping the pseudo-terminal progress test: util-linux `script` is not installed');
if (!BUILT) console.warn('skipping the pseudo-terminal progress test: dist/ is missing (run `npm run build`)');

describe.skipIf(!HAS_SCRIPT || !BUILT)('progress on a pseudo-terminal (script -qc)', () => {
  const n = 300;
  const run = (command: string) => spawnSync('script', ['-qec', command, '/dev/null'], {
    encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', LEDE_DB: '', COLUMNS: '200' },
  });
  const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

  it('stderr on the terminal gets the line with the total; stdout redirected to a file gets none of it', () => {
    const dir = folder(n, false);
    const out = join(tempDir(), 'out.jsonl');
    const r = run(`node ${q(BIN)} extract ${q(dir)} -j 2 > ${q(out)}`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(CR);
    expect(r.stdout).toMatch(new RegExp(`\\d+/${n} files \\(\\d+%\\) · \\d+ files/s · ETA \\d+:\\d\\d · failed 0`));
    expect(r.stdout).toMatch(new RegExp(`extracted ${n}, no body 0, failed 0 — ${n} files in`));
    const jsonl = readFileSync(out, 'utf8');
    expect(jsonl).not.toMatch(/[\r\x1b]/);
    expect(jsonl.trim().split('\n')).toHaveLength(n);
  }, 60_000);

  it('stderr piped (2> file) under the same terminal: no progress', () => {
    const dir = folder(n, false);
    const err = join(tempDir(), 'err.txt');
    const r = run(`node ${q(BIN)} ingest ${q(dir)} --db ${q(join(tempDir(), 'x.db'))} -j 2 2> ${q(err)}`);
    expect(r.status).toBe(0);
    const text = readFileSync(err, 'utf8');
    expect(existsSync(err)).toBe(true);
    expect(text).not.toMatch(/[\r\x1b]/);
    expect(text).toMatch(new RegExp(`^stored ${n}, updated 0, unchanged 0, no body 0, failed 0 — ${n} files in .*\\n$`));
  }, 60_000);
});
