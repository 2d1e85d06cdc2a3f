// Fix: a time limit written as a bare number, when its explanation states the unit of that very number
// (`20` with 说明 `自受理之日起20个工作日内办结` → `20个工作日`). Only a whole number, only 工作日 or
// 自然日, and only when every mention of that number in the explanation has the same unit (ranges and
// extension periods do not count). Layouts with a separate unit column are not touched (the caller
// checks): there the unit belongs in that column, whose codes differ by vendor.
import { explanationDurations } from '../parsers/time-limit.js';

export const DURATION_UNIT = 'duration-unit';

export function fixDurationUnit(value: string, explanation: string | undefined): string | undefined {
  const t = value.normalize('NFKC').trim();
  if (!/^\d{1,5}$/.test(t)) return undefined;
  const n = Number(t);
  if (n === 0) return undefined; // 0 needs no unit (即办)
  const units = new Set(
    explanationDurations(explanation)
      .filter((d) => d.rangeFrom === undefined && d.value === n && (d.unit === '工作日' || d.unit === '自然日'))
      .map((d) => d.unit),
  );
  if (units.size !== 1) return undefined;
  return `${n}个${[...units][0]}`;
}
