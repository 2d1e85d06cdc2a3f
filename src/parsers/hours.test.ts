import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeHours } from './hours.js';

const ranges = (s: string) => analyzeHours(s).ranges.map((r) => `${r.start.h}:${String(r.start.m).padStart(2, '0')}-${r.end.h}:${String(r.end.m).padStart(2, '0')}`);

describe('analyzeHours: weekly cycle', () => {
  it.each([
    ['星期一至星期五：上午 09:00-12:00,下午 13:00-17:00', '星期一至星期五'],
    ['周一至周五 9:00-17:00', '周一至周五'],
    ['周一到周五9:00-17:00', '周一到周五'],
    ['每周一至周五9:00-17:00', '每周一至周五'],
    ['周一至周六 9:00-17:00', '周一至周六'],
    ['星期一至星期日 9:00-17:00', '星期一至星期日'],
    ['周一—周五 9:00-17:00', '周一—周五'],
    ['星期一～星期五 9:00-17:00', '星期一~星期五'],
    ['周一至五 9:00-17:00', '周一至五'],
    ['礼拜一至礼拜五 9:00-17:00', '礼拜一至礼拜五'],
    ['周1-周5 9:00-17:00', '周1-周5'],
    ['每周一、三、五上午9:00-11:30', '每周一、三、五'],
    ['周一、周三、周五 9:00-11:30', '周一、周三、周五'],
    ['工作日9:00-17:00', '工作日'],
    ['法定工作日 9:00-17:00', '法定工作日'],
    ['国家法定工作日 9:00-17:00', '国家法定工作日'],
    ['每个工作日 9:00-17:00', '工作日'],
    ['每天8:00-20:00', '每天'],
    ['全年无休 8:00-20:00', '全年无休'],
    ['节假日无休，8:30-17:30', '节假日无休'],
    ['7×24小时', '7×24'],
    ['每周六上午9:00-12:00', '每周六'],
    // A day range wins over 工作日 mentioned earlier.
    ['工作日（周一至周五）9:00-17:00', '周一至周五'],
  ])('%s → %s', (s, cycle) => {
    expect(analyzeHours(s).weekCycle).toBe(cycle);
  });

  it.each([
    '上午9:00-12:00，下午13:00-17:00', '9:00-17:00', '全天24小时', '24小时自助服务', '5个工作日内办结', '二十个工作日',
    '非工作日不受理', '每周一次', '一周内', '', '按规定时间办理',
  ])('%s → no cycle', (s) => {
    expect(analyzeHours(s).weekCycle).toBeUndefined();
  });
});

describe('analyzeHours: clock ranges', () => {
  it.each([
    ['上午9:00-12:00，下午13:00-17:00', ['9:00-12:00', '13:00-17:00']],
    ['09:00-17:30', ['9:00-17:30']],
    ['9:00—12:00', ['9:00-12:00']],
    ['9:00–12:00', ['9:00-12:00']],
    ['9:00~12:00', ['9:00-12:00']],
    ['9:00～12:00', ['9:00-12:00']],
    ['9:00至12:00', ['9:00-12:00']],
    ['9:00到12:00', ['9:00-12:00']],
    ['9:00——12:00', ['9:00-12:00']],
    ['９：００－１２：００', ['9:00-12:00']],
    ['9：00 - 12：00', ['9:00-12:00']],
    ['上午:9:00-12:00', ['9:00-12:00']],
    ['8:30-12:00 14:30-18:00', ['8:30-12:00', '14:30-18:00']],
    ['09:00:00-12:00:00', ['9:00-12:00']],
    ['0:00-24:00', ['0:00-24:00']],
    ['上午9:00至下午17:00', ['9:00-17:00']],
  ])('%s', (s, exp) => {
    expect(ranges(s)).toEqual(exp);
  });

  it.each([
    '9点-12点', '9时至12时', '8.30-12.00', '5.1-9.30', '5月1日至9月30日', '2019-09-06', '25:00-26:00', '9:60-10:00',
    '0393-6661882', '9:00', '12:00-',
  ])('%s → no range', (s) => {
    expect(analyzeHours(s).ranges).toEqual([]);
  });

  it('periods attach to the range of their clause', () => {
    const a = analyzeHours('星期一至星期五：上午9:00-12:00，下午13:00-17:00；周六9:00-12:00');
    expect(a.ranges.map((r) => r.period)).toEqual(['上午', '下午', undefined]);
    expect(a.ranges[0]!.raw).toBe('9:00-12:00');
    expect(analyzeHours('上午9:00-12:00，下午休息，周六9:00-11:00').ranges.map((r) => r.period)).toEqual(['上午', undefined]);
  });

  it('seasonal schedules and holiday notes do not confuse it', () => {
    const s = '周一至周五：夏季（5月1日至9月30日）上午8:30-12:00，下午15:00-18:00；冬季（10月1日至次年4月30日）上午8:30-12:00，下午14:30-17:30（法定节假日除外）';
    const a = analyzeHours(s);
    expect(a.weekCycle).toBe('周一至周五');
    expect(ranges(s)).toEqual(['8:30-12:00', '15:00-18:00', '8:30-12:00', '14:30-17:30']);
    expect(a.twelveHour).toEqual([]);
  });
});

