import { defineRule, type RuleFinding } from '../src/rule.js';
import { isEmpty } from '../src/normalize.js';
import { parseDepth, parseVisits, type Depth } from '../src/parsers/visits.js';

const MAX_VISITS: Partial<Record<Depth, number>> = { IV: 0, III: 1, II: 2 };
const DEPTH_NAME: Record<Depth, string> = { I: 'I级（信息发布）', II: 'II级（材料预审）', III: 'III级（材料核验）', IV: 'IV级（全程网办）' };

export default defineRule<Record<string, never>>({
  meta: {
    id: 'onsite-visits',
    indicator: '到办事现场次数',
    section: 'C',
    description: '须标注申请人到办事现场的次数（非负整数），并与网上办理深度相符（IV级0次、III级不超过1次、II级不超过2次）',
    severity: 'error',
    defaultOptions: {},
    messages: {
      missing: '未标注到办事现场次数',
      notNumber: '到办事现场次数“{{value}}”不是明确的次数',
      depthMismatch: '网上办理深度为{{depth}}，到办事现场次数应不超过{{max}}次，实际标注为{{visits}}次',
    },
    suggestions: {
      missing: '填写到办事现场的次数，如“0次”“1次”',
      notNumber: '改为明确的次数，如“1次”；全程网办的填写“0次”',
      depthMismatch: '核实网上办理深度和到现场次数，使二者一致（如全程网办填写“0次”）',
    },
    examples: {
      pass: [
        { title: '1次', guide: { 到办事现场次数: '1' } },
        { title: '零跑腿', guide: { 到办事现场次数: '零跑腿', 网办深度: 'IV级' } },
      ],
      fail: [
        { title: '未填写', guide: { 到办事现场次数: '' } },
        { title: '不是次数', guide: { 到办事现场次数: '根据情况确定' } },
        { title: '全程网办却要跑1次', guide: { 到办事现场次数: '1', 网办深度: '全程网办' } },
      ],
    },
    scored: true,
  },
  check(g) {
    const field = '到办事现场次数';
    if (isEmpty(g.visits)) return [{ messageId: 'missing', field }];
    const n = parseVisits(g.visits);
    if (n === undefined) return [{ messageId: 'notNumber', field, value: g.visits, data: { value: g.visits! } }];
    const out: RuleFinding[] = [];
    const depth = parseDepth(g.onlineDepth);
    const max = depth ? MAX_VISITS[depth] : undefined;
    if (depth && max !== undefined && n > max) out.push({ messageId: 'depthMismatch', field, value: g.visits, data: { depth: DEPTH_NAME[depth], max, visits: n } });
    return out;
  },
});
