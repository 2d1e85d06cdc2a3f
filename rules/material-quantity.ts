import { defineRule, type RuleFinding } from '../src/rule.js';
import { normalize } from '../src/normalize.js';
import { countOf, electronicOnly, hasMaterials, materialLabel, materialRef } from './lib/materials.js';

/** Copies stated in free text such as 原件1份 / 复印件2份 / 一式三份. */
function textCount(text: string | undefined): number | undefined {
  const t = normalize(text);
  const m = /(原件|复印件|一式|纸质)\s*([0-9]+|[一二两三四五六七八九十])\s*份/.exec(t);
  return m ? countOf(m[2]) : undefined;
}

export default defineRule<Record<string, never>>({
  meta: {
    id: 'material-quantity',
    indicator: '数量要求',
    section: 'B',
    description: '每项纸质申请材料须注明份数（原件份数 + 复印件份数 ≥ 1，或份数 ≥ 1）；仅需电子版的除外',
    severity: 'error',
    defaultOptions: {},
    messages: {
      missing: '申请材料{{label}}未注明份数',
      zero: '申请材料{{label}}的份数为0',
    },
    suggestions: {
      missing: '注明原件份数和复印件份数，如“原件1份、复印件1份”',
      zero: '按实际需要填写份数（至少1份）；只需电子版的，材料形式填写“电子”',
    },
    examples: {
      pass: [
        { title: '原件1份', guide: { 申请材料: [{ 材料名称: '申请书', 原件份数: 1, 复印件份数: 0 }] } },
        { title: '仅电子版', guide: { 申请材料: [{ 材料名称: '电子证照', 材料形式: '电子' }] } },
      ],
      fail: [
        { title: '未注明', guide: { 申请材料: [{ 材料名称: '申请书' }] } },
        { title: '都是0', guide: { 申请材料: [{ 材料名称: '申请书', 原件份数: 0, 复印件份数: 0 }] } },
      ],
    },
    scored: true,
  },
  applies: hasMaterials,
  check(g) {
    const out: RuleFinding[] = [];
    for (const m of g.materials) {
      if (electronicOnly(m)) continue;
      const o = countOf(m.original);
      const c = countOf(m.copy);
      const n = countOf(m.count);
      const t = textCount(m.remark) ?? textCount(m.form) ?? textCount(m.count);
      const stated = [o, c, n, t].filter((x): x is number => x !== undefined);
      if (stated.length === 0) out.push({ messageId: 'missing', field: '数量要求', ...materialRef(m), data: { label: materialLabel(m) } });
      else if ((o ?? 0) + (c ?? 0) < 1 && (n ?? 0) < 1 && (t ?? 0) < 1) {
        out.push({ messageId: 'zero', field: '数量要求', value: `原件${m.original ?? '-'}份，复印件${m.copy ?? '-'}份`, ...materialRef(m), data: { label: materialLabel(m) } });
      }
    }
    return out;
  },
});
