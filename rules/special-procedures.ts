import { defineRule, type RuleFinding } from '../src/rule.js';
import type { Guide } from '../src/model.js';
import { isEmpty, isNegative } from '../src/normalize.js';
import { specialCategories, type SpecialCategory } from '../src/parsers/steps.js';

/** All text of the process: structured steps' fields, or the free text. */
export function processText(g: Guide): string {
  const parts = g.steps.map((s) => [s.name, s.limit, s.person, s.standard, s.result, s.text].filter(Boolean).join(' '));
  if (g.processText) parts.push(g.processText);
  return parts.join('\n');
}

export default defineRule<Record<string, never>>({
  meta: {
    id: 'special-procedures',
    indicator: '中介机构或特殊环节',
    section: 'A',
    description: '须明确是否涉及中介服务或特殊环节（评审、评估、现场勘查、听证、检验检测等），并与办理流程一致',
    severity: 'error',
    defaultOptions: {},
    messages: {
      missing: '未说明是否涉及中介服务或特殊环节（特殊环节、特别程序、中介服务均未填写）',
      undeclared: '办理流程中有{{category}}环节（“{{mention}}”），但特殊环节{{state}}',
      notInProcess: '特殊环节声明了{{category}}，但办理流程中没有体现',
    },
    suggestions: {
      missing: '不涉及的填写“无”；涉及的写明环节名称、时限和说明（如“现场勘查，5个工作日”）',
      undeclared: '在特殊环节中写明{{category}}环节及其时限',
      notInProcess: '在办理流程的文字描述和流程图中体现{{category}}环节',
    },
    examples: {
      pass: [
        { title: '明确不涉及', guide: { 特殊环节: '无', 办理流程: '1.受理；2.审查；3.决定；4.送达' } },
        { title: '声明现场勘查，流程中有体现', guide: { 特殊环节: '现场勘查，5个工作日', 办理流程: '1.受理\n2.现场勘查\n3.审查\n4.决定\n5.送达' } },
      ],
      fail: [
        { title: '未填写', guide: { 特殊环节: '' } },
        { title: '流程有现场勘查，特殊环节写“无”', guide: { 特殊环节: '无', 办理流程: '1.受理\n2.现场勘查\n3.决定\n4.送达' } },
        { title: '声明专家评审，流程未体现', guide: { 特殊环节: '专家评审，10个工作日', 办理流程: '1.受理\n2.审查\n3.决定\n4.送达' } },
      ],
    },
    scored: true,
  },
  check(g) {
    const out: RuleFinding[] = [];
    const filled = g.special.filter((s) => !isEmpty(s.value));
    const entryTexts = g.specialEntries.map((e) => [e.name, e.description].filter(Boolean).join(' ')).filter((t) => !isEmpty(t));
    const empty = filled.length === 0 && entryTexts.length === 0;
    if (empty) out.push({ messageId: 'missing', field: '特殊环节' });
    const negative = !empty && entryTexts.length === 0 && filled.every((s) => isNegative(s.value));
    const process = processText(g);
    const inProcess = specialCategories(process);
    if (empty || negative) {
      for (const c of inProcess) {
        out.push({
          messageId: 'undeclared',
          field: '特殊环节',
          value: filled.map((s) => s.value).join('；') || undefined,
          data: { category: c, mention: mentionOf(process, c), state: empty ? '未填写' : '填写为“无”' },
        });
      }
      return out;
    }
    const declared = new Set<SpecialCategory>();
    for (const t of [...filled.filter((s) => !isNegative(s.value)).map((s) => s.value), ...entryTexts]) for (const c of specialCategories(t)) declared.add(c);
    for (const c of declared) {
      if (!inProcess.has(c)) out.push({ messageId: 'notInProcess', field: '特殊环节', value: [...filled.map((s) => s.value), ...entryTexts].join('；'), data: { category: c } });
    }
    return out;
  },
});

const CATEGORY_HINT: Record<SpecialCategory, RegExp> = {
  现场: /现场[^\s，。；,;]{0,4}|实地[^\s，。；,;]{0,4}/,
  评审: /[^\s，。；,;]{0,4}(评审|论证|评估)/,
  听证: /[^\s，。；,;]{0,2}听证/,
  检验检测: /[^\s，。；,;]{0,4}(检验|检测|鉴定)/,
};

function mentionOf(text: string, c: SpecialCategory): string {
  return CATEGORY_HINT[c].exec(text)?.[0] ?? c;
}
