import { describe, expect, it } from 'vitest';
import { bandOf, overallScore, DEFAULT_BANDS } from '../src/scoring.js';
import { addGuide, assembleScores, emptyAggregate, withBit, type GuideRecord } from '../src/aggregate.js';

const NAMES = ['办理地点', '材料名称', '减时间'];
const o = (department: string, permit: boolean, ind: Record<string, boolean>): GuideRecord => {
  let applicable = 0;
  let failed = 0;
  for (const [k, f] of Object.entries(ind)) {
    applicable = withBit(applicable, NAMES.indexOf(k));
    if (f) failed = withBit(failed, NAMES.indexOf(k));
  }
  return { department, region: '420400', permit, applicable, failed, findings: Object.values(ind).filter(Boolean).length, sample: { depth: 'unknown', filled: 0 } };
};
const tally = (records: GuideRecord[], names: string[]) => {
  const a = emptyAggregate();
  for (const r of records) addGuide(a, r, NAMES);
  return assembleScores(a, { indicators: names, scored: names, weights: {}, bands: DEFAULT_BANDS }).scores.indicators;
};

describe('scores (INDICATORS.md §H)', () => {
  it('bands on the unrounded score', () => {
    expect(bandOf(100)).toBe('非常高');
    expect(bandOf(90)).toBe('非常高');
    expect(bandOf(89.9999)).toBe('高');
    expect(bandOf(80)).toBe('高');
    expect(bandOf(79.99)).toBe('中');
    expect(bandOf(60)).toBe('中');
    expect(bandOf(59.99)).toBe('低');
    expect(bandOf(0)).toBe('低');
    expect(bandOf(null)).toBeNull();
    expect(bandOf(95, [{ min: 95, band: '优秀' }, { min: 0, band: '待提升' }])).toBe('优秀');
  });

  it('indicator score = 100 × passing / applicable; not-applicable guides stay out of the denominator', () => {
    const t = tally([o('a', true, { 办理地点: false, 材料名称: true }), o('a', false, { 办理地点: true }), o('b', true, { 办理地点: false })], ['办理地点', '材料名称', '减时间']);
    expect(t.办理地点).toEqual({ score: (100 * 2) / 3, applicable: 3, failed: 1 });
    expect(t.材料名称).toEqual({ score: 0, applicable: 1, failed: 1 });
    expect(t.减时间).toEqual({ score: null, applicable: 0, failed: 0 });
  });

  it('overall = (weighted) mean of the scored indicators that have a score', () => {
    const t = { 办理地点: { score: 80, applicable: 5, failed: 1 }, 材料名称: { score: 100, applicable: 5, failed: 0 }, 减时间: { score: null, applicable: 0, failed: 0 } };
    expect(overallScore(t, ['办理地点', '材料名称', '减时间'])).toBe(90);
    expect(overallScore(t, ['办理地点', '材料名称'], { 办理地点: 3 })).toBe(85);
    expect(overallScore(t, ['减时间'])).toBeNull();
  });
});
