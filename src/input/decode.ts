// Bytes → text without mojibake. Order of evidence, strongest first: a byte-order mark, valid
// UTF-8 (legacy bytes almost never form it by chance, and pages often declare a charset they
// were not saved in), the page's own declaration when the bytes bear it out, then statistical
// detection, whose guesses are checked the same way.
import chardet from 'chardet';

export interface Decoded {
  text: string;
  /** WHATWG name of the encoding used, e.g. "utf-8", "windows-1252", "shift_jis". */
  encoding: string;
  /** How the encoding was chosen: "bom", "utf-8", "declared", "detected", "fallback". */
  via: 'bom' | 'utf-8' | 'declared' | 'detected' | 'fallback';
}

/** A WHATWG-normalized encoding name for a label, or null when Node cannot decode it. */
export function encodingFor(label: string): string | null {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

function bom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

// UTF-16 without a BOM: the ASCII characters of the text (markup, spaces, digits, punctuation)
// leave a zero in every other byte, and the other byte of a pair is almost never zero. Text in
// one non-Latin script has fewer ASCII characters (spaces and punctuation only), hence the low
// threshold; the sample must then also decode as well-formed UTF-16.
function utf16WithoutBom(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  const guess = oddZero > pairs * 0.1 && evenZero < pairs * 0.01 ? 'utf-16le'
    : evenZero > pairs * 0.1 && oddZero < pairs * 0.01 ? 'utf-16be' : null;
  if (!guess) return null;
  // The sample may end inside a surrogate pair; drop its last unit before the strict check.
  try {
    new TextDecoder(guess, { fatal: true }).decode(bytes.subarray(0, n < bytes.length ? n - 2 : n));
    return guess;
  } catch {
    return null;
  }
}

// Node 20's TextDecoder treats windows-1252 (and its aliases latin1, iso-8859-1, ascii) as
// ISO-8859-1, so 0x80–0x9F come out as C1 controls instead of “ ” – — € …. Browsers use the
// windows-1252 table for all of those labels; so do we.
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f'
  + '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decode with a WHATWG encoding name, working around Node's windows-1252 shortcut. */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lossy = new TextDecoder('utf-8');

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-8 with a few broken sequences (a truncated copy, one stray byte) is still UTF-8: reading
 * it as a legacy encoding would turn every accent of the page into mojibake to save one
 * character. Legacy-encoded text almost never forms valid multi-byte sequences, so requiring
 * them to outnumber the broken ones four to one keeps windows-1252, Shift_JIS or GBK pages out.
 */
function mostlyUtf8(bytes: Uint8Array): string | null {
  const text = utf8Lossy.decode(bytes);
  let broken = 0;
  let wide = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) broken++;
    else if (c >= 0x80) wide++;
  }
  return wide > 0 && wide >= broken * 4 ? text : null;
}

// The HTML spec's prescan looks at the first 1024 bytes; real pages put long scripts before
// the meta tag, so we look further.
const PRESCAN_BYTES = 8192;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_DECL = /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i;

/** The charset an HTML or XML document declares for itself, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  const m = META_CHARSET.exec(head) ?? XML_DECL.exec(head);
  return m?.[1] ?? null;
}

// A wrong legacy decoding still yields letters, but in shapes no language writes: Cyrillic,
// Greek, Hebrew or Arabic letters inside a word of Latin letters (windows-1252 text read as
// windows-1251), words made of accented Latin letters only ("íîâûé": Cyrillic read as
// windows-1252) or holding five in a row (Czech and Polish write three or four side by side:
// "příští", "zażółć"; in a word of three or more letters, never all of them but for a few), or
// capitals after small letters inside a word ("нЩП": KOI8-R read as windows-1251).
// Central European text read as windows-1252 puts symbols inside words where ISO-8859-2 and
// windows-1250 have letters ("og³osi³ w pi±tek, ¿e": ł ą ż; "mu¾e": ž), so a word runs on
// through such a symbol and is mojibake when it holds one. Left out are the symbols Western text
// does write between letters: the middle dot (Catalan "l·l"), the acute accent typed as an
// apostrophe ("it´s"), the soft hyphen, the degree sign.
const IN_WORD_SYMBOLS = '\u00a1-\u00a9\u00ab\u00ac\u00ae\u00af\u00b1-\u00b3\u00b6\u00b8\u00b9\u00bb-\u00bf\u00d7\u00f7';
const WORD = new RegExp(`[\\p{L}\\p{M}]+(?:[${IN_WORD_SYMBOLS}][\\p{L}\\p{M}]+)*`, 'gu');
const SYMBOL = new RegExp(`[${IN_WORD_SYMBOLS}]`, 'u');
const NON_LATIN = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hebrew}\p{Script=Arabic}]/u;
const ACCENTED_RUN = /[\u00c0-\u024f]{3,}/g;
const SMALL_THEN_CAPITAL = /\p{Ll}\p{Lu}/u;
// Turkish in windows-1254 read as windows-1252 turns ş ğ ı into þ ð ý, letters that only
// Icelandic and Faroese write, and those write no ü or ç. A text holding þ or ð together with ü
// and ç (at least a third as many: not one "Zürich" in an Icelandic article) is Turkish misread.
const THORN_ETH = /[\u00d0\u00de\u00f0\u00fe]/g;
const U_C = /[\u00c7\u00dc\u00e7\u00fc]/g;
const ICELANDIC = /[\u00d0\u00dd\u00de\u00f0\u00fd\u00fe]/;

/**
 * Share of the non-ASCII letters of `text` that sit in such impossible shapes (0 when there
 * are too few to judge). Above about a third, the decoding is mojibake.
 */
