// Fix: 12-hour times after an afternoon/evening word in 办理时间 (`下午2:00-5:00` → `下午14:00-17:00`,
// `下午5:00前` → `下午17:00前`). The rewrite is the one the 办理时间 parser itself suggests, applied only
// when the text it quotes starts with the period word (下午、晚上、傍晚、晚间) and occurs in the value as
// written. Ranges without a period word (`9:00-5:00`) are reported by the audit but not rewritten here.
import { analyzeHours } from '../parsers/hours.js';
import { MAX_FIELD_SCAN } from '../normalize.js';

export const AFTERNOON_TIME = 'afternoon-time';

const PERIOD_START = /^(下午|晚上|傍晚|晚间)/;

export function fixAfternoonTimes(value: string): string | undefined {
  if (value.length > MAX_FIELD_SCAN) return undefined;
  const found = analyzeHours(value).twelveHour.filter((t) => PERIOD_START.test(t.raw) && t.raw !== t.suggestion);
  if (found.length === 0) return undefined;
  let out = '';
  let cursor = 0;
  let changed = false;
  for (const t of found) {
    const at = value.indexOf(t.raw, cursor);
    if (at < 0) continue; // the value differs from its normalised form here: leave it
    out += value.slice(cursor, at) + t.suggestion;
    cursor = at + t.raw.length;
    changed = true;
  }
  if (!changed) return undefined;
  return out + value.slice(cursor);
}
