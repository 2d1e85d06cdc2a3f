import { defineRule } from '../src/rule.js';
import { isEmpty, isNegative, normalize } from '../src/normalize.js';
import type { Guide } from '../src/model.js';

/** The guide says it supports 容缺受理: its own field says yes, or its conditions mention it (not denied). */
export function declaresRongque(g: Guide): boolean {
  const field = normalize(g.rongque);
  if (!isEmpty(field)) {
    if (isNegative(field) || /^(否|不支持|不适用|不实行|不可|不能|0|N|no|false)/i.test(field) || /不(支持|实行|适用|可|能)容缺/.test(field)) return false;
    return true;
  }
  const text = normalize([g.acceptConditions, g.raw['备注'], g.raw['办理须知']].filter(Boolean).join(' '));
  return /容缺受理|容缺办理|容缺后补/.test(text) && !/(不|无法|不能|不予|不实行|不支持|不适用)[^。；;]{0,6}容缺/.test(text);
}

/** A material marked 容缺: necessity 容缺后补, or a 容缺 note on the material. */
const markedRongque = (g: Guide) =>
  g.materials.some((m) => /容缺/.test(normalize(m.necessity)) || /容缺/.test(normalize(m.remark)) || Object.entries(m.raw).some(([k, v]) => /容缺/.test(k) && /^(是|1|Y|y|true|容缺)/.test(v.trim())));

export default defineRule<Record<string, never>>({
  meta: {
    id: 'rongque-marking',
    indicator: '容缺受理标注',
    section: 'I',
    description: '声明支持容缺受理的事项，须在申请材料中标明哪些材料可以容缺后补（任务清单二）',
    severity: 'warning',
    defaultOptions: {},
    messages: { noMaterialMarked: '事项声明支持容缺受理，但没有一项申请材料标注为“容缺后补”' },
    suggestions: { noMaterialMarked: '在申请材料的“必要性”中把可以容缺的材料标为“容缺后补”，并写明后补期限' },
    examples: {
      pass: [{ title: '容缺材料已标注', guide: { 是否容缺受理: '是', 申请材料: [{ 材料名称: '营业执照', 必要性: '容缺后补' }] } }],
      fail: [{ title: '声明容缺受理但没有标注材料', guide: { 是否容缺受理: '是', 申请材料: [{ 材料名称: '营业执照', 必要性: '必要' }] } }],
    },
    scored: false,
  },
  applies: (g) => declaresRongque(g),
  check: (g) => (markedRongque(g) ? [] : [{ messageId: 'noMaterialMarked', field: '容缺受理', ...(g.rongque ? { value: g.rongque } : {}) }]),
});
