import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeKeepLines } from '../normalize.js';
import { findDurations, formatDuration, isExplicitDayUnit, parseDurationValue, toWorkdays, type Duration } from './duration.js';

const brief = (ds: readonly Duration[]) => ds.map((d) => [d.value, d.unit, d.afterExtension]);

describe('parseDurationValue', () => {
  it.each([
    ['20个工作日', 20, '工作日'],
    ['二十个工作日', 20, '工作日'],
    ['30个自然日', 30, '自然日'],
    ['20工作日', 20, '工作日'],
    ['２０个工作日', 20, '工作日'],
    ['20 个工作日', 20, '工作日'],
    ['十五个工作日', 15, '工作日'],
    ['廿个工作日', 20, '工作日'],
    ['一百二十个自然日', 120, '自然日'],
    ['0.5个工作日', 0.5, '工作日'],
    ['5个工作天', 5, '工作日'],
    ['60个日历日', 60, '自然日'],
    ['30天(自然日)', 30, '自然日'],
    ['20日（工作日）', 20, '工作日'],
    ['20(工作日)', 20, '工作日'],
    ['20个工作日内', 20, '工作日'],
    ['共20个工作日。', 20, '工作日'],
    ['20个工作日内办结', 20, '工作日'],
    ['即办', 0, '即办'],
    ['即办件', 0, '即办'],
    ['即时', 0, '即办'],
    ['即时办结', 0, '即办'],
    ['当场办结', 0, '即办'],
    ['当场', 0, '即办'],
    ['立即办结', 0, '即办'],
    ['即来即办', 0, '即办'],
    ['即办（当场办结）', 0, '即办'],
    ['20日', 20, '日'],
    ['20天', 20, '天'],
    ['3个月', 3, '月'],
    ['一个月', 1, '月'],
    ['两个月', 2, '月'],
    ['半个月', 0.5, '月'],
    ['一个半月', 1.5, '月'],
    ['2小时', 2, '小时'],
    ['半小时', 0.5, '小时'],
    ['一个半小时', 1.5, '小时'],
    ['30分钟', 30, '分钟'],
    ['2周', 2, '周'],
    ['两个星期', 2, '周'],
    ['1年', 1, '年'],
    ['三年', 3, '年'],
  ])('%s → %d %s', (s, value, unit) => {
    const d = parseDurationValue(s);
    expect(d).toMatchObject({ value, unit, afterExtension: false });
  });

  it.each([
    '', '20', '二十', '无', '若干工作日', '几个工作日', '20个工作日（不含公示时间）', '20个工作日，经批准可延长10个工作日',
    '3月', '2019年9月6日', '法定期限', '20多个工作日', '两三个工作日', '不能当场办结', '非即办件', '第5个工作日',
    '按有关规定执行', '20个工作日或30个自然日',
  ])('%s → undefined', (s) => {
    expect(parseDurationValue(s)).toBeUndefined();
  });
});

