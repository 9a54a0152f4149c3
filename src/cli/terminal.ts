// Text from pages, file names, databases and command lines is shown on a terminal, and a terminal
// obeys the control characters in it: ESC starts sequences that clear the screen, move the
// cursor, retitle the window, or (OSC 8) make a link whose text lies about its target; CSI
// (U+009B) and the other C1 controls do the same on terminals that take 8-bit controls; CR and
// backspace overwrite what was printed; BEL rings; bidi overrides reorder what follows (a file
// "report\u202Efdp.exe" reads as "reportexe.pdf"). So every string that did not come from lede's own
// code goes through one of these two functions on its way to a terminal: human-readable output
// shows such characters as visible escapes, JSON output writes them as \u escapes (the same value
// for a JSON parser, inert on a screen).

// C0 controls and DEL, C1 controls, bidi embeddings/overrides/isolates and the Arabic letter mark,
// and the line/paragraph separators some terminals and editors break lines at.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_TEST = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function visible(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * A string as a terminal may show it: every control, bidi and line-separator character as a
 * visible escape (`\x1b`, `\r`, `\x07`, `\x9b`, `\u202e`). One line unless `multiline`, which keeps
 * newlines and tabs (an article body). Plain text comes back as the same string.
 */
export function terminalText(s: string, opts: { multiline?: boolean } = {}): string {
  if (!UNSAFE_TEST.test(s)) return s;
  return s.replace(opts.multiline ? UNSAFE_KEEP_LINES : UNSAFE, visible);
}

/** JSON.stringify, with the characters above (which it leaves raw beyond C0) as \u escapes. */
export function jsonText(value: unknown): string {
  const s = JSON.stringify(value);
  if (!UNSAFE_TEST.test(s)) return s;
  // Outside strings JSON.stringify writes no such character, so each one found is inside a string.
  return s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
