// Hostile bytes: whatever a scraper left on disk must become either an article or one clear
// reason, quickly, and never garbage stored as an article. Inputs are generated here.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decode } from '../../src/input/decode.js';
import { discover, parseFileList, reasonOf } from '../../src/input/discover.js';
import { readFileBytes, readStreamBytes } from '../../src/input/read.js';
import { extractAll, type InputSpec } from '../../src/cli/inputs.js';
import { inProcess, type Extractor } from '../../src/cli/pool.js';
import type { Io } from '../../src/cli/io.js';
import { MAX_INPUT_BYTES } from '../../src/settings.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractResult } from '../../src/types.js';
import { articleHtml, articleText, run, tempDir } from './helpers.js';

const MiB = 1024 * 1024;
const expectInputError = (thrown: Error | undefined, reason: RegExp) => {
  expect(thrown).toBeInstanceOf(InputError);
  expect(thrown!.message).toMatch(reason);
  expect(thrown!.message).not.toContain('\n');
};

describe('files with no text', () => {
  it('empty and whitespace-only files are named as such', () => {
    expectInputError(run('').thrown, /^empty file$/);
    expectInputError(run(' \n\t\r\n  \u3000').thrown, /no text/);
  });

  it('a file of NUL bytes (a preallocated or crashed download) has no text', () => {
    expectInputError(run(Buffer.alloc(4096)).thrown, /no text/);
    expectInputError(run(Buffer.concat([Buffer.from('  \n'), Buffer.alloc(100), Buffer.from('\n')])).thrown, /no text/);
  });
});

describe('binary files are refused, not stored as articles', () => {
  const withHeader = (header: number[] | string) =>
    Buffer.concat([typeof header === 'string' ? Buffer.from(header, 'latin1') : Buffer.from(header), randomBytes(6000)]);

  it.each([
    ['PNG image', withHeader([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['PDF document', withHeader('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')],
    ['ZIP archive', withHeader([0x50, 0x4b, 0x03, 0x04])],
    ['JPEG image', withHeader([0xff, 0xd8, 0xff, 0xe0])],
    ['SQLite database', withHeader('SQLite format 3\0')],
  ])('%s', (kind, bytes) => {
    for (const hint of ['page.html', 'dump.txt', 'notes.md']) {
      const r = run(bytes, { hint });
      expectInputError(r.thrown, new RegExp(`binary.*${kind.split(' ')[0]}`));
    }
  });

  it('random bytes without any header', () => {
    for (let i = 0; i < 5; i++) expectInputError(run(randomBytes(20_000), { hint: 'x.html' }).thrown, /binary/);
  });

  it('a PDF whose first page is plain ASCII is still a PDF', () => {
    const pdf = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' + 'BT /F1 12 Tf 72 712 Td (Harbour works article text) Tj ET\n'.repeat(50);
    expectInputError(run(pdf, { hint: 'a.txt' }).thrown, /binary.*PDF/);
  });
});

describe('text that is damaged but readable', () => {
  it('NUL bytes scattered in a text dump are dropped, the article survives', () => {
    const text = articleText(7).replace(/ on /g, ' on\0').replace(/\n\n/g, '\n\0\n');
    const r = run(text, { hint: 'a.txt' });
    expect(r.thrown).toBeUndefined();
    expect(r.result!.status).toBe('ok');
    expect(r.result!.headline).toBe('Headline number 7 about the harbour works');
    expect(r.result!.body).not.toMatch(/\0/);
  });

  it('one invalid byte in a UTF-8 page does not turn every accent into mojibake', () => {
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>Café crème à la française</title></head><body><article><h1>Café crème à la française</h1>
      <p>Première phrase de l'article, écrite par un journaliste qui préfère le thé.</p>
      <p>Le café naïf était délicieux, disait le résumé du critique gastronomique, qui a goûté trois crèmes brûlées différentes ce jour-là.</p>
      <p>Une deuxième phrase très longue sur les élèves et les professeurs qui préféraient le thé au café pendant les réunions de l'après-midi.</p></article></body></html>`;
    const good = Buffer.from(page);
    const at = good.indexOf('Première');
    const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0xff, 0xc3]), good.subarray(at)]);
    const r = run(bad, { hint: 'a.html' });
    expect(r.result!.headline).toBe('Café crème à la française');
    expect(r.result!.body).toContain('Le café naïf était délicieux');
    expect(r.result!.body).not.toMatch(/Ã/);
  });

  it('windows-1252 text is still read as windows-1252 (the repair needs mostly valid UTF-8)', () => {
    const cp = Buffer.from('Le café naïf était délicieux, disait le résumé du critique. \x93Très bien\x94, dit-il. ', 'latin1');
    const d = decode(Buffer.concat(Array(20).fill(cp)));
    expect(d.text).toContain('Le café naïf était délicieux');
    expect(d.text).toContain('\u201cTrès bien\u201d');
  });

  it('UTF-16 with a BOM, both byte orders, and little-endian without one', () => {
    const html = articleHtml(3);
    const le = Buffer.from(html, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), Buffer.concat([Buffer.from([0xfe, 0xff]), be]), le, be]) {
      const r = run(bytes, { hint: 'a.html' });
      expect(r.result?.format).toBe('html');
      expect(r.result?.headline).toBe('Harbour works 3');
    }
  });

  it('UTF-16 without a BOM holding non-Latin text (few ASCII bytes) is still UTF-16', () => {
    const ru = 'Мэр города заявил в пятницу, что бюджет защищает школы.\nКритики не согласились с этим решением совета.\n'.repeat(30);
    expect(decode(Buffer.from(ru, 'utf16le')).text).toBe(ru);
    expect(decode(Buffer.from(Buffer.from(ru, 'utf16le')).swap16()).text).toBe(ru);
  });

  it('CRLF, lone CR and LF line endings give the same article', () => {
    const lf = articleText(11);
    const results = [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')].map((t) => run(t, { hint: 'a.txt' }).result!);
    for (const r of results) {
      expect(r.status).toBe('ok');
      expect(r.headline).toBe(results[0]!.headline);
      expect(r.body).toBe(results[0]!.body);
    }
    const md = `# Harbour works\r\n\r\n${lf.split('\n\n').slice(1).join('\r\n\r\n')}`;
    expect(run(md, { hint: 'a.md' }).result!.body).toBe(run(md.replace(/\r\n/g, '\n'), { hint: 'a.md' }).result!.body);
  });

  it('a UTF-8 BOM before HTML still sniffs as HTML', () => {
    const r = run(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(articleHtml(5))]), { hint: 'page.txt' });
    expect(r.result!.format).toBe('html');
    expect(r.result!.headline).toBe('Harbour works 5');
  });

  it('an HTML file that is only comments is HTML with no body, not a text article of markup', () => {
    const r = run('<!-- saved by a crawler -->\n<!-- ' + 'nothing here '.repeat(200) + '-->\n', { hint: 'page.html' });
    expect(r.result!.format).toBe('html');
    expect(r.result!.status).toBe('no_body');
  });

  it('a 5 MB line without a newline finishes in seconds', () => {
    const line = Array.from({ length: 5 * MiB / 40 }, (_, i) => `word${i % 997} and more text `).join('').slice(0, 5 * MiB);
    const r = run(`Headline of the long line\n\n${line}`, { hint: 'a.txt' });
    expect(r.thrown).toBeUndefined();
    expect(r.result!.word_count).toBeGreaterThan(500_000);
    expect(r.seconds).toBeLessThan(20);
  }, 60_000);
});

