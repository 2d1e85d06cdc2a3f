// Scores (INDICATORS.md §H): indicator, department, region, overall, 行政许可-only, bands.

export interface BandLimit { min: number; band: string }
export const DEFAULT_BANDS: BandLimit[] = [
  { min: 90, band: '非常高' },
  { min: 80, band: '高' },
  { min: 60, band: '中' },
  { min: 0, band: '低' },
];

export function bandOf(score: number | null, bands: BandLimit[] = DEFAULT_BANDS): string | null {
  if (score === null) return null;
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  for (const b of sorted) if (score >= b.min) return b.band;
  return sorted[sorted.length - 1]?.band ?? null;
}

/** What scoring keeps of each audited guide: compact, no guide content. */
export interface GuideOutcome {
  department: string;
  region: string;
  permit: boolean;
  /** indicator → failed? (absent: not applicable or rule off) */
  indicators: Map<string, boolean>;
  findings: number;
}

export interface IndicatorTally { score: number | null; applicable: number; failed: number }

export function tally(outcomes: Iterable<GuideOutcome>, indicators: string[]): Record<string, IndicatorTally> {
  const out: Record<string, IndicatorTally> = {};
  for (const ind of indicators) out[ind] = { score: null, applicable: 0, failed: 0 };
  for (const o of outcomes) {
    for (const [ind, failed] of o.indicators) {
      const t = out[ind];
      if (!t) continue;
      t.applicable++;
      if (failed) t.failed++;
    }
  }
  for (const t of Object.values(out)) t.score = t.applicable ? (100 * (t.applicable - t.failed)) / t.applicable : null;
  return out;
}

/** 办事指南准确度 index: weighted mean of the scored indicators that have a score. */
export function overallScore(t: Record<string, IndicatorTally>, scored: string[], weights: Record<string, number> = {}): number | null {
  let sum = 0;
  let wsum = 0;
  for (const ind of scored) {
    const s = t[ind]?.score;
    if (s === null || s === undefined) continue;
    const w = weights[ind] ?? 1;
    sum += w * s;
    wsum += w;
  }
  return wsum > 0 ? sum / wsum : null;
}

export function groupBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push(it);
  }
  return m;
}

/** The most frequent value (ties: the smallest), for a department's region. */
export function mode(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [v, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c > n) { best = v; n = c; }
  return best;
}
