// The safe fixes, one by one: what each corrects, and everything it must leave alone (nothing guessed).
import { describe, expect, it } from 'vitest';
import { fixPhoneSeparators } from './phone-separator.js';
import { fixAfternoonTimes } from './afternoon-time.js';
import { fixDurationUnit } from './duration-unit.js';
import { fixFullwidthCode, fixFullwidthDigits } from './fullwidth-digits.js';
import { fixValue } from './fields.js';
import { extractPhones } from '../parsers/phone.js';
import { analyzeHours } from '../parsers/hours.js';

describe('phone-separator', () => {
  it.each([
    ['0393—6661882', '0393-6661882'],
    ['0393－6661882', '0393-6661882'],
    ['0393–6661882', '0393-6661882'],
    ['0393一6661882', '0393-6661882'],
    ['0393--6661882', '0393-6661882'],
    ['010—12345678', '010-12345678'],
    ['咨询电话：0393—6661882、0393－6661883（传真）', '咨询电话：0393-6661882、0393-6661883（传真）'],
    ['０３９３－６６６１８８２', '０３９３-６６６１８８２'],
    ['0393—12345', '0393-12345'],
  ])('%s → %s', (before, after) => {
    expect(fixPhoneSeparators(before)).toBe(after);
    expect(extractPhones(after).filter((t) => t.problem === 'badSeparator')).toEqual([]);
  });
  it.each([
    ['0393-6661882'], ['6661882'], ['0393 6661882'], ['(0393)6661882'], ['03936661882'], ['0393—666188'], ['138—1234—5678'],
    ['2019—10—01'], ['办公时间9:00—12:00'], [''],
  ])('leaves %s alone', (v) => {
    expect(fixPhoneSeparators(v)).toBeUndefined();
  });
});

describe('afternoon-time', () => {
  it.each([
    ['星期一至星期五：上午9:00-12:00，下午2:00-5:00', '星期一至星期五：上午9:00-12:00，下午14:00-17:00'],
    ['周一至周五 上午9:00-12:00 下午2:30-5:30', '周一至周五 上午9:00-12:00 下午14:30-17:30'],
    ['工作日下午5:00前停止受理', '工作日下午17:00前停止受理'],
    ['工作日：上午8:30-12:00，下午1:00-17:00', '工作日：上午8:30-12:00，下午13:00-17:00'],
    ['每天晚上7:00-9:00', '每天晚上19:00-21:00'],
  ])('%s → %s', (before, after) => {
    expect(fixAfternoonTimes(before)).toBe(after);
    expect(analyzeHours(after).twelveHour).toEqual([]);
  });
  it.each([
    ['星期一至星期五：上午9:00-12:00，下午13:00-17:00'],
    ['工作日 9:00-5:00'], // no period word: reported by the audit, not rewritten
    ['中午12:00-14:00'],
    ['下午２：００－５：００'], // the written form differs from the normalised one: not certain
    ['法定工作日'],
  ])('leaves %s alone', (v) => {
    expect(fixAfternoonTimes(v)).toBeUndefined();
  });
});

describe('duration-unit', () => {
  it.each([
    ['20', '自受理之日起20个工作日内作出决定', '20个工作日'],
    ['20', '20个工作日', '20个工作日'],
    [' 30 ', '受理后30个自然日内办结；经批准可延长10个工作日', '30个自然日'],
    ['２０', '20个工作日', '20个工作日'],
    ['20', '二十个工作日', '20个工作日'],
  ])('%s with %s → %s', (v, e, after) => {
    expect(fixDurationUnit(v, e)).toBe(after);
  });
  it.each([
    ['20', undefined],
    ['20', ''],
    ['20', '20日'],
    ['20', '20天'],
    ['20', '15个工作日'],
    ['20', '20个工作日或20个自然日'],
    ['20', '15-20个工作日'],
    ['0', '0个工作日'],
    ['20个工作日', '20个工作日'],
    ['20日', '20个工作日'],
  ])('leaves %s (说明 %s) alone', (v, e) => {
    expect(fixDurationUnit(v, e)).toBeUndefined();
  });
  it('never when the export has a unit column', () => {
    expect(fixValue('limit', '20', { explanation: '20个工作日', hasUnitField: true })).toBeUndefined();
    expect(fixValue('limit', '20', { explanation: '20个工作日' })).toEqual({ after: '20个工作日', fixes: ['duration-unit'] });
  });
});

describe('fullwidth-digits', () => {
  it('times and codes', () => {
    expect(fixFullwidthDigits('上午９:００-１２:００')).toBe('上午9:00-12:00');
    expect(fixFullwidthDigits('上午9:00-12:00')).toBeUndefined();
    expect(fixFullwidthCode('１１４１０９００ＭＢ００００００Ｅ')).toBe('11410900MB000000E');
    expect(fixFullwidthCode('000101001000')).toBeUndefined();
  });
  it('hours: digits first, then the afternoon fix, both listed', () => {
    expect(fixValue('hours', '周一至周五 下午２:００-５:００')).toEqual({ after: '周一至周五 下午14:00-17:00', fixes: ['fullwidth-digits', 'afternoon-time'] });
    expect(fixValue('phone', '０３９３－６６６１８８２')).toEqual({ after: '０３９３-６６６１８８２', fixes: ['phone-separator'] });
  });
});
