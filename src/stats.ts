// Section G statistics, each with numerator and denominator so shard reports can be merged.
import type { Guide } from './model.js';
import type { Stats } from './report.js';
import { analyzeLimit } from './parsers/time-limit.js';
import { parseDepth, parseVisits, type Depth } from './parsers/visits.js';
import { filledElements } from './elements.js';

const ratio = (numerator: number, denominator: number) => ({ value: denominator ? numerator / denominator : null, numerator, denominator });

/**
 * Compression ratios are summed as whole nano-units, so that the sum does not depend on the order of
 * addition: a run, a run with several workers and merged shards give the same bytes.
 */
export const COMPRESSION_SCALE = 1e9;

/** What the statistics keep of one guide: small and cloneable (it crosses worker threads). */
export interface StatsSample {
  /** round((1 − promised/legal) × COMPRESSION_SCALE), when both limits parse and legal > 0. */
  compression?: number;
  caseType?: 'instant' | 'promise';
  visits?: number;
  depth: Depth | 'unknown';
  filled: number;
}

export function statsSample(g: Guide): StatsSample {
  const legal = analyzeLimit(g.legalLimit);
  const promised = analyzeLimit(g.promisedLimit);
  const s: StatsSample = { depth: parseDepth(g.onlineDepth) ?? 'unknown', filled: filledElements(g) };
  if (legal.kind === 'ok' && promised.kind === 'ok' && legal.workdays > 0) s.compression = Math.round((1 - promised.workdays / legal.workdays) * COMPRESSION_SCALE);
  if (g.caseType === '即办件') s.caseType = 'instant';
  else if (g.caseType === '承诺件') s.caseType = 'promise';
  const v = parseVisits(g.visits);
  if (v !== undefined) s.visits = v;
  return s;
}

/** Sums of the section G statistics; every field is an integer, so partial sums merge exactly. */
export interface StatsSums {
  guides: number;
  compressionSum: number;
  compressionN: number;
  instant: number;
  caseTyped: number;
  visitsKnown: number;
  zeroVisits: number;
  oneVisit: number;
  visitsSum: number;
  depth: Record<Depth | 'unknown', number>;
  filledSum: number;
}

export const emptySums = (): StatsSums => ({
  guides: 0, compressionSum: 0, compressionN: 0, instant: 0, caseTyped: 0, visitsKnown: 0, zeroVisits: 0, oneVisit: 0, visitsSum: 0,
  depth: { I: 0, II: 0, III: 0, IV: 0, unknown: 0 }, filledSum: 0,
});

export function addSample(t: StatsSums, s: StatsSample): void {
  t.guides++;
  if (s.compression !== undefined) {
    t.compressionSum += s.compression;
    t.compressionN++;
  }
  if (s.caseType) {
    t.caseTyped++;
    if (s.caseType === 'instant') t.instant++;
  }
  if (s.visits !== undefined) {
    t.visitsKnown++;
    t.visitsSum += s.visits;
    if (s.visits === 0) t.zeroVisits++;
    if (s.visits <= 1) t.oneVisit++;
  }
  t.depth[s.depth]++;
  t.filledSum += s.filled;
}

export function statsResult(t: StatsSums): Stats {
  return {
    guides: t.guides,
    commitmentCompression: { ...ratio(t.compressionSum / COMPRESSION_SCALE, t.compressionN), n: t.compressionN },
    instantShare: ratio(t.instant, t.caseTyped),
    zeroVisitShare: ratio(t.zeroVisits, t.visitsKnown),
    atMostOneVisitShare: ratio(t.oneVisit, t.visitsKnown),
    averageVisits: ratio(t.visitsSum, t.visitsKnown),
    onlineDepth: { ...t.depth },
    averageFilledElements: ratio(t.filledSum, t.guides),
  };
}

/** The sums back from a report's statistics (for merging shard reports). */
export function sumsOf(s: Stats): StatsSums {
  return {
    guides: s.guides,
    compressionSum: Math.round(s.commitmentCompression.numerator * COMPRESSION_SCALE),
    compressionN: s.commitmentCompression.n,
    instant: s.instantShare.numerator,
    caseTyped: s.instantShare.denominator,
    visitsKnown: s.zeroVisitShare.denominator,
    zeroVisits: s.zeroVisitShare.numerator,
    oneVisit: s.atMostOneVisitShare.numerator,
    visitsSum: s.averageVisits.numerator,
    depth: { ...s.onlineDepth },
    filledSum: s.averageFilledElements.numerator,
  };
}

export function addSums(into: StatsSums, from: StatsSums): void {
  for (const k of ['guides', 'compressionSum', 'compressionN', 'instant', 'caseTyped', 'visitsKnown', 'zeroVisits', 'oneVisit', 'visitsSum', 'filledSum'] as const) into[k] += from[k];
  for (const d of Object.keys(into.depth) as (Depth | 'unknown')[]) into.depth[d] += from.depth[d];
}

/** The same statistics over 行政许可 guides (the evaluation's sample) and over all audited guides. */
export class ScopedStats {
  readonly all = emptySums();
  readonly permit = emptySums();

  add(s: StatsSample, permit: boolean): void {
    addSample(this.all, s);
    if (permit) addSample(this.permit, s);
  }

  result(): { permit: Stats; all: Stats } {
    return { permit: statsResult(this.permit), all: statsResult(this.all) };
  }
}

/**
 * Reference values from the evaluation's data analysis report (Henan, 2018), shown next to ours.
 * The 39 elements counted there are the evaluation's own list; guide-audit counts the elements of
 * its canonical model (see ELEMENTS), so compare that figure with care.
 */
export const REFERENCE_2018 = {
  source: '2018年河南省网上政务服务能力评估数据分析报告',
  commitmentCompression: 0.306,
  zeroVisitShare: 0.1717,
  atMostOneVisitShare: 0.3309,
  averageFilledElements: 39,
} as const;