describe('gzip', () => {
  const dir = tempDir();
  const html = articleHtml(9);

  it('a truncated gzip is named as corrupt', async () => {
    const gz = gzipSync(html);
    writeFileSync(join(dir, 'cut.html.gz'), gz.subarray(0, gz.length - 20));
    await expect(readFileBytes(join(dir, 'cut.html.gz'))).rejects.toThrow(/corrupt gzip data/);
  });

  it('gzip of gzip (a server that compressed twice) is undone twice', async () => {
    writeFileSync(join(dir, 'twice.html.gz'), gzipSync(gzipSync(html)));
    expect(Buffer.from(await readFileBytes(join(dir, 'twice.html.gz'))).toString()).toBe(html);
  });

  it('endless gzip nesting stops with a reason', async () => {
    let b: Buffer = Buffer.from(html);
    for (let i = 0; i < 12; i++) b = gzipSync(b);
    writeFileSync(join(dir, 'deep.gz'), b);
    await expect(readFileBytes(join(dir, 'deep.gz'))).rejects.toThrow(/gzip.*nested/);
  });

  it('a .gz that is not gzip is read as it is', async () => {
    writeFileSync(join(dir, 'plain.html.gz'), html);
    expect(Buffer.from(await readFileBytes(join(dir, 'plain.html.gz'))).toString()).toBe(html);
  });

  it('a gzip bomb stops at the size limit', async () => {
    writeFileSync(join(dir, 'bomb.txt.gz'), gzipSync(Buffer.alloc(MAX_INPUT_BYTES + 2 * MiB, 0x61)));
    await expect(readFileBytes(join(dir, 'bomb.txt.gz'))).rejects.toThrow(/too large once decompressed/);
  });
});

describe('the 50 MiB limit', () => {
  const dir = tempDir();
  const sized = (name: string, size: number) => {
    const p = join(dir, name);
    const fd = openSync(p, 'w');
    ftruncateSync(fd, size); // sparse: instant, no disk used
    closeSync(fd);
    return p;
  };

  it('exactly the limit is read; one byte more is refused before reading', async () => {
    expect((await readFileBytes(sized('at.txt', MAX_INPUT_BYTES))).length).toBe(MAX_INPUT_BYTES);
    await expect(readFileBytes(sized('over.txt', MAX_INPUT_BYTES + 1))).rejects.toThrow(/file too large \(50\.0 MiB, limit 50 MiB\)/);
  });

  it('stdin past the limit is refused', async () => {
    const chunk = Buffer.alloc(MiB, 0x61);
    const stream = Readable.from((function* () { for (let i = 0; i <= 50; i++) yield chunk; })());
    await expect(readStreamBytes(stream)).rejects.toThrow(/input too large/);
  });
});

