// Is this a text document at all? Scraped folders hold images, PDFs, archives and truncated
// downloads saved under .html names; decoded as windows-1252 they read as "text" and would be
// stored as articles of gibberish. Two checks: the signature of a known binary format at the
// start of the bytes, then the share of control characters in the decoded text.

interface Signature {
  name: string;
  /** Bytes expected at `at`; a string is taken byte for byte (latin1). */
  magic: string | number[];
  at?: number;
}

// Only formats a crawler plausibly saves next to pages, and only signatures that no real text
// begins with (so "BM" for bitmaps and "MZ" for executables are left to the control-character check).
const SIGNATURES: readonly Signature[] = [
  { name: 'PDF document', magic: '%PDF-' },
  { name: 'PNG image', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'GIF image', magic: 'GIF87a' },
  { name: 'GIF image', magic: 'GIF89a' },
  { name: 'JPEG image', magic: [0xff, 0xd8, 0xff] },
  { name: 'WebP image', magic: 'WEBP', at: 8 },
  { name: 'TIFF image', magic: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'TIFF image', magic: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'ZIP archive (or an Office/EPUB document)', magic: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP archive', magic: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'old Office document', magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'bzip2 data', magic: 'BZh91AY&SY' },
  { name: 'xz data', magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'zstd data', magic: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: '7-Zip archive', magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR archive', magic: 'Rar!\x1a\x07' },
  { name: 'SQLite database', magic: 'SQLite format 3\0' },
  { name: 'ELF executable', magic: '\x7fELF' },
  { name: 'WebAssembly module', magic: '\0asm' },
  { name: 'MP4/QuickTime video', magic: 'ftyp', at: 4 },
  { name: 'Matroska/WebM video', magic: [0x1a, 0x45, 0xdf, 0xa3] },
  { name: 'Ogg media', magic: 'OggS\0' },
  { name: 'MP3 audio', magic: 'ID3\x03\0' },
  { name: 'MP3 audio', magic: 'ID3\x04\0' },
  { name: 'WOFF font', magic: 'wOFF' },
  { name: 'WOFF2 font', magic: 'wOF2' },
  { name: 'gzip data', magic: [0x1f, 0x8b] },
];

const MAGIC = SIGNATURES.map((s) => ({
  name: s.name,
  at: s.at ?? 0,
  bytes: typeof s.magic === 'string' ? Array.from(s.magic, (c) => c.charCodeAt(0)) : s.magic,
}));

/** The name of the binary format the bytes start with, or null. */
export function binarySignature(bytes: Uint8Array): string | null {
  for (const m of MAGIC) {
    if (bytes.length < m.at + m.bytes.length) continue;
    if (m.bytes.every((b, i) => bytes[m.at + i] === b)) return m.name;
  }
  return null;
}

// Controls that text never holds: C0 except tab, LF, VT, FF, CR and ESC (ISO-2022 and terminal
// colour codes use it), DEL, and C1 (what stray high bytes become in ISO-8859 decodings). NUL is
// left out: stray NULs in real text are common and harmless (normalization drops them).
const isControl = (c: number) =>
  (c >= 0x01 && c <= 0x08) || (c >= 0x0e && c <= 0x1a) || (c >= 0x1c && c <= 0x1f) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd;

const SAMPLE_CHARS = 8192;
/** Random bytes decode to 12–25 % controls, text to none; a few percent is already not text. */
const CONTROL_SHARE = 0.05;
const MIN_CONTROLS = 8;

/** True when the decoded text is mostly not text (compressed or binary data without a known header). */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, SAMPLE_CHARS);
  let controls = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if (isControl(c)) controls++;
  }
  return controls >= MIN_CONTROLS && controls > (n - nul) * CONTROL_SHARE;
}
