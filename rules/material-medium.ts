import { defineRule, type RuleFinding } from '../src/rule.js';
import { normalize } from '../src/normalize.js';
import { countOf, hasMaterials, materialLabel, materialRef } from './lib/materials.js';

const MEDIUM_RE = /原件|复印件|电子|纸质|扫描件|影印件|复制件/;

export default defineRule<Record<string, never>>({
  meta: {
    id: 'material-medium',
    indicator: '介质要求',
    section: 'B',
    description: '每项申请材料须注明介质（原件、复印件、电子版，或纸质/电子），可由材料形式字段或原件、复印件份数表明',
    severity: 'error',
    defaultOptions: {},
    messages: {
      missing: '申请材料{{label}}未注明介质要求（原件、复印件或电子版）',
    },
    suggestions: {
      missing: '注明介质，如“原件”“复印件”“电子版”或“纸质/电子”',
    },
    examples: {
      pass: [
        { title: '材料形式', guide: { 申请材料: [{ 材料名称: '申请书', 材料形式: '纸质' }] } },
        { title: '原件份数表明介质', guide: { 申请材料: [{ 材料名称: '申请书', 原件份数: 1 }] } },
      ],
      fail: [{ title: '只有份数', guide: { 申请材料: [{ 材料名称: '申请书', 份数: 2 }] } }],
    },
    scored: true,
  },
  applies: hasMaterials,
  check(g) {
    const out: RuleFinding[] = [];
    for (const m of g.materials) {
      const formStated = MEDIUM_RE.test(normalize(m.form));
      // Original/copy counts imply the medium only when one of them is at least 1.
      const implied = (countOf(m.original) ?? 0) >= 1 || (countOf(m.copy) ?? 0) >= 1;
      const inRemark = /原件|复印件|电子版/.test(normalize(m.remark));
      if (!formStated && !implied && !inRemark) out.push({ messageId: 'missing', field: '介质要求', ...materialRef(m), data: { label: materialLabel(m) } });
    }
    return out;
  },
});
