import rule from './national-catalog.js';
import { testRule } from '../test/rule-tester.js';

const catalog = new Map([
  ['000101001000', '建筑工程施工许可'],
  ['000172004000', '教师资格认定'],
]);
const ctx = { catalog };
const CODE = '11410900MB0000000E3000101001000';

testRule(rule, {
  valid: [
    { guide: { 事项名称: '建筑工程施工许可', 实施编码: CODE }, ctx },
    { guide: { 事项名称: '建筑工程施工许可（县级）', 基本编码: '000101001000' }, ctx, name: '层级后缀不算不同' },
    { guide: { 事项名称: '教师资格认定(高级中学)', 基本编码: '000172004000' }, ctx, name: '末尾括号限定语不算不同' },
  ],
  notApplicable: [
    { guide: { 事项名称: '建筑工程施工许可', 实施编码: CODE }, name: '没有提供国家基本目录' },
    { guide: { 事项名称: '本地特色事项', 基本编码: '410900123000' }, ctx, name: '地方编码不检查' },
    { guide: { 事项名称: '没有编码' }, ctx },
  ],
  invalid: [
    { guide: { 事项名称: '某某许可', 基本编码: '000199999000' }, ctx, errors: [{ messageId: 'notInCatalog', field: '基本编码', contains: ['000199999000'] }] },
    { guide: { 事项名称: '建筑施工许可', 实施编码: CODE }, ctx, errors: [{ messageId: 'nameDiffers', field: '事项名称', contains: ['建筑工程施工许可'] }] },
  ],
});
