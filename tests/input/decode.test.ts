import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decode } from '../../src/input/decode.js';
import { encodeLegacy } from '../robustness/hostile.js';

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

  it('reads a Russian paragraph in undeclared windows-1251 among English (chardet alone says ISO-8859-1)', () => {
    const text = `${'The harbour project reached stage two on Monday, three weeks early. '.repeat(6)}Мэр города заявил в пятницу, что новый бюджет защищает школы. ${'More English text follows here. '.repeat(6)}`;
    expect(decode(encodeLegacy(text, 'windows-1251'))).toMatchObject({ text, encoding: 'windows-1251', via: 'detected' });
  });

  it('checks a declaration against the bytes: windows-1251 under a Shift_JIS template, Shift_JIS under latin-1, French under windows-1251', () => {
    const ru = '<meta charset="shift_jis"><p>Мэр города заявил в пятницу, что новый бюджет защищает школы и больницы.</p>';
    expect(decode(encodeLegacy(ru, 'windows-1251'))).toMatchObject({ text: ru, encoding: 'windows-1251', via: 'detected' });
    const sjis = Buffer.from(readFileSync(new URL('../../samples/tokyo-setsuden-shiftjis.txt', import.meta.url)));
    expect(decode(Buffer.concat([Buffer.from('<meta charset="iso-8859-1">'), sjis])).encoding).toBe('shift_jis');
    const fr = Buffer.concat([Buffer.from('<meta charset="windows-1251"><p>'), Buffer.from('Le café naïf était délicieux, disait le résumé du critique.', 'latin1'), Buffer.from('</p>')]);
    expect(decode(fr)).toMatchObject({ encoding: 'windows-1252', via: 'detected' });
    // A true declaration is kept.
    expect(decode(encodeLegacy('<meta charset="windows-1251"><p>Мэр города заявил в пятницу.</p>', 'windows-1251')).via).toBe('declared');
  });

  // Short Central European and Turkish text, undeclared: chardet scores ISO-8859-1 a little above
  // ISO-8859-2 or -9, and read as windows-1252 the letters ą ł ż š ž come out as symbols (± ³ ¿ ¹
  // ¾) inside words, which no Western text writes, and ş ğ ı as the Icelandic þ ð ý beside ü and ç.
  it.each([
    ['Polish', 'iso-8859-2', 'Prezydent miasta ogłosił w piątek, że nowy budżet chroni szkoły i szpitale.'],
    ['Polish', 'iso-8859-2', 'Prezydent miasta\n\nPrezydent miasta ogłosił w piątek, że nowy budżet chroni szkoły i szpitale. Krytycy nie zgodzili się z tą decyzją rady.'],
    ['Czech', 'iso-8859-2', 'Policie zadržela dva muže podezřelé z krádeže aut.'],
    ['Czech', 'iso-8859-2', 'Starosta města v pátek oznámil, že nový rozpočet chrání školy a nemocnice.'],
    ['Turkish', 'windows-1254', 'Çalışmalar ağustos ayında başlayacak ve ılık hava koşullarında devam edecek.'],
    ['Turkish', 'windows-1254', 'Galatasaray, Fenerbahçe karşısında son dakikada attığı golle galip geldi.'],
    ['Turkish', 'windows-1254', "Gümüşhane'de düzenlenen törende öğrencilere ödül verildi."],
    ['Turkish', 'iso-8859-9', "Gümüşhane'de düzenlenen törende öğrencilere ödül verildi. Köprü çalışmaları üç hafta önce tamamlandı."],
  ])('reads undeclared %s in %s, not as windows-1252 (%#)', (_lang, encoding, text) => {
    expect(decode(encodeLegacy(text, encoding)).text).toBe(text);
  });

  // ISO-8859-2 and windows-1250 differ in a few bytes only, and a short text may use none that
  // tells them apart for chardet: Polish ą is 0xB1 in one and 0xB9 in the other, where the other
  // has š, which Polish does not write (and Czech writes no ą or ł).
  it.each([
    ['Polish', 'windows-1250', 'Prezydent miasta ogłosił w piątek, że nowy budżet chroni szkoły i szpitale.'],
    ['Polish', 'windows-1250', 'Krytycy nie zgodzili się z tą decyzją rady.'],
    ['Polish', 'iso-8859-2', 'Krytycy nie zgodzili się z tą decyzją rady.'],
    ['Czech', 'iso-8859-2', 'Vláda schválila návrh zákona o státním rozpočtu na příští rok, řekl ministr.'],
    ['Czech', 'windows-1250', 'Vláda schválila návrh zákona o státním rozpočtu na příští rok, řekl ministr.'],
    // chardet scores windows-1252 and windows-1250 the same here; read as windows-1252, ř is ø beside ž.
    ['Czech', 'windows-1250', 'Policie zadržela dva muže podezřelé z krádeže aut.'],
    // Three accented letters in a row ("příští") are Czech, not mojibake; read as windows-1257
    // instead, á í ž come out as į ķ ˛ ("Vlįda", "pųķtķ").
    ['Czech', 'windows-1250', 'Vláda ve čtvrtek oznámila, že ceny energií se příští rok nezvýší. Ministr řekl, že úspory budou rozděleny mezi domácnosti.'],
  ])('tells windows-1250 from ISO-8859-2 in undeclared %s (%s, %#)', (_lang, encoding, text) => {
    expect(decode(encodeLegacy(text, encoding)).text).toBe(text);
  });

  it.each([
    ['Lithuanian', 'Vyriausybė ketvirtadienį pranešė, kad energijos kainos kitais metais nedidės. Ministras sakė, kad sutaupytos lėšos bus paskirstytos šeimoms.'],
    ['Latvian', 'Valdība ceturtdien paziņoja, ka enerģijas cenas nākamgad nepieaugs. Ministrs sacīja, ka ietaupītie līdzekļi tiks sadalīti ģimenēm.'],
  ])('keeps undeclared %s in windows-1257 as it is', (_lang, text) => {
    expect(decode(encodeLegacy(text, 'windows-1257')).text).toBe(text);
  });

  it('reads Ukrainian in KOI8-U, not as KOI8-R (where і ї є ґ are box-drawing signs), and Russian KOI8-R as it is', () => {
    const uk = 'Уряд у четвер оголосив, що ціни на енергію наступного року не зростуть. Міністр сказав, що зекономлені кошти розподілять між родинами.';
    expect(decode(encodeLegacy(uk, 'koi8-u'))).toMatchObject({ text: uk, encoding: 'koi8-u' });
    const ru = 'Правительство в четверг объявило, что цены на энергию в следующем году не вырастут.';
    expect(decode(encodeLegacy(ru, 'koi8-r'))).toMatchObject({ text: ru, encoding: 'koi8-r' });
  });

  it('reads windows-1250 under an ISO-8859-2 declaration (common on Polish sites) as windows-1250, and keeps a true declaration', () => {
    const page = (cs: string) => `<meta charset="${cs}"><p>Świeże wiadomości: prezydent miasta ogłosił w piątek, że nowy budżet chroni szkoły.</p>`;
    expect(decode(encodeLegacy(page('iso-8859-2'), 'windows-1250'))).toMatchObject({ text: page('iso-8859-2'), encoding: 'windows-1250', via: 'detected' });
    expect(decode(encodeLegacy(page('iso-8859-2'), 'iso-8859-2'))).toMatchObject({ text: page('iso-8859-2'), encoding: 'iso-8859-2', via: 'declared' });
    expect(decode(encodeLegacy(page('windows-1250'), 'windows-1250'))).toMatchObject({ text: page('windows-1250'), encoding: 'windows-1250', via: 'declared' });
  });

  it('keeps Western text as windows-1252: symbols in words (middle dot, acute as apostrophe, soft hyphen, °C, ¿), Icelandic with a ü', () => {
    const texts = [
      'La col·lecció del museu és una de les més importants de Catalunya, va dir la directora.',
      'He said it´s the café´s best crème brûlée, and that he didn´t care what the résumé said.',
      'Die Bundes\u00adregierung beschloss am Mittwoch höhere Zuschüsse für Bahn\u00adstrecken.',
      'À Paris il faisait 25°C à l\'ombre; ¿Qué pasó en Málaga? preguntó el periodista español.',
      // Icelandic writes þ ð ý; one foreign name with ü does not make it Turkish.
      'Forsætisráðherra sagði á fundi í Zürich að þjóðin þyrfti að búa sig undir erfiðan vetur og hækkandi verð.',
    ];
    for (const text of texts) expect(decode(Buffer.from(text, 'latin1'))).toMatchObject({ text, encoding: 'windows-1252' });
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
