import { z } from 'zod';
import { defineRule, type RuleFinding } from '../src/rule.js';
import { isEmpty, normalize } from '../src/normalize.js';
import { analyzeLimit } from '../src/parsers/time-limit.js';

const Options = z.object({ naturalPerWork: z.number().positive() }).partial().strict();
type Options = { naturalPerWork: number };

/** 即办件 / 承诺件 from the label after the code table (a few common spellings accepted). */
export function caseKind(label: string | undefined): '即办件' | '承诺件' | undefined {
  const t = normalize(label);
  if (/^即办(件)?$/.test(t)) return '即办件';
  if (/^承诺(件|办结件)?$/.test(t)) return '承诺件';
  return undefined;
}

export default defineRule<Options>({
  meta: {
    id: 'case-type',
    indicator: '办件类型',
    section: 'A',
    description: '办件类型须明确为即办件或承诺件，并与承诺办结时限一致',
    severity: 'error',
    options: Options,
    defaultOptions: { naturalPerWork: 7 / 5 },
    messages: {
      missing: '未标注办件类型',
      invalid: '办件类型“{{value}}”不是即办件或承诺件',
      instantWithLongPromise: '办件类型为即办件，但承诺办结时限为“{{promised}}”，超过1天',
      promiseWithZero: '办件类型为承诺件，但承诺办结时限为“{{promised}}”（当场办结）',
    },
    suggestions: {
      missing: '按实际办理方式填写“即办件”或“承诺件”',
      invalid: '改为“即办件”（当场办结）或“承诺件”（承诺期限内办结）',
      instantWithLongPromise: '当场办结的改承诺办结时限为“即办”；否则将办件类型改为“承诺件”',
      promiseWithZero: '当场办结的事项将办件类型改为“即办件”；否则填写实际承诺期限',
    },
    examples: {
      pass: [
        { title: '承诺件，承诺5个工作日', guide: { 办件类型: '承诺件', 承诺办结时限: '5个工作日' } },
        { title: '即办件，当场办结', guide: { 办件类型: '即办件', 承诺办结时限: '即办' } },
        { title: '代码 1 按默认代码表为即办件', guide: { 办件类型: '1', 承诺办结时限: '1个工作日' } },
      ],
      fail: [
        { title: '未填写', guide: { 办件类型: '' } },
        { title: '“其他”不是即办件或承诺件', guide: { 办件类型: '其他' } },
        { title: '即办件却承诺5个工作日', guide: { 办件类型: '即办件', 承诺办结时限: '5个工作日' } },
        { title: '承诺件却当场办结', guide: { 办件类型: '承诺件', 承诺办结时限: '即办' } },
      ],
    },
    scored: true,
  },
  check(g, o) {
    const out: RuleFinding[] = [];
    const field = '办件类型';
    if (isEmpty(g.caseType)) return [{ messageId: 'missing', field }];
    const kind = caseKind(g.caseType);
    if (!kind) return [{ messageId: 'invalid', field, value: g.caseType, data: { value: g.caseType! } }];
    const p = analyzeLimit(g.promisedLimit, o.naturalPerWork);
    if (p.kind === 'ok') {
      if (kind === '即办件' && p.value > 1) out.push({ messageId: 'instantWithLongPromise', field, value: g.caseType, data: { promised: p.raw } });
      if (kind === '承诺件' && p.value === 0) out.push({ messageId: 'promiseWithZero', field, value: g.caseType, data: { promised: p.raw } });
    }
    return out;
  },
});
