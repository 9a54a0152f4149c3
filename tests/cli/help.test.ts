// The CLI's self-description: examples under every command's --help, the versions --version
// names, and the closest match offered for a mistyped option or command.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { VERSION } from '../../src/version.js';
import { fakeIo } from './fake-io.js';

async function help(args: string[]): Promise<string> {
  const io = fakeIo();
  expect(await main([...args, '--help'], io)).toBe(0);
  return io.out();
}

async function commandNames(): Promise<string[]> {
  const top = await help([]);
  const section = top.slice(top.indexOf('Commands:'), top.indexOf('Examples:'));
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!).filter((n) => n !== 'help');
}

describe('--help of every command', () => {
  it('ends with 2 to 4 examples of that very command', async () => {
    const names = await commandNames();
    expect(names).toEqual(expect.arrayContaining(['ingest', 'extract', 'list', 'show', 'search', 'export', 'stats']));
    for (const name of names) {
      const text = (await help([name])).trimEnd();
      const tail = text.slice(text.lastIndexOf('\nExamples:\n') + 1);
      expect(tail, `${name} --help has no examples at the end`).toMatch(/^Examples:\n/);
      const lines = tail.split('\n').slice(1);
      expect(lines.length, name).toBeGreaterThanOrEqual(2);
      expect(lines.length, name).toBeLessThanOrEqual(4);
      // Each example uses the command it documents (possibly after a pipe feeding it).
      for (const l of lines) expect(l, name).toMatch(new RegExp(`(^ {2}|\\| )lede ${name}\\b`));
    }
  });
});

describe('--version', () => {
  it("prints lede's version and the SQLite and FTS5 it runs on", async () => {
    const db = new Database(':memory:');
    const { v, f } = db.prepare('SELECT sqlite_version() AS v, fts5_source_id() AS f').get() as { v: string; f: string };
    db.close();
    for (const flag of ['--version', '-V']) {
      const io = fakeIo();
      expect(await main([flag], io)).toBe(0);
      const [first, second] = io.out().split('\n');
      expect(first).toBe(`lede ${VERSION}`);
      expect(second).toContain(`SQLite ${v}`);
      expect(second).toContain(`FTS5 ${f.split(/\s+/).slice(1, 3).join(' ')}`);
      expect(io.err()).toBe('');
    }
  });
});

describe('a mistyped option or command', () => {
  it.each([
    [['ingest', '--dbb', 'x.db', 'a.html'], '--db'],
    [['list', '--limt', '3'], '--limit'],
    [['search', '--jsno', 'harbor'], '--json'],
    [['lsit'], 'list'],
    [['--verison'], '--version'],
  ])('%j: exit 2, naming the closest one', async (args, closest) => {
    const io = fakeIo();
    expect(await main(args, io)).toBe(2);
    expect(io.err()).toContain(`(Did you mean ${closest}?)`);
    expect(io.out()).toBe('');
  });
});
