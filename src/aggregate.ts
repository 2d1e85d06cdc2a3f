// What a report's scores and statistics are made of: whole-number sums per indicator, department and
// region. A run builds them from its guides; `merge` builds them from shard reports; both then
// assemble the report the same way, which is why shards + merge give a single run's bytes.
import type { Report } from './report.js';
import { bandOf, overallScore, type BandLimit, type IndicatorTally } from './scoring.js';
import { REFERENCE_2018, addSample, addSums, emptySums, statsResult, sumsOf, type StatsSample, type StatsSums } from './stats.js';

export const UNKNOWN_REGION = '（未知区划）';

export interface Tally { applicable: number; failed: number }

export interface GroupAgg {
  guides: number;
  findings: number;
  indicators: Record<string, Tally>;
  statsAll: StatsSums;
  statsPermit: StatsSums;
  /** Guides per region, for a department's region (the most frequent one). */
  regionGuides: Record<string, number>;
}

export interface Aggregate {
  all: GroupAgg;
  permit: GroupAgg;
  departments: Map<string, GroupAgg>;
  regions: Map<string, GroupAgg>;
  guidesWithFindings: number;
}

/** What scoring keeps of one audited guide: a few numbers, since a run keeps one per guide. */
export interface GuideRecord {
  department: string;
  region: string;
  permit: boolean;
  /** Bit i (as 2^i, up to 53 indicators): indicator i of the run's list applies / failed. */
  applicable: number;
  failed: number;
  findings: number;
  sample: StatsSample;
}

export const hasBit = (mask: number, i: number) => Math.floor(mask / 2 ** i) % 2 === 1;
export const withBit = (mask: number, i: number) => (hasBit(mask, i) ? mask : mask + 2 ** i);

const emptyGroup = (): GroupAgg => ({ guides: 0, findings: 0, indicators: {}, statsAll: emptySums(), statsPermit: emptySums(), regionGuides: {} });

export const emptyAggregate = (): Aggregate => ({ all: emptyGroup(), permit: emptyGroup(), departments: new Map(), regions: new Map(), guidesWithFindings: 0 });

function group(m: Map<string, GroupAgg>, k: string): GroupAgg {
  let g = m.get(k);
  if (!g) m.set(k, (g = emptyGroup()));
  return g;
}

function addRecord(g: GroupAgg, r: GuideRecord, names: readonly string[]): void {
  g.guides++;
  g.findings += r.findings;
  // Walk the set bits only (dividing by two), not every indicator.
  let a = r.applicable;
  let f = r.failed;
  for (let i = 0; a > 0; i++, a = Math.floor(a / 2), f = Math.floor(f / 2)) {
    if (a % 2 === 0) continue;
    const t = (g.indicators[names[i]!] ??= { applicable: 0, failed: 0 });
    t.applicable++;
    if (f % 2 === 1) t.failed++;
  }
  addSample(g.statsAll, r.sample);
  if (r.permit) addSample(g.statsPermit, r.sample);
  g.regionGuides[r.region] = (g.regionGuides[r.region] ?? 0) + 1;
}

/** Count one guide; `names` is the run's indicator list the record's bits refer to. */
export function addGuide(a: Aggregate, r: GuideRecord, names: readonly string[]): void {
  addRecord(a.all, r, names);
  if (r.permit) addRecord(a.permit, r, names);
  addRecord(group(a.departments, r.department), r, names);
  addRecord(group(a.regions, r.region), r, names);
  if (r.findings > 0) a.guidesWithFindings++;
}

/**
 * What the run keeps of each counted guide for the set rules, whose findings come after every guide
 * was counted: its groups and findings so far, in arrays rather than an object per guide.
 */
export class GuideSlots {
  private readonly departments: string[] = [];
  private readonly regions: string[] = [];
  private readonly permits: boolean[] = [];
  private readonly findings: number[] = [];

  get length(): number {
    return this.findings.length;
  }

  push(r: GuideRecord): void {
    this.departments.push(r.department);
    this.regions.push(r.region);
    this.permits.push(r.permit);
    this.findings.push(r.findings);
  }

  /**
   * Correct the counts for a set-rule finding on guide `key`: the same sums as if the guide's
   * record had carried it when counted. `firstForIndicator`: the guide's first finding of it.
   */
  addFinding(a: Aggregate, key: number, indicator: string, firstForIndicator: boolean): void {
    const groups = [a.all, ...(this.permits[key] ? [a.permit] : []), a.departments.get(this.departments[key]!)!, a.regions.get(this.regions[key]!)!];
    for (const g of groups) {
      g.findings++;
      // A failure counts only where the guide was counted as applicable (as a record's bits do).
      const t = g.indicators[indicator];
      if (firstForIndicator && t) t.failed++;
    }
    if (this.findings[key]! === 0) a.guidesWithFindings++;
    this.findings[key]!++;
  }
}