describe('analyzeHours: 12-hour afternoon times', () => {
  it.each([
    ['下午2:00-5:00', '下午2:00-5:00', '下午14:00-17:00'],
    ['周一至周五 上午9:00-12:00，下午2:00-5:00', '下午2:00-5:00', '下午14:00-17:00'],
    ['下午1:30-5:00', '下午1:30-5:00', '下午13:30-17:00'],
    ['下午12:30-5:00', '下午12:30-5:00', '下午12:30-17:00'],
    ['晚上7:00-9:00', '晚上7:00-9:00', '晚上19:00-21:00'],
    ['傍晚5:00-6:30', '傍晚5:00-6:30', '傍晚17:00-18:30'],
    ['下午：2:30—5:30', '下午:2:30—5:30', '下午:14:30—17:30'],
    ['上午8:30-12:00下午2:30-5:30', '下午2:30-5:30', '下午14:30-17:30'],
    ['上午9:00至下午5:00', '上午9:00至下午5:00', '上午9:00至下午17:00'],
    ['下午5:00前停止取号', '下午5:00', '下午17:00'],
    // No period word, but unmistakable.
    ['9:00-5:00', '9:00-5:00', '9:00-17:00'],
    ['12:00-2:00', '12:00-2:00', '12:00-14:00'],
    ['8:30-12:00，2:30-6:00', '2:30-6:00', '14:30-18:00'],
  ])('%s', (s, raw, suggestion) => {
    expect(analyzeHours(s).twelveHour).toEqual([{ raw, suggestion }]);
  });

  it.each([
    '下午13:00-17:00', '中午12:00-14:00', '上午9:00-12:00', '8:30-12:00 14:30-18:00', '22:00-6:00', '上午8:00-11:30',
    '夜间0:00-6:00', '9:00-12:00，13:00-17:00', '下午12:00-13:30', '凌晨1:00-5:00', '2:30-6:00', '上午7:30-11:30',
    '下午休息；周六9:00-11:00',
  ])('%s → fine', (s) => {
    expect(analyzeHours(s).twelveHour).toEqual([]);
  });

  it('reports every offending range in text order', () => {
    const a = analyzeHours('夏季：上午8:00-12:00，下午3:00-6:00；冬季：上午8:30-12:00，下午2:30-5:30');
    expect(a.twelveHour.map((t) => t.suggestion)).toEqual(['下午15:00-18:00', '下午14:30-17:30']);
  });
});

describe('analyzeHours: properties', () => {
  const piece = fc.oneof(
    fc.integer({ min: 0, max: 30 }).map(String),
    fc.constantFrom(':', '：', '00', '30', '-', '—', '~', '至', '到', '上午', '下午', '晚上', '中午', '，', '；', ' ', '\n',
      '周一', '至', '周五', '星期', '工作日', '个', '5', '月', '日', '.', '每'),
  );
  const hoursish = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));

  it('never throws; hours within 0–24 and minutes within 0–59; raw strings are in the normalised text', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 60 }), hoursish), (s) => {
      const a = analyzeHours(s);
      for (const r of a.ranges) {
        for (const c of [r.start, r.end]) if (c.h < 0 || c.h > 24 || c.m < 0 || c.m > 59) return false;
      }
      return a.twelveHour.every((t) => t.raw.length > 0 && t.suggestion.length >= t.raw.length);
    }), { numRuns: 4000 });
  });

  it('a suggestion has no 12-hour time left', () => {
    fc.assert(fc.property(hoursish, (s) => {
      for (const t of analyzeHours(s).twelveHour) {
        if (analyzeHours(t.suggestion).twelveHour.length !== 0) return false;
      }
      return true;
    }), { numRuns: 4000 });
  });

  it('runs in linear time on adversarial 2 MB input', () => {
    const t0 = Date.now();
    analyzeHours('9:00-'.repeat(400_000));
    analyzeHours('下午'.repeat(1_000_000));
    analyzeHours('周一、'.repeat(600_000));
    analyzeHours('1:1'.repeat(700_000));
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});
