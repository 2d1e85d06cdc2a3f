// Fix: the separator between area code and number of a landline written with a dash other than the
// ASCII hyphen (`0393—6661882`, `0393－6661882`, `0393一6661882`, `0393--6661882` → `0393-6661882`).
// Only tokens the phone parser itself judges `badSeparator` with a certain suggestion, and only when
// the token is exactly code + dashes + number: spaces, brackets or a missing separator are left alone
// (they are not a dash typed wrongly), and the digits are kept as written.
import { extractPhones } from '../parsers/phone.js';
import { MAX_FIELD_SCAN } from '../normalize.js';

export const PHONE_SEPARATOR = 'phone-separator';

const D = '[0-9\uFF10-\uFF19]';
const DASHES = '\\-\uFF0D\uFE63\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u4E00';
const TOKEN_RX = new RegExp(`^(${D}{3,4})([${DASHES}]{1,2})(${D}{3,8})$`);
const ascii = (s: string) => s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

export function fixPhoneSeparators(value: string): string | undefined {
  if (value.length > MAX_FIELD_SCAN) return undefined; // the parser looks at the first part only
  const edits: { start: number; end: number; text: string }[] = [];
  for (const t of extractPhones(value)) {
    if (t.problem !== 'badSeparator' || !t.suggestion || (t.kind !== 'landline' && t.kind !== 'short')) continue;
    const m = TOKEN_RX.exec(t.raw);
    if (!m || m[2] === '-') continue;
    const [, area, , local] = m as unknown as [string, string, string, string];
    if (`${ascii(area)}-${ascii(local)}` !== t.suggestion) continue;
    if (value.slice(t.start, t.start + t.raw.length) !== t.raw) continue;
    edits.push({ start: t.start, end: t.start + t.raw.length, text: `${area}-${local}` });
  }
  if (edits.length === 0) return undefined;
  let out = value;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
