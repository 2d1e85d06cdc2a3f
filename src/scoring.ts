// Scores (INDICATORS.md §H): bands and the accuracy index; per-group sums are in aggregate.ts.

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

export interface IndicatorTally { score: number | null; applicable: number; failed: number }

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
