import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSIONS, discover, matchesExtension, parseFileList } from '../../src/input/discover.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'lede-discover-'));
  mkdirSync(join(root, 'b/deep'), { recursive: true });
  mkdirSync(join(root, '.git'));
  for (const f of ['a.html', 'b/z.txt', 'b/a.md', 'b/deep/c.htm.gz', 'b/skip.pdf', '.git/x.html', 'b/.hidden.txt']) writeFileSync(join(root, f), 'x');
  symlinkSync(root, join(root, 'b/loop'));
});

const paths = (items: ReturnType<typeof discover>) => [...items].map((i) => (i.kind === 'file' ? i.path.slice(root.length + 1) : i.kind === 'error' ? `error:${i.reason}` : 'stdin'));

describe('discover', () => {
  it('walks folders recursively in a stable order, by extension, skipping hidden entries and symlink loops', () => {
    expect(paths(discover([root], { extensions: DEFAULT_EXTENSIONS }))).toEqual(['a.html', 'b/a.md', 'b/z.txt', 'b/deep/c.htm.gz']);
  });

  it('takes a file named explicitly whatever its extension, and reports missing paths without stopping', () => {
    const items = [...discover([join(root, 'b/skip.pdf'), join(root, 'nope.html'), '-'], { extensions: DEFAULT_EXTENSIONS })];
    expect(items[0]).toEqual({ kind: 'file', path: join(root, 'b/skip.pdf') });
    expect(items[1]).toEqual({ kind: 'error', path: join(root, 'nope.html'), reason: 'no such file or directory' });
    expect(items[2]).toEqual({ kind: 'stdin' });
  });

  it('honours a custom extension list', () => {
    expect(paths(discover([root], { extensions: ['.md'] }))).toEqual(['b/a.md']);
  });
});

describe('matchesExtension', () => {
  it('matches case-insensitively and through .gz', () => {
    expect(matchesExtension('X.HTML.GZ', ['.html'])).toBe(true);
    expect(matchesExtension('x.gz', ['.html'])).toBe(false);
  });
});

describe('parseFileList', () => {
  it('splits lines (CRLF too) or NUL-separated lists, keeping spaces inside names', () => {
    expect(parseFileList('a.html\r\nb c.txt\n\n', false)).toEqual(['a.html', 'b c.txt']);
    expect(parseFileList('a\nb.html\0c.txt\0', true)).toEqual(['a\nb.html', 'c.txt']);
  });
});
