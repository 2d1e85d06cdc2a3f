import rule from './onsite-visits.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { guide: { 到办事现场次数: '1' } },
    { guide: { 到办事现场次数: '0次' } },
    { guide: { 到办事现场次数: '零次' } },
    { guide: { 到办事现场次数: '两次' } },
    { guide: { 到办事现场次数: '不用跑', 网办深度: 'IV级' } },
    { guide: { 到办事现场次数: '最多跑一次', 网办深度: 'III级' } },
    { guide: { 到办事现场次数: '2', 网办深度: 'Ⅱ级' } },
    { guide: { 到办事现场次数: '3', 网办深度: '1,2,3' }, name: '厂商多选代码不做深度检查' },
    { guide: { 到办事现场次数: '1', 网办深度: 'I级' } },
  ],
  invalid: [
    { guide: { 到办事现场次数: '' }, errors: [{ messageId: 'missing' }] },
    { guide: { 到办事现场次数: '根据情况确定' }, errors: [{ messageId: 'notNumber' }] },
    { guide: { 到办事现场次数: '1', 网办深度: '全程网办' }, errors: [{ messageId: 'depthMismatch', data: { max: 0, visits: 1 } }] },
    { guide: { 到办事现场次数: '2', 网办深度: 'III级' }, errors: ['depthMismatch'] },
    { guide: { 到办事现场次数: '三次', 网办深度: '二级' }, errors: ['depthMismatch'] },
    { guide: { 到办事现场次数: '1', 网办深度: 'Ⅳ级' }, errors: ['depthMismatch'] },
  ],
});
