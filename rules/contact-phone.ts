import { z } from 'zod';
import { defineRule, type RuleFinding } from '../src/rule.js';
import { isEmpty } from '../src/normalize.js';
import { DEFAULT_SHORT_NUMBERS, extractPhones } from '../src/parsers/phone.js';

const Options = z.object({ shortNumbers: z.array(z.string().regex(/^\d{3,6}$/)) }).partial().strict();
type Options = { shortNumbers: readonly string[] };

export default defineRule<Options>({
  meta: {
    id: 'contact-phone',
    indicator: '联系电话',
    section: 'A',
    description: '须标注受理部门的咨询电话，固定电话写作“区号-号码”（半角连字符），手机号11位',
    severity: 'error',
    options: Options,
    defaultOptions: { shortNumbers: DEFAULT_SHORT_NUMBERS },
    messages: {
      missing: '未标注咨询电话（监督投诉电话不能代替）',
      noNumber: '{{field}}“{{value}}”中没有电话号码',
      noAreaCode: '{{field}}中的“{{raw}}”缺少区号',
      badSeparator: '{{field}}中的“{{raw}}”区号与号码之间应使用半角连字符“-”',
      badLength: '{{field}}中的“{{raw}}”位数不对',
    },
    suggestions: {
      missing: '填写受理部门的咨询电话，如“0393-6661882”',
      noNumber: '填写具体电话号码，如“0393-6661882”',
      noAreaCode: '{{fixHint}}',
      badSeparator: '建议改为：{{fixed}}',
      badLength: '核对号码：固定电话为“区号-7或8位号码”，手机号为11位',
    },
    examples: {
      pass: [
        { title: '区号-号码', guide: { 咨询电话: '0393-6661882' } },
        { title: '手机号和12345', guide: { 咨询电话: '13812345678；0393-12345' } },
      ],
      fail: [
        { title: '未填写，只有投诉电话', guide: { 咨询电话: '', 监督投诉电话: '0393-12345' } },
        { title: '缺区号', guide: { 咨询电话: '6428820' } },
        { title: '全角或长横线分隔', guide: { 咨询电话: '0777—6428820' } },
        { title: '位数不对', guide: { 咨询电话: '0393-666188' } },
      ],
    },
    scored: true,
  },
  check(g, o) {
    const consult = [
      ...g.consultPhones.map((p) => ({ field: p.field, value: p.value })),
      ...g.windows.filter((w) => !isEmpty(w.phone)).map((w) => ({ field: '窗口电话', value: w.phone! })),
    ].filter((p) => !isEmpty(p.value));
    const out: RuleFinding[] = [];
    if (consult.length === 0) out.push({ messageId: 'missing', field: '咨询电话' });
    const fields = [...consult];
    if (!isEmpty(g.complaintPhone)) fields.push({ field: '监督投诉电话', value: g.complaintPhone! });
    const seen = new Set<string>();
    let anyConsultNumber = false;
    for (const { field, value } of fields) {
      const tokens = extractPhones(value, { shortNumbers: o.shortNumbers });
      if (tokens.length === 0) {
        // A consulting field with only words (窗口咨询) gives no number to call.
        if (field !== '监督投诉电话' && !seen.has('none:' + value)) {
          seen.add('none:' + value);
          out.push({ messageId: 'noNumber', field, value, data: { field, value } });
        }
        continue;
      }
      if (field !== '监督投诉电话' && tokens.some((t) => !t.fax)) anyConsultNumber = true;
      for (const t of tokens) {
        if (!t.problem) continue;
        const k = `${field}|${t.raw}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const fixHint = t.suggestion ? `建议改为：${t.suggestion}` : '加上区号，写作“区号-号码”';
        out.push({ messageId: t.problem, field, value, data: { field, raw: t.raw, fixed: t.suggestion ?? t.raw, fixHint } });
      }
    }
    // noNumber on a second consulting field is noise when another field gives a number.
    return anyConsultNumber ? out.filter((f) => f.messageId !== 'noNumber') : out;
  },
});