describe('paths that are not plain files', () => {
  const dir = tempDir();

  it('a FIFO is refused at once, never waited on', async () => {
    const fifo = join(dir, 'pipe.html');
    execFileSync('mkfifo', [fifo]);
    const outcome = await Promise.race([
      readFileBytes(fifo).then(() => 'read', (e: Error) => e.message),
      new Promise<string>((res) => setTimeout(() => res('hung'), 3000)),
    ]);
    expect(outcome).toMatch(/not a regular file/);
  });

  it('a directory is refused by reading, and walked by discovery (x.html/ holds files)', async () => {
    mkdirSync(join(dir, 'tree/x.html'), { recursive: true });
    writeFileSync(join(dir, 'tree/x.html/inner.html'), articleHtml(1));
    await expect(readFileBytes(join(dir, 'tree/x.html'))).rejects.toThrow(/EISDIR|is a directory/);
    expect([...discover([join(dir, 'tree')], { extensions: ['.html'] })]).toEqual([{ kind: 'file', path: join(dir, 'tree/x.html/inner.html') }]);
  });

  it('symlink loops end: named, they are an error; inside a folder, each file is found once', () => {
    const t = join(dir, 'loops');
    mkdirSync(join(t, 'sub'), { recursive: true });
    writeFileSync(join(t, 'sub/a.txt'), 'x');
    symlinkSync('loop2', join(t, 'loop1'));
    symlinkSync('loop1', join(t, 'loop2'));
    symlinkSync('..', join(t, 'sub/up'));
    symlinkSync(t, join(t, 'sub/self'));
    const items = [...discover([t], { extensions: ['.txt'] })];
    expect(items).toEqual([{ kind: 'file', path: join(t, 'sub/a.txt') }]);
    expect([...discover([join(t, 'loop1')], { extensions: ['.txt'] })]).toEqual([{ kind: 'error', path: join(t, 'loop1'), reason: 'too many levels of symbolic links' }]);
  });

  it('a path longer than the system allows, and a socket, are named with plain reasons', async () => {
    const long = join(dir, 'x'.repeat(5000) + '.html');
    expect([...discover([long], { extensions: ['.html'] })]).toEqual([{ kind: 'error', path: long, reason: 'file name too long' }]);
    const sock = join(dir, 'sock.html');
    const server = createServer().listen(sock);
    await new Promise((r) => server.once('listening', r));
    try {
      expect([...discover([sock], { extensions: ['.html'] })]).toEqual([{ kind: 'error', path: sock, reason: 'not a regular file' }]);
      // Swapped in after discovery: opening a socket fails at once, with the same words.
      await expect(readFileBytes(sock)).rejects.toThrow();
      await readFileBytes(sock).catch((e: NodeJS.ErrnoException) => expect(reasonOf(e)).toBe('not a regular file'));
    } finally {
      server.close();
    }
  });

  it('names with spaces, newlines and non-ASCII letters survive a NUL-separated list', () => {
    const names = ['a b.html', 'new\nline.html', 'ünï—código 記事.html', ' lead.html'];
    const list = names.map((n) => join(dir, n)).join('\0') + '\0';
    expect(parseFileList(list, true)).toEqual(names.map((n) => join(dir, n)));
  });
});

describe('a file that changes between discovery and reading', () => {
  it('deleted, turned into a FIFO or a folder: each fails alone with its reason, the rest are read', async () => {
    const dir = tempDir();
    const paths = Array.from({ length: 12 }, (_, i) => join(dir, `a${String(i).padStart(2, '0')}.txt`));
    paths.forEach((p, i) => writeFileSync(p, articleText(i)));
    let sabotaged = false;
    // The folder has been listed before the first document is extracted; break three files then.
    const saboteur: Extractor = {
      run: async (input, options) => {
        if (!sabotaged) {
          sabotaged = true;
          unlinkSync(paths[8]!);
          rmSync(paths[9]!);
          execFileSync('mkfifo', [paths[9]!]);
          rmSync(paths[10]!);
          mkdirSync(paths[10]!);
        }
        return inProcess.run(input, options);
      },
      close: async () => {},
    };
    const spec: InputSpec = {
      inputs: [dir], filesFrom: undefined, nul: false, format: undefined, extensions: ['.txt'], tagFromFolder: false,
      extract: DEFAULT_EXTRACT_OPTIONS, jobs: 1, timeoutMs: 10_000,
    };
    const io = { stdin: Readable.from([]) } as unknown as Io;
    const results: ExtractResult[] = [];
    const t = performance.now();
    for await (const r of extractAll([dir], spec, io, saboteur, 2)) results.push(r);
    expect(performance.now() - t).toBeLessThan(10_000);
    expect(results.map((r) => r.status)).toEqual([...Array(8).fill('ok'), 'error', 'error', 'error', 'ok']);
    expect(results[8]!.error).toBe('no such file or directory');
    expect(results[9]!.error).toBe('not a regular file');
    expect(results[10]!.error).toMatch(/is a directory|not a regular file/);
  }, 30_000);
});
