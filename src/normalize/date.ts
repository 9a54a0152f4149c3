// Publication dates arrive as ISO strings, RFC 2822, US prose ("Dec 15, 2016 2:57 PM UTC"),
// European prose ("15. Dezember 2016"), or numbers. We return ISO 8601 and never guess a date
// we cannot read: an unreadable value becomes null rather than a wrong day.

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  // en, de, fr, es, it, pt, nl, sv/da/no, pl (genitive), cs (genitive), tr, ru (genitive)
  ['january', 'jan', 'januar', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari', 'stycznia', 'ledna', 'ocak', 'января', 'янв'],
  ['february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'febrero', 'febbraio', 'fevereiro', 'fev', 'februari', 'lutego', 'února', 'şubat', 'subat', 'февраля', 'фев'],
  ['march', 'mar', 'märz', 'marz', 'maerz', 'mars', 'marzo', 'março', 'marco', 'maart', 'marca', 'března', 'mart', 'марта', 'мар'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'kwietnia', 'dubna', 'nisan', 'апреля', 'апр'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei', 'maj', 'maja', 'května', 'mayıs', 'mayis', 'мая'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho', 'czerwca', 'června', 'haziran', 'июня', 'июн'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho', 'lipca', 'července', 'temmuz', 'июля', 'июл'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'augusti', 'sierpnia', 'srpna', 'ağustos', 'agustos', 'августа', 'авг'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'set', 'setembro', 'września', 'wrzesnia', 'září', 'eylül', 'eylul', 'сентября', 'сен'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out', 'października', 'října', 'ekim', 'октября', 'окт'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopada', 'listopadu', 'kasım', 'kasim', 'ноября', 'ноя'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro', 'grudnia', 'prosince', 'aralık', 'aralik', 'декабря', 'дек'],
];
MONTH_NAMES.forEach((names, i) => { for (const n of names) MONTHS[n] = i + 1; });

const WORD = '([\\p{L}]{3,}\\.?)';
const MONTH_DAY_YEAR = new RegExp(`${WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'u');
const DAY_MONTH_YEAR = new RegExp(`(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s+(?:de\\s+)?${WORD}\\s+(?:de\\s+)?(\\d{4})`, 'u');

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function zoneOf(z: string | undefined): string | null {
  if (!z) return null;
  const u = z.toUpperCase();
  if (u === 'Z' || u === 'UTC' || u === 'GMT' || u === 'UT') return 'Z';
  const named: Record<string, string> = {
    EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00',
    PST: '-08:00', PDT: '-07:00', CET: '+01:00', CEST: '+02:00', BST: '+01:00', IST: '+05:30', JST: '+09:00',
  };
  if (named[u]) return named[u];
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(u);
  if (m) return `${m[1]}${pad(Number(m[2]))}:${m[3] ?? '00'}`;
  return null;
}

function build(y: number, mo: number, d: number, h?: number, mi?: number, s?: number, zone?: string | null): string | null {
  if (!validDay(y, mo, d)) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || Number.isNaN(h)) return date;
  if (h > 23 || (mi ?? 0) > 59 || (s ?? 0) > 60) return date;
  return `${date}T${pad(h)}:${pad(mi ?? 0)}:${pad(s ?? 0)}${zone ?? ''}`;
}

function time(str: string): { h?: number; mi?: number; s?: number; zone?: string | null } {
  const t = /(\d{1,2})[:.h](\d{2})(?![.\d])(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?\s*(Z|UTC|GMT|[A-Z]{3,4}|(?:UTC|GMT)?[+-]\d{1,2}:?\d{2})?\b/i.exec(str);
  if (!t) return {};
  let h = Number(t[1]);
  const ampm = t[4]?.toLowerCase().replace(/\./g, '');
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  return { h, mi: Number(t[2]), s: t[3] ? Number(t[3]) : 0, zone: zoneOf(t[5]) };
}

/** Any date string we can read → ISO 8601 ("2016-12-15" or "2016-12-15T14:57:00Z"); else null. */
export function toIsoDate(input: string | null | undefined): string | null {
  if (!input) return null;
  const s = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (s === '') return null;

  // ISO 8601 and its common relaxations ("2016-12-15 14:57:00+0000", "2016/12/15").
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?/i.exec(s);
  if (iso) {
    return build(Number(iso[1]), Number(iso[2]), Number(iso[3]),
      iso[4] !== undefined ? Number(iso[4]) : undefined, iso[5] !== undefined ? Number(iso[5]) : undefined,
      iso[6] !== undefined ? Number(iso[6]) : undefined, zoneOf(iso[7]));
  }
  // Compact "20161215".
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) return build(Number(compact[1]), Number(compact[2]), Number(compact[3]));

  // Unix epoch seconds or milliseconds.
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : d.toISOString().replace('.000Z', 'Z');
  }

  // Without a four-digit year nothing below can read a date; most lines offered to us have none.
  if (!/\d{4}/.test(s)) return null;
  const lower = s.toLowerCase();
  const t = time(s);
  // "Dec 15, 2016", "December 15th 2016", "Tuesday, December 15, 2016".
  let m = MONTH_DAY_YEAR.exec(lower);
  if (m && m[1]) {
    const mo = MONTHS[m[1].replace(/\.$/, '')];
    if (mo) return build(Number(m[3]), mo, Number(m[2]), t.h, t.mi, t.s, t.zone);
  }
  // "15 December 2016", "15. Dezember 2016", "15 de diciembre de 2016", "15 декабря 2016".
  m = DAY_MONTH_YEAR.exec(lower);
  if (m && m[2]) {
    const mo = MONTHS[m[2].replace(/\.$/, '')];
    if (mo) return build(Number(m[3]), mo, Number(m[1]), t.h, t.mi, t.s, t.zone);
  }
  // "2016年12月15日" (CJK).
  m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), t.h, t.mi, t.s, t.zone);
  // "12/15/2016" is US, "15/12/2016" and "15.12.2016" European: decide only when unambiguous
  // or when the separator says so (dots are European).
  m = /\b(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b/.exec(s);
  if (m) {
    const a = Number(m[1]), b = Number(m[3]), y = Number(m[4]);
    if (m[2] === '.' || a > 12) return build(y, b, a, t.h, t.mi, t.s, t.zone);
    if (b > 12) return build(y, a, b, t.h, t.mi, t.s, t.zone);
    return null;
  }
  // RFC 2822 and anything else Date can read unambiguously with a four-digit year.
  if (/\b\d{4}\b/.test(s) && /[a-z]/i.test(s)) {
    const d = new Date(s);
    if (!Number.isNaN(d.getTime())) return d.toISOString().replace('.000Z', 'Z');
  }
  return null;
}
