// Unmasked personal information in a form's text (INDICATORS.md §I 样表个人信息): resident ID numbers
// with a valid GB 11643 check digit and a plausible birth date, and mobile numbers.
import { capped } from '../normalize.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** An 18-character resident ID: check digit right, birth date plausible. */
export function isResidentId(s: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(s)) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  return idCheckChar(s.slice(0, 17)) === s[17];
}

export const maskId = (s: string) => `${s.slice(0, 6)}********${s.slice(14)}`;
export const maskMobile = (s: string) => `${s.slice(0, 3)}****${s.slice(7)}`;

export interface PersonalInfo {
  kind: 'id' | 'mobile';
  /** Masked for display: the report never repeats the number itself. */
  masked: string;
}

/** Personal numbers in a text, each once, in order of appearance. */
export function findPersonalInfo(text: string): PersonalInfo[] {
  // Digits split by single spaces (common in PDF text extraction) are joined first.
  const t = capped(text.replace(/(\d) (?=\d)/g, '$1')).replace(/x/g, 'X');
  const out: PersonalInfo[] = [];
  const seen = new Set<string>();
  for (const m of t.matchAll(/(?<![\dX])(\d{17}[\dX]|1[3-9]\d{9})(?![\dX])/g)) {
    const s = m[1]!;
    if (seen.has(s)) continue;
    if (s.length === 18 && isResidentId(s)) out.push({ kind: 'id', masked: maskId(s) });
    else if (s.length === 11) out.push({ kind: 'mobile', masked: maskMobile(s) });
    else continue;
    seen.add(s);
  }
  return out;
}
