import { defineRule, type RuleFinding } from '../src/rule.js';
import { isEmpty } from '../src/normalize.js';
import { analyzeHours } from '../src/parsers/hours.js';

export default defineRule<Record<string, never>>({
  meta: {
    id: 'handling-hours',
    indicator: '办理时间',
    section: 'A',
    description: '办理时间须写明每周的办理周期和24小时制的具体时段，如“星期一至星期五：上午9:00-12:00，下午13:00-17:00”',
    severity: 'error',
    defaultOptions: {},
    messages: {
      missing: '未标注办理时间',
      noWeekCycle: '办理时间“{{value}}”未写明每周的办理周期（如星期一至星期五）',
      noClockRange: '办理时间“{{value}}”未写明具体时段（如9:00-12:00）',
      twelveHour: '办理时间中的“{{raw}}”未使用24小时制',
    },
    suggestions: {
      missing: '按“星期一至星期五：上午9:00-12:00，下午13:00-17:00（法定节假日除外）”的格式填写',
      noWeekCycle: '在时段前写明办理周期，如“星期一至星期五：{{value}}”',
      noClockRange: '写明上午、下午的具体时段，如“星期一至星期五：上午9:00-12:00，下午13:00-17:00”',
      twelveHour: '建议改为：{{suggestion}}',
    },
    examples: {
      pass: [
        { title: '周期和24小时制时段', guide: { 办理时间: '星期一至星期五：上午9:00-12:00，下午13:00-17:00（法定节假日除外）' } },
        { title: '冬夏季作息', guide: { 办理时间: '工作日：夏季（5月1日至9月30日）8:30-12:00，15:00-18:00；冬季8:30-12:00，14:30-17:30' } },
      ],
      fail: [
        { title: '未填写', guide: { 办理时间: '' } },
        { title: '没有周期', guide: { 办理时间: '上午9:00-12:00，下午13:00-17:00' } },
        { title: '没有时段', guide: { 办理时间: '法定工作日' } },
        { title: '下午用12小时制', guide: { 办理时间: '周一至周五 上午9:00-12:00，下午2:00-5:00' } },
      ],
    },
    scored: true,
  },
  check(g) {
    const field = '办理时间';
    const texts = [g.hours, ...g.windows.map((w) => w.hours)].filter((t): t is string => !isEmpty(t));
    if (texts.length === 0) return [{ messageId: 'missing', field }];
    const out: RuleFinding[] = [];
    for (const value of [...new Set(texts)]) {
      const a = analyzeHours(value);
      if (!a.weekCycle) out.push({ messageId: 'noWeekCycle', field, value, data: { value } });
      if (a.ranges.length === 0) out.push({ messageId: 'noClockRange', field, value, data: { value } });
      for (const t of a.twelveHour) out.push({ messageId: 'twelveHour', field, value, data: { raw: t.raw, suggestion: t.suggestion } });
    }
    return out;
  },
});
