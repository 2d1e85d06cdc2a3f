// 法定/承诺办结时限 as a whole: a structured number + unit, or a text; what the evaluation accepts.
import type { TimeLimit } from '../model.js';
import { isEmpty, normalize } from '../normalize.js';
import { byValue, keyPart, valueCache } from '../memo.js';
import { findDurations, isExplicitDayUnit, toWorkdays, type Duration, type DurationUnit } from './duration.js';

export type LimitAnalysis =
  | { kind: 'ok'; value: number; unit: '工作日' | '自然日' | '即办'; workdays: number; raw: string }
  | { kind: 'empty'; raw: string }
  | { kind: 'none'; raw: string } // 无 / 无法定时限 / 法律未规定
  | { kind: 'noUnit'; raw: string; value: number }
  | { kind: 'badUnit'; raw: string; value?: number; unit: string };

const NONE_RE = /^(无|没有|无法定(办结)?时限|无时限|无期限|法律(法规)?未(作)?规定|法律法规没有规定|不涉及|无规定|未规定)[。.]?$/;

/** The raw value as a user would quote it: the number with its unit, or the text. */
export function limitRaw(l: TimeLimit): string {
  const base = l.text ?? l.number ?? '';
  if (l.unitRaw !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(base.normalize('NFKC'))) {
    // A coded unit is shown with its meaning: "10（单位：1，即工作日）".
    const meaning = l.unit && l.unit !== l.unitRaw ? `，即${l.unit}` : '';
    return `${base.trim()}（单位：${l.unitRaw}${meaning}）`;
  }
  return base;
}

function fromUnitLabel(unit: string | undefined): '工作日' | '自然日' | undefined {
  if (!unit) return undefined;
  const u = normalize(unit);
  if (/^(个)?工作日$/.test(u)) return '工作日';
  if (/^(个)?自然日$/.test(u)) return '自然日';
  return undefined;
}

// Several rules and the statistics analyse the same limit of a guide, and guides repeat their limits:
// the analysis is remembered by what it depends on (see byValue).
const analyses = valueCache<LimitAnalysis>();

export function analyzeLimit(l: TimeLimit, naturalPerWork = 7 / 5): LimitAnalysis {
  // Everything computeLimit reads.
  const key = `${naturalPerWork}|${keyPart(l.text)}${keyPart(l.number)}${keyPart(l.unit)}${keyPart(l.unitRaw)}`;
  return analyses(key, () => computeLimit(l, naturalPerWork));
}

function computeLimit(l: TimeLimit, naturalPerWork: number): LimitAnalysis {
  const raw = limitRaw(l);
  const text = l.text ?? l.number;
  if (isEmpty(text)) return { kind: 'empty', raw };
  const t = normalize(text);
  if (NONE_RE.test(t)) return { kind: 'none', raw };
  if (/^\d+(\.\d+)?$/.test(t)) {
    const value = Number(t);
    const unit = fromUnitLabel(l.unit);
    if (unit) return ok(value, unit, raw, naturalPerWork);
    if (!isEmpty(l.unit)) {
      // A unit field holding 即办 is not a number-of-days unit, but with 0 it is unambiguous.
      const d = findDurations(`${t}${normalize(l.unit)}`)[0];
      if (d && isExplicitDayUnit(d.unit)) return ok(d.value, d.unit as '工作日' | '自然日' | '即办', raw, naturalPerWork);
      return { kind: 'badUnit', raw, value, unit: l.unit! };
    }
    // [decision] 0 needs no unit: it is 即办 whatever the unit.
    if (value === 0) return ok(0, '即办', raw, naturalPerWork);
    return { kind: 'noUnit', raw, value };
  }
  const ds = findDurations(t).filter((d) => !d.afterExtension);
  const first = ds[0];
  if (!first) {
    const num = /^\d+(\.\d+)?/.exec(t);
    if (num && fromUnitLabel(l.unit)) return ok(Number(num[0]), fromUnitLabel(l.unit)!, raw, naturalPerWork);
    if (num) return { kind: 'noUnit', raw, value: Number(num[0]) };
    return { kind: 'badUnit', raw, unit: t };
  }
  if (isExplicitDayUnit(first.unit)) return ok(first.value, first.unit as '工作日' | '自然日' | '即办', raw, naturalPerWork);
  // A bare 日/天 in the text with the unit field stating 工作日/自然日 is explicit enough.
  const fieldUnit = fromUnitLabel(l.unit);
  if (fieldUnit && (first.unit === '日' || first.unit === '天')) return ok(first.value, fieldUnit, raw, naturalPerWork);
  return { kind: 'badUnit', raw, value: first.value, unit: first.unit };
}

function ok(value: number, unit: '工作日' | '自然日' | '即办', raw: string, naturalPerWork: number): LimitAnalysis {
  return { kind: 'ok', value, unit, workdays: toWorkdays({ value, unit }, naturalPerWork) ?? 0, raw };
}

/** Durations with an explicit unit stated in an explanation, extension durations left out. */
export function explanationDurations(text: string | undefined): readonly Duration[] {
  if (text === undefined) return [];
  return explained(text);
}
const explained = byValue((text: string): readonly Duration[] => {
  if (isEmpty(text)) return [];
  // findDurations normalises itself and keeps line breaks, which end an extension's sentence.
  return findDurations(text).filter((d) => !d.afterExtension && isExplicitDayUnit(d.unit));
});

/** Does any explained duration equal the structured value (same unit: numbers; else after conversion)? */
export function explanationAgrees(value: { value: number; unit: DurationUnit; workdays: number }, explained: readonly Duration[], naturalPerWork = 7 / 5): boolean {
  return explained.some((d) => {
    if (d.unit === value.unit) return Math.abs(d.value - value.value) < 1e-9;
    const w = toWorkdays(d, naturalPerWork);
    return w !== undefined && Math.abs(w - value.workdays) < 0.5;
  });
}
