import { defineRule, type RuleFinding } from '../src/rule.js';
import { isEmpty } from '../src/normalize.js';
import { analyzeLawEntry, analyzeLegalText, splitLegalBasis, type LegalEntryAnalysis } from '../src/parsers/legal-basis.js';

const PART_NAMES = { name: '法律法规或文件名称', article: '所引用的条款', content: '条款的具体内容' } as const;

export default defineRule<Record<string, never>>({
  meta: {
    id: 'legal-basis',
    indicator: '设定依据',
    section: 'A',
    description: '设定依据须逐条写明法律、法规或文件的名称，所引用的条款，以及条款的具体内容',
    severity: 'error',
    defaultOptions: {},
    messages: {
      missing: '未标注设定依据',
      noName: '设定依据第{{n}}条“{{entry}}”缺少{{missing}}',
      noArticle: '设定依据第{{n}}条“{{entry}}”缺少{{missing}}',
      noContent: '设定依据第{{n}}条“{{entry}}”缺少{{missing}}',
    },
    suggestions: {
      missing: '按“《法规名称》第X条：条款原文”的格式逐条填写',
      noName: '写明依据的法律法规或文件全称，放在《》中',
      noArticle: '写明所引用的条款（第X条第X款），并附条款原文',
      noContent: '在条款号后附上该条款的原文内容',
    },
    examples: {
      pass: [
        {
          title: '名称、条款、条款内容齐全',
          guide: { 设定依据: '《中华人民共和国城乡规划法》第四十条：在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，建设单位或者个人应当向城市、县人民政府城乡规划主管部门申请办理建设工程规划许可证。' },
        },
      ],
      fail: [
        { title: '未填写', guide: { 设定依据: '' } },
        { title: '只有名称', guide: { 设定依据: '根据《全民健身法》' } },
        { title: '有条款号无内容', guide: { 设定依据: '《中华人民共和国行政许可法》第十二条' } },
      ],
    },
    scored: true,
  },
  check(g) {
    const field = '设定依据';
    let entries: LegalEntryAnalysis[];
    if (g.legalBasis.length > 0) entries = g.legalBasis.map((e) => analyzeLawEntry(e));
    else if (!isEmpty(g.legalBasisText)) entries = splitLegalBasis(g.legalBasisText!).map((t) => analyzeLegalText(t));
    else return [{ messageId: 'missing', field }];
    if (entries.length === 0) return [{ messageId: 'missing', field, value: g.legalBasisText }];
    const out: RuleFinding[] = [];
    entries.forEach((e, i) => {
      if (e.missing.length === 0) return;
      const messageId = e.missing.includes('name') ? 'noName' : e.missing.includes('article') ? 'noArticle' : 'noContent';
      const entry = e.raw.length > 60 ? e.raw.slice(0, 60) + '…' : e.raw;
      out.push({ messageId, field, value: e.raw, data: { n: i + 1, entry, missing: e.missing.map((m) => PART_NAMES[m]).join('、') } });
    });
    return out;
  },
});
