import { z } from 'zod';
import { defineRule, type RuleFinding } from '../src/rule.js';
import { isEmpty, normalize } from '../src/normalize.js';
import { hasMaterials, materialRef } from './lib/materials.js';

const Options = z.object({ catchAllWords: z.array(z.string().min(1)), requireMaterials: z.boolean() }).partial().strict();
type Options = { catchAllWords: string[]; requireMaterials: boolean };

export default defineRule<Options>({
  meta: {
    id: 'material-name',
    indicator: '材料名称',
    section: 'B',
    description: '每项申请材料须有明确的名称，不得使用“其他材料”“相关材料”等兜底性、有歧义的用词',
    severity: 'error',
    options: Options,
    // [decision] the catch-all list is configurable.
    // [decision] a guide whose export carries a material list, but lists nothing for it, fails (nothing
    // names what to submit). Exports without any material data leave section B not applicable.
    defaultOptions: {
      requireMaterials: true,
      catchAllWords: ['其他材料', '其它材料', '相关材料', '有关材料', '其他相关', '其它相关', '相关证明', '有关证明', '其他证明', '其它证明', '其他有关', '等材料', '详见备注', '见备注', '规定的其他', '需要提交的其他'],
    },
    messages: {
      noMaterials: '未列出申请材料',
      empty: '第{{index}}项申请材料没有名称',
      catchAll: '材料名称“{{name}}”含有兜底性用词“{{word}}”',
    },
    suggestions: {
      noMaterials: '逐项列出申请材料的名称、来源、份数和介质要求；确实无需材料的写明“无需提交材料”',
      empty: '填写材料的具体名称',
      catchAll: '逐项列明具体材料名称（如“营业执照”“法定代表人身份证”），删除“{{word}}”一类表述',
    },
    examples: {
      pass: [{ title: '具体名称', guide: { 申请材料: [{ 材料名称: '营业执照' }, { 材料名称: '法定代表人身份证' }] } }],
      fail: [
        { title: '兜底用词', guide: { 申请材料: [{ 材料名称: '其他相关材料' }] } },
        { title: '没有名称', guide: { 申请材料: [{ 材料名称: '', 原件份数: 1 }] } },
        { title: '材料清单为空', guide: { 申请材料: [] } },
      ],
    },
    scored: true,
  },
  applies: (g, o) => hasMaterials(g) || (o.requireMaterials && g.materialsListed === true),
  check(g, o) {
    const out: RuleFinding[] = [];
    if (!hasMaterials(g)) return [{ messageId: 'noMaterials', field: '申请材料' }];
    for (const m of g.materials) {
      if (isEmpty(m.name)) {
        out.push({ messageId: 'empty', field: '材料名称', ...materialRef(m), data: { index: m.index } });
        continue;
      }
      const n = normalize(m.name);
      const word = o.catchAllWords.find((w) => n.includes(w));
      if (word) out.push({ messageId: 'catchAll', field: '材料名称', value: m.name, ...materialRef(m), data: { name: m.name!, word } });
    }
    return out;
  },
});
