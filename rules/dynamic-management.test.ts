import rule from './dynamic-management.js';
import { testRule } from '../test/rule-tester.js';
import { indexCancelled, type CancelledEntry } from '../src/cancelled.js';

const list = (entries: Omit<CancelledEntry, 'row'>[]) => ({ cancelled: indexCancelled('取消清单.xlsx', entries.map((e, i) => ({ ...e, row: i + 2 }))) });
const ctx = list([
  { baseCode: '000101099000', name: '某某资质认定', document: '国发〔2018〕28号', kind: 'cancelled', kindText: '取消' },
  { name: '户外广告设置审批', document: '国发〔2017〕46号', kind: 'cancelled' },
  { baseCode: '000172004000', name: '某某备案', document: '豫政〔2019〕3号', kind: 'delegated', kindText: '下放', target: '县级' },
  { baseCode: '000172005000', name: '某某登记', document: '豫政〔2019〕3号', kind: 'delegated', kindText: '下放' },
  { baseCode: '000172006000', name: '甲许可', document: '国发〔2020〕13号', kind: 'merged', kindText: '合并', target: '甲乙许可' },
  { baseCode: '000172007000', name: '丙核准', document: '国发〔2020〕13号', kind: 'adjusted', kindText: '改为备案管理' },
]);
const CODE = '11410900MB0000000E3000101099000'; // 基本编码 000101099000 inside the 实施编码

testRule(rule, {
  valid: [
    { guide: { 事项名称: '食品经营许可', 基本编码: '000101001000' }, ctx, name: '不在清单中' },
    { guide: { 事项名称: '户外广告设置审批', 基本编码: '000101055000' }, ctx: list([{ baseCode: '000101099000', name: '户外广告设置审批', document: '国发〔2017〕46号', kind: 'cancelled' }]), name: '同名但基本编码不同：另一个事项' },
    { guide: { 事项名称: '某某备案', 基本编码: '000172004000', 行使层级: '县级' }, ctx, name: '已下放至县级，县级发布的是承接后的指南' },
    { guide: { 事项名称: '某某备案', 基本编码: '000172004000', 行使层级: '镇(乡、街道)级' }, ctx, name: '下放后更低层级实施' },
  ],
  notApplicable: [{ guide: { 事项名称: '某某资质认定', 基本编码: '000101099000' }, name: '没有提供取消和调整事项清单' }],
  invalid: [
    { guide: { 事项名称: '某某资质认定（市级）', 基本编码: '000101099000' }, ctx, errors: [{ messageId: 'cancelled', field: '基本编码', contains: ['国发〔2018〕28号', '某某资质认定'] }] },
    { guide: { 事项名称: '名称已改', 实施编码: CODE }, ctx, name: '基本编码取自实施编码', errors: [{ messageId: 'cancelled', field: '基本编码', contains: ['国发〔2018〕28号'] }] },
    { guide: { 事项名称: '户外广告设置审批' }, ctx, name: '清单只有名称：按名称匹配', errors: [{ messageId: 'cancelled', field: '事项名称', contains: ['国发〔2017〕46号'] }] },
    { guide: { 事项名称: '某某备案', 基本编码: '000172004000', 行使层级: '市级' }, ctx, name: '下放至县级后市级仍在发布', errors: [{ messageId: 'delegated', contains: ['豫政〔2019〕3号', '至县级', '市级仍在发布'] }] },
    { guide: { 事项名称: '某某登记', 基本编码: '000172005000', 行使层级: '市级' }, ctx, name: '下放但未写明层级', errors: [{ messageId: 'delegated', contains: ['豫政〔2019〕3号'] }] },
    { guide: { 事项名称: '甲许可', 基本编码: '000172006000' }, ctx, errors: [{ messageId: 'merged', contains: ['国发〔2020〕13号', '至甲乙许可'] }] },
    { guide: { 事项名称: '丙核准', 基本编码: '000172007000' }, ctx, errors: [{ messageId: 'adjusted', contains: ['国发〔2020〕13号', '改为备案管理'] }] },
  ],
});