export function mojibakeShare(text: string): number {
  const thornEth = text.match(THORN_ETH)?.length ?? 0;
  const turkishMisread = thornEth > 0 && (text.match(U_C)?.length ?? 0) * 3 >= thornEth;
  let letters = 0;
  let odd = 0;
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    if (!/[^\x00-\x7f]/.test(w)) continue;
    let nonAscii = 0;
    for (const ch of w) if (ch.charCodeAt(0) >= 0x80) nonAscii++;
    letters += nonAscii;
    if ((/[a-zA-Z]/.test(w) && NON_LATIN.test(w)) || SMALL_THEN_CAPITAL.test(w) || SYMBOL.test(w) || (turkishMisread && ICELANDIC.test(w))) odd += nonAscii;
    else for (const r of w.matchAll(ACCENTED_RUN)) if (r[0].length === w.length || r[0].length >= 5) odd += r[0].length;
  }
  return letters < 4 ? 0 : odd / letters;
}

const MOJIBAKE = 0.3;

/**
 * Is `encoding` a believable reading of the sample? Multi-byte encodings must decode without
 * an error, and single-byte ones must neither hit undefined bytes nor produce mojibake.
 */
function believable(sample: Uint8Array, encoding: string, whole: boolean): boolean {
  let text: string;
  try {
    // A sample cut mid-character may end in half a sequence: drop the last few bytes.
    const bytes = whole || sample.length < 16 ? sample : sample.subarray(0, sample.length - 4);
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return mojibakeShare(encoding === 'windows-1252' ? decodeAs(sample, encoding) : text) <= MOJIBAKE;
}

const MULTI_BYTE = new Set(['shift_jis', 'euc-jp', 'iso-2022-jp', 'gbk', 'gb18030', 'big5', 'euc-kr']);

const isUnicode = (enc: string) => enc === 'utf-8' || enc.startsWith('utf-16') || enc.startsWith('utf-32');

/**
 * chardet's candidates for the sample, best first, that are believable. Its statistics are
 * swamped by ASCII on a page of English with one paragraph in Russian (ISO-8859-1 wins), so
 * its first guess is only taken when it reads as text; the next ones are tried otherwise.
 */
function detect(sample: Uint8Array, whole: boolean): string | null {
  const matches = chardet.analyse(sample).flatMap((m) => {
    const encoding = encodingFor(m.name);
    return encoding !== null && !isUnicode(encoding) ? [{ encoding, confidence: m.confidence }] : [];
  });
  const found = matches.find((m) => believable(sample, m.encoding, whole));
  if (!found) return matches[0]?.encoding ?? null;
  // chardet's order among equal scores says nothing: of those, the reading with fewest letters out of place.
  const tied = matches.filter((m) => m.confidence === found.confidence && believable(sample, m.encoding, whole));
  const best = tied.reduce((a, b) => (outOfPlace(decodeAs(sample, b.encoding)) < outOfPlace(decodeAs(sample, a.encoding)) ? b : a));
  return sibling(sample, best.encoding, whole);
}

// ISO-8859-2 and windows-1250 share most of their letters, and chardet names one of them even for
// text that holds no byte telling them apart by its statistics: Polish ą is 0xB1 in the first and
// 0xB9 in the second, which is š in the first. So the other of the pair is read too, and the one
// with fewer letters out of place wins: š among Polish words (ł ę ż ń, which both place alike, say
// Polish), ą among Czech ones (ř ě ů), C1 controls (ś ź of windows-1250 read as ISO-8859-2), and
// symbols inside words (ą ś of ISO-8859-2 read as windows-1250: ± ¶). The same count breaks ties
// in chardet's scores: Czech windows-1250 read as windows-1252 has ø (ř) among š and ž, which the
// languages that write ø do not.
// KOI8-U is KOI8-R with Ukrainian і ї є ґ where KOI8-R draws boxes; chardet knows KOI8-R only.
const PAIR: Record<string, string> = { 'iso-8859-2': 'windows-1250', 'windows-1250': 'iso-8859-2', 'koi8-r': 'koi8-u' };
const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
const IN_WORD_SYMBOL = new RegExp(`(?<=[\\p{L}\\p{M}])[${IN_WORD_SYMBOLS}](?=[\\p{L}\\p{M}])`, 'gu');

const BOX_IN_WORD = /(?<=\p{L})[\u2500-\u257f](?=\p{L})/gu;

function outOfPlace(text: string): number {
  const polish = /[łŁęĘżŻńŃ]/.test(text);
  const czech = /[řŘěĚůŮ]/.test(text);
  const slavic = /[šžŠŽ]/.test(text);
  return (polish ? count(text, /[šŠ]/g) : 0) + (czech ? count(text, /[ąĄ]/g) : 0) + (slavic ? count(text, /[øØ]/g) : 0)
    + count(text, /[\u0080-\u009f]/g) + count(text, IN_WORD_SYMBOL) + count(text, BOX_IN_WORD);
}

/** `encoding`, or the other of its pair when that reads the sample with fewer letters out of place. */
function sibling(sample: Uint8Array, encoding: string, whole: boolean): string {
  const other = PAIR[encoding];
  if (!other || !believable(sample, other, whole)) return encoding;
  return outOfPlace(decodeAs(sample, other)) < outOfPlace(decodeAs(sample, encoding)) ? other : encoding;
}

export function decode(bytes: Uint8Array): Decoded {
  const b = bom(bytes);
  if (b) return { text: new TextDecoder(b).decode(bytes), encoding: b, via: 'bom' }; // decode() strips the BOM
  const u16 = utf16WithoutBom(bytes);
  if (u16) return { text: new TextDecoder(u16).decode(bytes), encoding: u16, via: 'detected' };
  const asUtf8 = tryUtf8(bytes) ?? mostlyUtf8(bytes);
  if (asUtf8 !== null) return { text: asUtf8, encoding: 'utf-8', via: 'utf-8' };

  // Detection on the first 64 KiB is as good as on the whole file and keeps big files cheap.
  const sample = bytes.subarray(0, 65536);
  const whole = sample.length === bytes.length;
  const declared = declaredCharset(bytes);
  const declaredEnc = declared ? encodingFor(declared) : null;
  // A page declaring UTF-8 that is not valid UTF-8 is almost always windows-1252 underneath.
  // Any other declaration is checked against the bytes: a page saved in windows-1251 under a
  // Shift_JIS template must not come out as Japanese-looking garbage.
  if (declaredEnc && !isUnicode(declaredEnc)) {
    // Long runs of valid multi-byte sequences do not happen by chance: when chardet is sure of
    // a multi-byte encoding the bytes bear out, a single-byte declaration was a template's.
    const multi = chardet.analyse(sample).find((m) => m.confidence >= 90 && MULTI_BYTE.has(encodingFor(m.name) ?? ''));
    const sure = multi ? encodingFor(multi.name)! : null;
    if (sure && sure !== declaredEnc && !MULTI_BYTE.has(declaredEnc) && believable(sample, sure, whole)) {
      return { text: decodeAs(bytes, sure), encoding: sure, via: 'detected' };
    }
    if (believable(sample, declaredEnc, whole)) {
      // Pages saved in windows-1250 often declare ISO-8859-2 (and the other way round).
      const enc = sibling(sample, declaredEnc, whole);
      return { text: decodeAs(bytes, enc), encoding: enc, via: enc === declaredEnc ? 'declared' : 'detected' };
    }
    const guessed = detect(sample, whole);
    if (guessed && guessed !== declaredEnc && believable(sample, guessed, whole)) {
      return { text: decodeAs(bytes, guessed), encoding: guessed, via: 'detected' };
    }
    return { text: decodeAs(bytes, declaredEnc), encoding: declaredEnc, via: 'declared' };
  }
  const guessed = detect(sample, whole);
  if (guessed) return { text: decodeAs(bytes, guessed), encoding: guessed, via: 'detected' };
  return { text: decodeAs(bytes, 'windows-1252'), encoding: 'windows-1252', via: 'fallback' };
}
