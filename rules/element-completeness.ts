import { z } from 'zod';
import { defineRule } from '../src/rule.js';
import type { Guide } from '../src/model.js';
import { isEmpty } from '../src/normalize.js';
import { ELEMENTS, filledElements } from '../src/elements.js';

const CORE: Record<string, (g: Guide) => string | undefined> = {
  事项名称: (g) => g.name,
  事项类型: (g) => g.itemType,
  实施主体: (g) => g.department,
  受理条件: (g) => g.acceptConditions,
  办理结果: (g) => g.result,
  是否收费: (g) => g.isFee,
  监督投诉电话: (g) => g.complaintPhone,
  办件类型: (g) => g.caseType,
  设定依据: (g) => g.legalBasisText ?? (g.legalBasis.length ? 'x' : undefined),
  办理地点: (g) => g.address ?? g.windows.find((w) => w.address)?.address,
  办理时间: (g) => g.hours ?? g.windows.find((w) => w.hours)?.hours,
  咨询电话: (g) => g.consultPhones[0]?.value,
  到办事现场次数: (g) => g.visits,
  网办深度: (g) => g.onlineDepth,
};
const CORE_NAMES = Object.keys(CORE) as [string, ...string[]];

const Options = z.object({ core: z.array(z.enum(CORE_NAMES)).min(1) }).partial().strict();
type Options = { core: string[] };

export default defineRule<Options>({
  meta: {
    id: 'element-completeness',
    indicator: '办事指南要素完备程度',
    section: 'E',
    description: '核心要素须全部填写（默认：事项名称、事项类型、实施主体、受理条件、办理结果、是否收费、监督投诉电话）',
    severity: 'error',
    options: Options,
    // [decision] the core list is configurable; the other keys of CORE are available to add.
    defaultOptions: { core: ['事项名称', '事项类型', '实施主体', '受理条件', '办理结果', '是否收费', '监督投诉电话'] },
    messages: { missing: '核心要素未填写：{{missing}}（本事项共填写 {{filled}}/{{total}} 项要素）' },
    suggestions: { missing: '补全{{missing}}' },
    examples: {
      pass: [{ title: '核心要素齐全', guide: { 事项名称: '食品经营许可', 事项类型: '行政许可', 实施主体: '江州市市场监督管理局', 受理条件: '申请人具有与经营的食品品种、数量相适应的经营场所', 办理结果: '食品经营许可证', 是否收费: '否', 监督投诉电话: '0729-12345' } }],
      fail: [{ title: '缺办理结果和是否收费', guide: { 事项名称: '食品经营许可', 事项类型: '行政许可', 实施主体: '江州市市场监督管理局', 受理条件: '具有经营场所', 监督投诉电话: '0729-12345' } }],
    },
    scored: false,
  },
  check(g, o) {
    const missing = o.core.filter((name) => isEmpty(CORE[name]?.(g)));
    return missing.length ? [{ messageId: 'missing', field: missing[0], data: { missing: missing.join('、'), filled: filledElements(g), total: ELEMENTS.length } }] : [];
  },
});