describe('findDurations', () => {
  it('statutory explanation with an extension', () => {
    const ds = findDurations('受理之日起20个工作日，经批准可延长10个工作日');
    expect(brief(ds)).toEqual([[20, '工作日', false], [10, '工作日', true]]);
    expect(ds[0]).toMatchObject({ raw: '20个工作日', start: 5, end: 11 });
    expect(ds[1]).toMatchObject({ raw: '10个工作日' });
  });

  it('行政许可法 article 42 text', () => {
    const s = '除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定。'
      + '二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人。';
    expect(brief(findDurations(s))).toEqual([[0, '即办', false], [20, '日', false], [20, '日', false], [10, '日', true]]);
  });

  it.each([
    ['延长期限：10个工作日', [[10, '工作日', true]]],
    ['可延期30日', [[30, '日', true]]],
    ['5个工作日；如需延长，延长期限不超过10个工作日', [[5, '工作日', false], [10, '工作日', true]]],
    ['经批准可以延长十个工作日。承诺时限5个工作日', [[10, '工作日', true], [5, '工作日', false]]],
    ['不得延长，20个工作日内办结', [[20, '工作日', false]]],
    ['不予延期，20个工作日', [[20, '工作日', false]]],
    ['延长\n20个工作日', [[20, '工作日', false]]],
  ])('extension scope: %s', (s, exp) => {
    expect(brief(findDurations(s))).toEqual(exp);
  });

  it('日 inside 工作日/自然日 and time phrases without numbers are not durations', () => {
    expect(brief(findDurations('20个工作日'))).toEqual([[20, '工作日', false]]);
    expect(brief(findDurations('30个自然日'))).toEqual([[30, '自然日', false]]);
    expect(findDurations('自受理之日起，次日办结，当日受理，工作日内，节假日顺延')).toEqual([]);
  });

  it('skips dates', () => {
    expect(findDurations('2019年9月6日前')).toEqual([]);
    expect(findDurations('19年9月6日')).toEqual([]);
    expect(findDurations('夏季（5月1日至9月30日）')).toEqual([]);
    expect(findDurations('每月20日前报送')).toEqual([]);
    expect(findDurations('二○一九年九月')).toEqual([]);
    expect(findDurations('2019年度')).toEqual([]);
    expect(findDurations('周六日休息')).toEqual([]);
    expect(findDurations('3月底前')).toEqual([]);
    expect(brief(findDurations('1日内'))).toEqual([[1, '日', false]]);
    expect(brief(findDurations('有效期3年9个月'))).toEqual([[3, '年', false], [9, '月', false]]);
  });

  it('skips ordinals, ages, anniversaries, approximations', () => {
    expect(findDurations('于第5个工作日送达')).toEqual([]);
    expect(findDurations('年满18周岁，成立10周年')).toEqual([]);
    expect(findDurations('20多个工作日，三五天，两三个工作日，数个工作日')).toEqual([]);
    expect(findDurations('3年级')).toEqual([]);
  });

  it('ranges give the upper bound', () => {
    const [d] = findDurations('3-5个工作日');
    expect(d).toMatchObject({ value: 5, rangeFrom: 3, unit: '工作日', raw: '3-5个工作日' });
    expect(findDurations('三至五个工作日')[0]).toMatchObject({ value: 5, rangeFrom: 3 });
    expect(findDurations('15到20个自然日')[0]).toMatchObject({ value: 20, rangeFrom: 15, unit: '自然日' });
    const [bad] = findDurations('2019-20个工作日');
    expect(bad).toMatchObject({ value: 20, raw: '20个工作日', start: 5 });
    expect(bad?.rangeFrom).toBeUndefined();
  });

  it('instant forms, and negated ones', () => {
    expect(brief(findDurations('能当场办结的当场办结；不能当场办结的，5个工作日'))).toEqual([
      [0, '即办', false], [0, '即办', false], [5, '工作日', false],
    ]);
    expect(findDurations('非即办件')).toEqual([]);
    expect(findDurations('无法即时办结')).toEqual([]);
    expect(findDurations('不能即来即办')).toEqual([]);
    expect(findDurations('不能立即办结')).toEqual([]);
  });

  it('process step text', () => {
    const s = '1.受理：窗口工作人员审查材料，时限：即时；2.审核：科长审核，时限：2个工作日；3.决定：局长签发，时限1个工作日；4.送达：2小时内';
    expect(brief(findDurations(s))).toEqual([
      [0, '即办', false], [2, '工作日', false], [1, '工作日', false], [2, '小时', false],
    ]);
  });

  it('offsets point into the normalised text', () => {
    const src = '<p>受理后　２０个工作日</p>';
    const t = normalizeKeepLines(src);
    for (const d of findDurations(src)) expect(t.slice(d.start, d.end)).toBe(d.raw);
    expect(findDurations(src)[0]).toMatchObject({ value: 20, unit: '工作日' });
  });

  it('property: never throws; raw equals the slice of the normalised text; values finite, ≥ 0', () => {
    const alphabet = fc.constantFrom(
      '1', '2', '0', '二', '十', '五', '两', '半', '个', '工作日', '自然日', '日', '天', '月', '年', '周', '小时', '分钟',
      '即办', '当场', '延长', '不得', '，', '。', '；', '\n', '-', '至', ' ', '第', '（', '）', '(', ')', '9', ':', 'a',
    );
    const arb = fc.oneof(fc.string({ maxLength: 60 }), fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')));
    fc.assert(fc.property(arb, (s) => {
      const t = normalizeKeepLines(s);
      const ds = findDurations(s);
      let last = -1;
      for (const d of ds) {
        if (t.slice(d.start, d.end) !== d.raw) return false;
        if (!Number.isFinite(d.value) || d.value < 0) return false;
        if (d.start < last) return false;
        last = d.end;
      }
      return true;
    }), { numRuns: 3000 });
  });

  it('property: a formatted duration parses back to itself', () => {
    const units = ['工作日', '自然日', '日', '天', '小时', '分钟', '周', '月', '年'] as const;
    fc.assert(fc.property(fc.integer({ min: 0, max: 999 }), fc.constantFrom(...units), (v, u) => {
      const d = parseDurationValue(formatDuration(v, u));
      return d !== undefined && d.value === v && d.unit === u;
    }));
    expect(parseDurationValue(formatDuration(0, '即办'))).toMatchObject({ value: 0, unit: '即办' });
  });

  it('runs in linear time on adversarial 2 MB input', () => {
    const big = '1'.repeat(1_000_000) + '二十'.repeat(500_000);
    const t0 = Date.now();
    findDurations(big);
    findDurations('延长'.repeat(1_000_000));
    findDurations('二'.repeat(2_000_000));
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('unit helpers', () => {
  it('toWorkdays', () => {
    expect(toWorkdays({ value: 20, unit: '工作日' })).toBe(20);
    expect(toWorkdays({ value: 28, unit: '自然日' })).toBeCloseTo(20);
    expect(toWorkdays({ value: 30, unit: '自然日' }, 1)).toBe(30);
    expect(toWorkdays({ value: 0, unit: '即办' })).toBe(0);
    for (const u of ['日', '天', '小时', '分钟', '周', '月', '年'] as const) expect(toWorkdays({ value: 1, unit: u })).toBeUndefined();
  });

  it('isExplicitDayUnit', () => {
    expect(['工作日', '自然日', '即办'].every((u) => isExplicitDayUnit(u as never))).toBe(true);
    expect(['日', '天', '小时', '分钟', '周', '月', '年'].some((u) => isExplicitDayUnit(u as never))).toBe(false);
  });

  it('formatDuration', () => {
    expect(formatDuration(10, '工作日')).toBe('10个工作日');
    expect(formatDuration(7.5, '工作日')).toBe('7.5个工作日');
    expect(formatDuration(20 / 1.4, '工作日')).toBe('14.29个工作日');
    expect(formatDuration(30, '自然日')).toBe('30个自然日');
    expect(formatDuration(3, '月')).toBe('3个月');
    expect(formatDuration(2, '小时')).toBe('2小时');
    expect(formatDuration(20, '日')).toBe('20日');
    expect(formatDuration(0, '即办')).toBe('即办');
  });
});
