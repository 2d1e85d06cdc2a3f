// 实施编码 / 统一社会信用代码 (GB 32100) structure and check character (INDICATORS.md §A 事项编码).

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The expected 18th character of a unified social credit code, or undefined if a character is outside the alphabet. */
export function creditCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'length' | 'charset' | 'check';

export function checkCreditCode(code: string): CreditCodeProblem | undefined {
  if (code.length !== 18) return 'length';
  if (![...code].every((c) => ALPHABET.includes(c))) return 'charset';
  return creditCheckChar(code.slice(0, 17)) === code[17] ? undefined : 'check';
}

export interface ImplementationCode {
  creditCode: string;
  levelDigit: string;
  baseCode: string;
  suffix?: string; // the two digits of a 33-character 业务办理项编码
}

/** Split a national-form code (31, or 33 with a 业务办理项 suffix); undefined when it has another shape. */
export function splitImplementationCode(code: string): ImplementationCode | undefined {
  const c = code.trim().toUpperCase();
  if (c.length !== 31 && c.length !== 33) return undefined;
  const out: ImplementationCode = { creditCode: c.slice(0, 18), levelDigit: c.slice(18, 19), baseCode: c.slice(19, 31) };
  if (c.length === 33) out.suffix = c.slice(31);
  return out;
}

/** The guide's 基本编码: as stated, else characters 20–31 of a well-formed code. */
export function baseCodeOf(g: { baseCode?: string; code?: string; handleCode?: string }): string | undefined {
  if (g.baseCode && g.baseCode.trim()) return g.baseCode.trim();
  const c = g.code ?? g.handleCode;
  if (!c) return undefined;
  const s = splitImplementationCode(c);
  if (!s || checkCreditCode(s.creditCode) || !/^\d{12}$/.test(s.baseCode)) return undefined;
  return s.baseCode;
}

/** Region (6-digit division code): 所属区划 when stated, else characters 3–8 of the implementing body's credit code. */
export function regionOf(g: { region?: string; departmentCode?: string; code?: string; handleCode?: string }): string | undefined {
  if (g.region && g.region.trim()) return g.region.trim();
  const candidates = [g.departmentCode, (g.code ?? g.handleCode)?.slice(0, 18)];
  for (const c of candidates) {
    if (c && c.length === 18 && !checkCreditCode(c.toUpperCase())) return c.slice(2, 8);
  }
  return undefined;
}
