import rule from './case-type.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { guide: { 办件类型: '承诺件', 承诺办结时限: '5个工作日' } },
    { guide: { 办件类型: '即办件', 承诺办结时限: '即办' } },
    { guide: { 办件类型: '即办件', 承诺办结时限: '1个工作日' }, name: '即办件承诺1个工作日不算超过1天' },
    { guide: { 办件类型: '即办件', 承诺办结时限: '1', 承诺办结时限单位: '2' }, name: '即办件承诺1个自然日' },
    { guide: { 办件类型: '即办件' }, name: '承诺时限缺失时只看办件类型本身' },
    { guide: { 办件类型: '1' }, name: '代码1=即办件' },
    { guide: { 办件类型: '2', 承诺办结时限: '10个工作日' }, name: '代码2=承诺件' },
    { guide: { 办件类型: '　承诺件 ' }, name: '全角空格' },
  ],
  invalid: [
    { guide: { 办件类型: '' }, errors: [{ messageId: 'missing', field: '办件类型' }] },
    { guide: {}, errors: ['missing'], name: '没有该字段' },
    { guide: { 办件类型: '/' }, errors: ['missing'], name: '占位符' },
    { guide: { 办件类型: '其他' }, errors: [{ messageId: 'invalid', contains: ['其他'] }] },
    { guide: { 办件类型: '9' }, errors: [{ messageId: 'invalid', contains: ['其他'] }], name: '代码9=其他' },
    { guide: { 办件类型: '上报件' }, errors: ['invalid'] },
    { guide: { 办件类型: '即办件', 承诺办结时限: '5个工作日' }, errors: [{ messageId: 'instantWithLongPromise', contains: ['5个工作日'] }] },
    { guide: { 办件类型: '即办件', 承诺办结时限: '2', 承诺办结时限单位: '1' }, errors: ['instantWithLongPromise'] },
    { guide: { 办件类型: '承诺件', 承诺办结时限: '即办' }, errors: ['promiseWithZero'] },
    { guide: { 办件类型: '承诺件', 承诺办结时限: '当场办结' }, errors: ['promiseWithZero'] },
    { guide: { 办件类型: '承诺件', 承诺办结时限: '0', 承诺办结时限单位: '1' }, errors: ['promiseWithZero'] },
  ],
});
