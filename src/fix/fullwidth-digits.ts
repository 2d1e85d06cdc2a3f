// Fix: full-width digits (０–９) in times and codes → ASCII digits. In codes, full-width Latin letters
// (ＭＢ) too: a code is made of 0–9 and A–Z only, so each full-width character has one ASCII meaning.

export const FULLWIDTH_DIGITS = 'fullwidth-digits';

const toAscii = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/** `下午１４:００` → `下午14:00`; undefined when there is no full-width digit. */
export function fixFullwidthDigits(value: string): string | undefined {
  if (!/[\uFF10-\uFF19]/.test(value)) return undefined;
  return value.replace(/[\uFF10-\uFF19]/g, toAscii);
}

/** Codes (实施编码, 基本编码, 统一社会信用代码): full-width digits and Latin letters → ASCII. */
export function fixFullwidthCode(value: string): string | undefined {
  if (!/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/.test(value)) return undefined;
  return value.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, toAscii);
}
