// Which fixes apply to which element, and the pipeline for one value. Each fix is a pure function
// string → string | undefined (undefined: nothing to change); fixes of one element run in order.
import { AFTERNOON_TIME, fixAfternoonTimes } from './afternoon-time.js';
import { DURATION_UNIT, fixDurationUnit } from './duration-unit.js';
import { FULLWIDTH_DIGITS, fixFullwidthCode, fixFullwidthDigits } from './fullwidth-digits.js';
import { PHONE_SEPARATOR, fixPhoneSeparators } from './phone-separator.js';

export const FIX_IDS = [PHONE_SEPARATOR, AFTERNOON_TIME, DURATION_UNIT, FULLWIDTH_DIGITS] as const;
export type FixId = (typeof FIX_IDS)[number];

export type FixKind = 'phone' | 'hours' | 'limit' | 'code';

/** Canonical guide keys (src/fields.ts) whose values may be fixed, by kind. */
export const GUIDE_KEY_KINDS: Readonly<Record<string, FixKind>> = {
  consultPhone: 'phone',
  windowPhone: 'phone',
  complaintPhone: 'phone',
  hours: 'hours',
  legalLimit: 'limit',
  promisedLimit: 'limit',
  code: 'code',
  handleCode: 'code',
  baseCode: 'code',
  departmentCode: 'code',
};

export interface FixContext {
  /** For a time limit: its explanation (说明) as exported. */
  explanation?: string;
  /** For a time limit: the export has a separate unit column/key (then the number is left alone). */
  hasUnitField?: boolean;
}

export interface FixResult {
  after: string;
  fixes: FixId[];
}

type Step = [FixId, (v: string, ctx: FixContext) => string | undefined];

const PIPELINES: Record<FixKind, Step[]> = {
  phone: [[PHONE_SEPARATOR, (v) => fixPhoneSeparators(v)]],
  hours: [[FULLWIDTH_DIGITS, (v) => fixFullwidthDigits(v)], [AFTERNOON_TIME, (v) => fixAfternoonTimes(v)]],
  limit: [[DURATION_UNIT, (v, c) => (c.hasUnitField ? undefined : fixDurationUnit(v, c.explanation))]],
  code: [[FULLWIDTH_DIGITS, (v) => fixFullwidthCode(v)]],
};

/** The corrected value and the fixes applied, or undefined when nothing is certain to change. */
export function fixValue(kind: FixKind, value: string, ctx: FixContext = {}): FixResult | undefined {
  let cur = value;
  const fixes: FixId[] = [];
  for (const [id, fn] of PIPELINES[kind]) {
    const next = fn(cur, ctx);
    if (next !== undefined && next !== cur) {
      cur = next;
      fixes.push(id);
    }
  }
  return fixes.length ? { after: cur, fixes } : undefined;
}

export const FIX_LABELS: Readonly<Record<FixId, string>> = {
  [PHONE_SEPARATOR]: '电话分隔符',
  [AFTERNOON_TIME]: '24小时制',
  [DURATION_UNIT]: '时限单位',
  [FULLWIDTH_DIGITS]: '全角数字',
};
