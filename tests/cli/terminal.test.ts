// The one escaping step between outside text and a terminal (src/cli/terminal.ts).
import { describe, expect, it } from 'vitest';
import { jsonText, terminalText } from '../../src/cli/terminal.js';

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('terminalText', () => {
  it('shows every terminal-driving character as a visible escape', () => {
    expect(terminalText('a\x1b[2Jb')).toBe('a\\x1b[2Jb');
    expect(terminalText('\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07')).toBe('\\x1b]8;;https://evil.example/\\x07click\\x1b]8;;\\x07');
    expect(terminalText('over\rwrite\x08')).toBe('over\\rwrite\\x08');
    expect(terminalText('c1 \x9b2J \x85 \x7f')).toBe('c1 \\x9b2J \\x85 \\x7f');
    expect(terminalText('report\u202efdp.exe \u2066x\u2069 \u061c')).toBe('report\\u202efdp.exe \\u2066x\\u2069 \\u061c');
    expect(terminalText('one\u2028two\nthree\tfour')).toBe('one\\u2028two\\nthree\\tfour');
  });

  it('keeps newlines and tabs when multiline, and plain text as is', () => {
    expect(terminalText('para one\n\npara\ttwo\r\x1b[1A', { multiline: true })).toBe('para one\n\npara\ttwo\\r\\x1b[1A');
    const plain = 'Zürich’s “new” 東京 — שלום مرحبا 👍🏽 e\u0301';
    expect(terminalText(plain)).toBe(plain);
  });

  it('leaves no unsafe character for any code point below U+2100', () => {
    const all = Array.from({ length: 0x2100 }, (_, i) => String.fromCharCode(i)).join('');
    expect(UNSAFE.test(terminalText(all))).toBe(false);
    expect(UNSAFE.test(terminalText(all, { multiline: true }))).toBe(false);
  });
});

describe('jsonText', () => {
  it('is JSON for the same value, with C1, bidi and separators as \\u escapes', () => {
    const v = { h: 'a\x1b[2J\x9b\u202e\u2028\x07"\\', n: null, list: [1, 'é'] };
    const s = jsonText(v);
    expect(UNSAFE.test(s)).toBe(false);
    expect(s).toContain('\\u009b');
    expect(s).toContain('\\u202e');
    expect(JSON.parse(s)).toEqual(v);
    expect(jsonText({ a: 'plain' })).toBe(JSON.stringify({ a: 'plain' }));
  });
});
