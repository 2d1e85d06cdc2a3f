// Section G statistics, each with numerator and denominator so shard reports can be merged.
import type { Guide } from './model.js';
import type { Stats } from './report.js';
import { analyzeLimit } from './parsers/time-limit.js';
import { parseDepth, parseVisits } from './parsers/visits.js';
import { filledElements } from './elements.js';

const ratio = (numerator: number, denominator: number) => ({ value: denominator ? numerator / denominator : null, numerator, denominator });

export class StatsAccumulator {
  private guides = 0;
  private compressionSum = 0;
  private compressionN = 0;
  private instant = 0;
  private caseTyped = 0;
  private visitsKnown = 0;
  private zeroVisits = 0;
  private oneVisit = 0;
  private visitsSum = 0;
  private depth = { I: 0, II: 0, III: 0, IV: 0, unknown: 0 };
  private filledSum = 0;

  add(g: Guide): void {
    this.guides++;
    const legal = analyzeLimit(g.legalLimit);
    const promised = analyzeLimit(g.promisedLimit);
    if (legal.kind === 'ok' && promised.kind === 'ok' && legal.workdays > 0) {
      this.compressionSum += 1 - promised.workdays / legal.workdays;
      this.compressionN++;
    }
    if (g.caseType === '即办件' || g.caseType === '承诺件') {
      this.caseTyped++;
      if (g.caseType === '即办件') this.instant++;
    }
    const v = parseVisits(g.visits);
    if (v !== undefined) {
      this.visitsKnown++;
      this.visitsSum += v;
      if (v === 0) this.zeroVisits++;
      if (v <= 1) this.oneVisit++;
    }
    const d = parseDepth(g.onlineDepth);
    this.depth[d ?? 'unknown']++;
    this.filledSum += filledElements(g);
  }

  result(): Stats {
    return {
      guides: this.guides,
      commitmentCompression: { ...ratio(this.compressionSum, this.compressionN), n: this.compressionN },
      instantShare: ratio(this.instant, this.caseTyped),
      zeroVisitShare: ratio(this.zeroVisits, this.visitsKnown),
      atMostOneVisitShare: ratio(this.oneVisit, this.visitsKnown),
      averageVisits: ratio(this.visitsSum, this.visitsKnown),
      onlineDepth: { ...this.depth },
      averageFilledElements: ratio(this.filledSum, this.guides),
    };
  }
}

/** The same statistics over 行政许可 guides (the evaluation's sample) and over all audited guides. */
export class ScopedStats {
  private readonly all = new StatsAccumulator();
  private readonly permit = new StatsAccumulator();

  add(g: Guide, permit: boolean): void {
    this.all.add(g);
    if (permit) this.permit.add(g);
  }

  result(): { permit: Stats; all: Stats } {
    return { permit: this.permit.result(), all: this.all.result() };
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
