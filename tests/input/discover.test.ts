import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSIONS, discover, displayName, matchesExtension, parseFileList } from '../../src/input/discover.js';
import { readRawFileSync } from '../../src/input/read.js';

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

describe('discover: entries that cannot be read', () => {
  it('names a FIFO, a broken link and a link loop found in a folder (when named like an article) instead of passing over them', () => {
    const d = mkdtempSync(join(tmpdir(), 'lede-discover-odd-'));
    writeFileSync(join(d, 'ok.html'), 'x');
    expect(spawnSync('mkfifo', [join(d, 'fifo.html')]).status).toBe(0);
    symlinkSync(join(d, 'nowhere.html'), join(d, 'dangling.html'));
    symlinkSync('loop-b.txt', join(d, 'loop-a.txt'));
    symlinkSync('loop-a.txt', join(d, 'loop-b.txt'));
    symlinkSync(join(d, 'nowhere.pdf'), join(d, 'dangling.pdf')); // not named like an article: not ours
    expect([...discover([d], { extensions: DEFAULT_EXTENSIONS })]).toEqual([
      { kind: 'error', path: join(d, 'dangling.html'), reason: 'broken symbolic link (its target does not exist)' },
      { kind: 'error', path: join(d, 'fifo.html'), reason: 'not a regular file' },
      { kind: 'error', path: join(d, 'loop-a.txt'), reason: 'too many levels of symbolic links' },
      { kind: 'error', path: join(d, 'loop-b.txt'), reason: 'too many levels of symbolic links' },
      { kind: 'file', path: join(d, 'ok.html') },
    ]);
  });

  it('says a broken link named on the command line is one', () => {
    const d = mkdtempSync(join(tmpdir(), 'lede-discover-link-'));
    symlinkSync(join(d, 'nowhere.html'), join(d, 'dangling.html'));
    expect([...discover([join(d, 'dangling.html')], { extensions: DEFAULT_EXTENSIONS })]).toEqual([
      { kind: 'error', path: join(d, 'dangling.html'), reason: 'broken symbolic link (its target does not exist)' },
    ]);
  });

  it('keeps a file whose name is not UTF-8: shown with the byte escaped, opened by its real bytes (in a folder of such a name too)', () => {
    const d = mkdtempSync(join(tmpdir(), 'lede-discover-bytes-'));
    const dirBytes = Buffer.concat([Buffer.from(`${d}/d`), Buffer.from([0xff])]);
    mkdirSync(dirBytes);
    const fileBytes = Buffer.concat([dirBytes, Buffer.from('/caf'), Buffer.from([0xe9]), Buffer.from('.html')]);
    writeFileSync(fileBytes, 'bytes of the article');
    const items = [...discover([d], { extensions: DEFAULT_EXTENSIONS })];
    expect(items).toEqual([{ kind: 'file', path: join(d, 'd\\xFF', 'caf\\xE9.html'), fsPath: fileBytes }]);
    const item = items[0]!;
    if (item.kind !== 'file') throw new Error('not a file');
    expect(Buffer.from(readRawFileSync(item.fsPath!).raw).toString()).toBe('bytes of the article');
    // A worker receives the Buffer as a plain Uint8Array.
    expect(Buffer.from(readRawFileSync(new Uint8Array(item.fsPath!)).raw).toString()).toBe('bytes of the article');
    expect(readFileSync(fileBytes, 'utf8')).toBe('bytes of the article');
  });
});

describe('displayName', () => {
  it('leaves UTF-8 as is and escapes each byte outside a whole UTF-8 character', () => {
    expect(displayName(Buffer.from('ünï 記事.html'))).toBe('ünï 記事.html');
    expect(displayName(Buffer.from([0x61, 0xe9, 0x62]))).toBe('a\\xE9b');
    // A character cut short, then a whole one: only the stray bytes are escaped.
    expect(displayName(Buffer.concat([Buffer.from([0xe8, 0xa8]), Buffer.from('記')]))).toBe('\\xE8\\xA8記');
    // Distinct names stay distinct.
    expect(displayName(Buffer.from([0xe9]))).not.toBe(displayName(Buffer.from([0xe8])));
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
