import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHINESE_NUMERAL_CLASS, parseNumber } from './numerals.js';

describe('parseNumber', () => {
  it.each([
    ['20', 20], ['0', 0], ['007', 7], ['２０', 20], ['20.5', 20.5], [' 15 ', 15], ['1,000', 1000],
    ['零', 0], ['〇', 0], ['一', 1], ['两', 2], ['十', 10], ['十五', 15], ['二十', 20], ['二十五', 25],
    ['三十', 30], ['一百', 100], ['一百零五', 105], ['一百一十', 110], ['一千零五十', 1050], ['两百', 200],
    ['廿', 20], ['廿五', 25], ['卅', 30], ['一百廿', 120],
    ['壹', 1], ['贰拾', 20], ['贰拾伍', 25], ['壹佰', 100], ['叁仟', 3000], ['拾', 10],
    ['一百五', 150], ['三千五', 3500], ['两万五', 25000], ['十万', 100000], ['一万零五百', 10500],
    ['一亿二千万', 120_000_000],
    ['1万', 10000], ['1.5万', 15000], ['3千', 3000], ['1万2千', 12000],
    ['二〇一九', 2019], ['二○一九', 2019], ['一九九八', 1998],
  ])('%s → %d', (s, n) => {
    expect(parseNumber(s)).toBe(n);
  });

  it.each([
    '', ' ', '几', '若干', '半', '十几', '三五', '一二', '百', '万', '十十', '五五十', '零十', '一百十',
    '12百', '-1', '1e5', '.5', '5.', '20个', '20天', 'abc', '○', '二十多', '1,2,3', '万万',
  ])('%s → undefined', (s) => {
    expect(parseNumber(s)).toBeUndefined();
  });

  it('numeral class lists every character parseNumber reads and nothing regex-special', () => {
    for (const ch of '零〇一二两三四五六七八九十百千万廿卅壹贰叁肆伍陆柒捌玖拾佰仟') {
      expect(CHINESE_NUMERAL_CLASS).toContain(ch);
    }
    expect(CHINESE_NUMERAL_CLASS).not.toMatch(/[\\\]^\-]/);
    expect(new RegExp(`^[${CHINESE_NUMERAL_CLASS}]+$`).test('二十五')).toBe(true);
  });

  it('property: never throws; result is undefined or a finite non-negative number', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => {
      const n = parseNumber(s);
      return n === undefined || (Number.isFinite(n) && n >= 0);
    }), { numRuns: 2000 });
    const chars = fc.constantFrom(...[...CHINESE_NUMERAL_CLASS], '1', '5', '.', '个');
    fc.assert(fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join('')), (s) => {
      const n = parseNumber(s);
      return n === undefined || (Number.isFinite(n) && n >= 0);
    }), { numRuns: 3000 });
  });

  it('property: ASCII integers round-trip, full-width digits read the same', () => {
    fc.assert(fc.property(fc.nat({ max: 10_000_000 }), (n) => {
      const s = String(n);
      const wide = s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
      return parseNumber(s) === n && parseNumber(wide) === n;
    }));
  });

  it('property: standard Chinese spelling of 0–99999 reads back', () => {
    const D = '零一二三四五六七八九';
    const spell = (n: number): string => {
      if (n === 0) return '零';
      const units = ['', '十', '百', '千', '万'];
      const ds = String(n).split('').map(Number);
      let out = '';
      let zero = false;
      ds.forEach((d, i) => {
        const u = units[ds.length - 1 - i] as string;
        if (d === 0) { zero = true; return; }
        if (zero && out) out += '零';
        zero = false;
        out += (d === 1 && u === '十' && i === 0 ? '' : D[d]) + u;
      });
      return out;
    };
    fc.assert(fc.property(fc.nat({ max: 99_999 }), (n) => parseNumber(spell(n)) === n), { numRuns: 3000 });
  });
});
