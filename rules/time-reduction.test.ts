import rule from './time-reduction.js';
import { testRule } from '../test/rule-tester.js';

const permit = (promised: string, legal: string) => ({ 事项类型: '行政许可', 承诺办结时限: promised, 法定办结时限: legal });

testRule(rule, {
  valid: [
    { guide: permit('5个工作日', '20个工作日') },
    { guide: permit('10个工作日', '20个工作日'), name: '正好一半：通过' },
    { guide: permit('即办', '20个工作日') },
    { guide: permit('14个自然日', '20个工作日'), name: '14自然日 = 10工作日，正好一半' },
    { guide: permit('10个工作日', '30个自然日'), name: '10工作日 = 14自然日 ≤ 15' },
    { guide: permit('15个工作日', '20个工作日'), options: { maxShare: 0.8 }, name: '可配置比例' },
  ],
  notApplicable: [
    { guide: { 事项类型: '行政确认', 承诺办结时限: '15个工作日', 法定办结时限: '20个工作日' }, name: '非行政许可' },
    { guide: permit('15个工作日', ''), name: '没有法定时限' },
    { guide: permit('15天', '20个工作日'), name: '承诺时限单位不明，不可解析' },
  ],
  invalid: [
    { guide: permit('15个工作日', '20个工作日'), errors: [{ messageId: 'overHalf', field: '承诺办结时限', contains: ['15个工作日'], data: { half: '10个工作日' } }] },
    { guide: permit('11个工作日', '20个工作日'), errors: ['overHalf'] },
    { guide: permit('15个自然日', '20个工作日'), errors: ['overHalf'], name: '15自然日 > 14自然日' },
    { guide: { 事项类型: '01', 承诺办结时限: '20', 承诺办结时限单位: '1', 法定办结时限: '30', 法定办结时限单位: '1' }, errors: ['overHalf'], name: '代码形式' },
  ],
});
