// In-process runs of the CLI with fake streams: the cases a spawned process cannot fake (a
// terminal on stdin) and the reporter's output discipline.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from './fake-io.js';


describe('main', () => {
  it('prints help and exits 2 when there are no inputs and stdin is a terminal', async () => {
    const io = fakeIo({ stdinIsTTY: true });
    expect(await main(['extract'], io)).toBe(2);
    expect(io.err()).toMatch(/Usage: lede extract/);
    expect(io.out()).toBe('');
  });

  it('--version and --help exit 0 and print to stdout', async () => {
    const io = fakeIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out()).toMatch(/^lede \d+\.\d+\.\d+\n/);
    const help = fakeIo();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.out()).toMatch(/Examples:/);
  });

  it('colours stderr on a terminal, and not with NO_COLOR or --no-color', async () => {
    const tty = fakeIo({ stderrIsTTY: true });
    await main(['extract', '/nonexistent/x.html'], tty);
    expect(tty.err()).toMatch(/\x1b\[[0-9;]*m/);
    const noColor = fakeIo({ stderrIsTTY: true, env: { NO_COLOR: '1' } });
    await main(['extract', '/nonexistent/x.html'], noColor);
    expect(noColor.err()).not.toMatch(/\x1b\[[0-9;]*m/);
    const flag = fakeIo({ stderrIsTTY: true });
    await main(['extract', '--no-color', '/nonexistent/x.html'], flag);
    expect(flag.err()).not.toMatch(/\x1b\[[0-9;]*m/);
  });

  it('--quiet keeps failures but drops the summary', async () => {
    const io = fakeIo();
    expect(await main(['extract', '-q', '/nonexistent/x.html'], io)).toBe(1);
    expect(io.err()).toBe('/nonexistent/x.html: no such file or directory\n');
  });
});