function addGroup(into: GroupAgg, from: GroupAgg): void {
  into.guides += from.guides;
  into.findings += from.findings;
  for (const [ind, t] of Object.entries(from.indicators)) {
    const x = (into.indicators[ind] ??= { applicable: 0, failed: 0 });
    x.applicable += t.applicable;
    x.failed += t.failed;
  }
  addSums(into.statsAll, from.statsAll);
  addSums(into.statsPermit, from.statsPermit);
  for (const [r, n] of Object.entries(from.regionGuides)) into.regionGuides[r] = (into.regionGuides[r] ?? 0) + n;
}

/** The aggregate a report was assembled from (the inverse of assembleScores, for merging). */
export function aggregateOfReport(report: Report): Aggregate {
  const fromTallies = (t: Record<string, IndicatorTally>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { applicable: v.applicable, failed: v.failed }]));
  const g = (guides: number, findings: number, indicators: Record<string, IndicatorTally>, stats: { all: Report['stats']['all']; permit: Report['stats']['permit'] }, regionGuides: Record<string, number>): GroupAgg => ({
    guides, findings, indicators: fromTallies(indicators), statsAll: sumsOf(stats.all), statsPermit: sumsOf(stats.permit), regionGuides: { ...regionGuides },
  });
  const s = report.scores;
  const a: Aggregate = {
    all: g(report.summary.guides, 0, s.indicators, report.stats, {}),
    permit: g(s.permitOnly.guides, 0, s.permitIndicators, report.stats, {}),
    departments: new Map(s.departments.map((d) => [d.department, g(d.guides, d.findings, d.indicators, d.stats, d.guidesByRegion ?? {})])),
    regions: new Map(s.regions.map((r) => [r.region, g(r.guides, r.findings, r.indicators, r.stats, {})])),
    guidesWithFindings: report.summary.guidesWithFindings,
  };
  return a;
}

export function addAggregate(into: Aggregate, from: Aggregate): void {
  addGroup(into.all, from.all);
  addGroup(into.permit, from.permit);
  for (const [k, v] of from.departments) addGroup(group(into.departments, k), v);
  for (const [k, v] of from.regions) addGroup(group(into.regions, k), v);
  into.guidesWithFindings += from.guidesWithFindings;
}

export interface ScoringSettings {
  /** Every indicator in force, in registry order; `scored` those of the accuracy index. */
  indicators: string[];
  scored: string[];
  weights: Record<string, number>;
  bands: BandLimit[];
}

function scoresOf(t: Record<string, Tally>, s: ScoringSettings) {
  const out: Record<string, IndicatorTally> = {};
  for (const ind of s.indicators) {
    const x = t[ind] ?? { applicable: 0, failed: 0 };
    out[ind] = { score: x.applicable ? (100 * (x.applicable - x.failed)) / x.applicable : null, applicable: x.applicable, failed: x.failed };
  }
  const overall = overallScore(out, s.scored, s.weights);
  return { indicators: out, overall, band: bandOf(overall, s.bands) };
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The key with the most guides (ties: the smallest), for a department's region. */
function mostGuides(counts: Record<string, number>): string | undefined {
  let best: string | undefined;
  let n = 0;
  for (const [k, c] of Object.entries(counts).sort((x, y) => byCodeUnits(x[0], y[0]))) if (c > n) [best, n] = [k, c];
  return best;
}

/** The `scores` and `stats` of a report from its aggregate. */
export function assembleScores(a: Aggregate, s: ScoringSettings): Pick<Report, 'scores' | 'stats'> {
  const all = scoresOf(a.all.indicators, s);
  const permit = scoresOf(a.permit.indicators, s);
  const departments = [...a.departments].map(([department, g]) => {
    const sc = scoresOf(g.indicators, s);
    const region = mostGuides(g.regionGuides);
    return {
      department,
      ...(region && region !== UNKNOWN_REGION ? { region } : {}),
      score: sc.overall, band: sc.band, guides: g.guides, findings: g.findings, indicators: sc.indicators,
      stats: { permit: statsResult(g.statsPermit), all: statsResult(g.statsAll) },
      guidesByRegion: Object.fromEntries(Object.entries(g.regionGuides).sort((x, y) => byCodeUnits(x[0], y[0]))),
    };
  });
  // Ranking: score descending (no score last), then name.
  departments.sort((x, y) => (y.score ?? -1) - (x.score ?? -1) || byCodeUnits(x.department, y.department));
  const regions = [...a.regions]
    .map(([region, g]) => {
      const sc = scoresOf(g.indicators, s);
      return {
        region, score: sc.overall, band: sc.band, guides: g.guides, findings: g.findings, indicators: sc.indicators,
        stats: { permit: statsResult(g.statsPermit), all: statsResult(g.statsAll) },
      };
    })
    .sort((x, y) => byCodeUnits(x.region, y.region));
  return {
    scores: {
      overall: all.overall,
      band: all.band,
      permitOnly: { overall: permit.overall, band: permit.band, guides: a.permit.guides },
      indicators: all.indicators,
      permitIndicators: permit.indicators,
      departments,
      regions,
    },
    stats: { permit: statsResult(a.all.statsPermit), all: statsResult(a.all.statsAll), reference: { ...REFERENCE_2018 } },
  };
}
