import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decode } from '../../src/input/decode.js';

const enc = (text: string, encoding: 'latin1' | 'utf16le') => Buffer.from(text, encoding);

describe('decode', () => {
  it('strips a UTF-8 BOM', () => {
    const d = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café', 'utf8')]));
    expect(d).toMatchObject({ text: 'Café', encoding: 'utf-8', via: 'bom' });
  });

  it('reads UTF-16 with and without a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), enc('Grüße aus Köln, 1 €', 'utf16le')]);
    expect(decode(le).text).toBe('Grüße aus Köln, 1 €');
    const be = Buffer.from(enc('Headline and some more ASCII text', 'utf16le')).swap16();
    expect(decode(be)).toMatchObject({ text: 'Headline and some more ASCII text', encoding: 'utf-16be' });
  });

  it('prefers valid UTF-8 over a wrong declaration', () => {
    const html = '<meta charset="iso-8859-1"><p>naïve café — “quoted”</p>';
    expect(decode(Buffer.from(html, 'utf8')).text).toBe(html);
  });

  it('follows a windows-1252 meta declaration (curly quotes and the euro sign are not latin-1)', () => {
    const bytes = Buffer.concat([
      Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>'),
      Buffer.from([0x93, 0x41, 0x94, 0x20, 0x80, 0x35, 0x20, 0xe9]), // “A” €5 é
      Buffer.from('</p>'),
    ]);
    const d = decode(bytes);
    expect(d.encoding).toBe('windows-1252');
    expect(d.via).toBe('declared');
    expect(d.text).toContain('“A” €5 é');
  });

  it('detects undeclared legacy encodings (the Shift_JIS sample)', () => {
    const d = decode(readFileSync(new URL('../../samples/tokyo-setsuden-shiftjis.txt', import.meta.url)));
    expect(d.encoding).toBe('shift_jis');
    expect(d.text.startsWith('東京都、夏の節電要請を前倒し')).toBe(true);
  });

  it('detects GB18030 Chinese text', () => {
    const text = '北京市政府周三宣布，将在明年扩建地铁网络，新增三条线路，总长度超过一百公里。官员表示，这些线路将缓解交通拥堵。';
    const gb = iconvEncode(text, 'gb18030');
    const d = decode(gb);
    expect(['gb18030', 'gbk']).toContain(d.encoding);
    expect(d.text).toBe(text);
  });

  it('finds the declared charset in meta charset, http-equiv and the XML declaration', () => {
    expect(declaredCharset(Buffer.from('<html><head><meta charset=Shift_JIS>'))).toBe('Shift_JIS');
    expect(declaredCharset(Buffer.from('<meta http-equiv="content-type" content="text/html;charset=ISO-8859-2">'))).toBe('ISO-8859-2');
    expect(declaredCharset(Buffer.from('<?xml version="1.0" encoding="windows-1251"?><html>'))).toBe('windows-1251');
    expect(declaredCharset(Buffer.from('<p>no declaration</p>'))).toBeNull();
  });
});

// Encoding to legacy charsets: Node only decodes them, so build the bytes by searching the
// decoder's table for each character (fine for a short test string).
function iconvEncode(text: string, encoding: string): Buffer {
  const dec = new TextDecoder(encoding);
  const out: number[] = [];
  for (const ch of text) {
    let found: number[] | undefined;
    for (let a = 0x81; a <= 0xfe && !found; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (dec.decode(new Uint8Array([a, b])) === ch) { found = [a, b]; break; }
      }
    }
    if (!found) found = [...Buffer.from(ch, 'latin1')];
    out.push(...found);
  }
  return Buffer.from(out);
}
