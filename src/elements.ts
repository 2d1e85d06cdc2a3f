// The canonical elements a guide can fill (FIELDS.md §1), for completeness counts and statistics.
import type { Guide } from './model.js';
import { isEmpty } from './normalize.js';

const has = (v: string | undefined) => !isEmpty(v);

export const ELEMENTS: { name: string; filled: (g: Guide) => boolean }[] = [
  { name: '事项名称', filled: (g) => has(g.name) },
  { name: '实施编码', filled: (g) => has(g.code) || has(g.handleCode) },
  { name: '基本编码', filled: (g) => has(g.baseCode) },
  { name: '事项类型', filled: (g) => has(g.itemType) },
  { name: '行使层级', filled: (g) => has(g.level) },
  { name: '实施主体', filled: (g) => has(g.department) },
  { name: '实施主体编码', filled: (g) => has(g.departmentCode) },
  { name: '办件类型', filled: (g) => has(g.caseType) },
  { name: '法定办结时限', filled: (g) => has(g.legalLimit.text) || has(g.legalLimit.number) },
  { name: '法定办结时限说明', filled: (g) => has(g.legalLimit.explanation) },
  { name: '承诺办结时限', filled: (g) => has(g.promisedLimit.text) || has(g.promisedLimit.number) },
  { name: '承诺办结时限说明', filled: (g) => has(g.promisedLimit.explanation) },
  { name: '办理地点', filled: (g) => has(g.address) || g.windows.some((w) => has(w.address)) },
  { name: '办理时间', filled: (g) => has(g.hours) || g.windows.some((w) => has(w.hours)) },
  { name: '咨询电话', filled: (g) => g.consultPhones.some((p) => has(p.value)) || g.windows.some((w) => has(w.phone)) },
  { name: '监督投诉电话', filled: (g) => has(g.complaintPhone) },
  { name: '设定依据', filled: (g) => has(g.legalBasisText) || g.legalBasis.length > 0 },
  { name: '中介服务或特殊环节', filled: (g) => g.special.some((s) => has(s.value)) || g.specialEntries.length > 0 },
  { name: '受理条件', filled: (g) => has(g.acceptConditions) },
  { name: '办理结果', filled: (g) => has(g.result) },
  { name: '是否收费', filled: (g) => has(g.isFee) },
  { name: '到办事现场次数', filled: (g) => has(g.visits) },
  { name: '网办深度', filled: (g) => has(g.onlineDepth) },
  { name: '流程图', filled: (g) => has(g.flowchart) },
  { name: '申请材料', filled: (g) => g.materials.length > 0 },
  { name: '办理流程', filled: (g) => g.steps.length > 0 || has(g.processText) },
];

export function filledElements(g: Guide): number {
  let n = 0;
  for (const e of ELEMENTS) if (e.filled(g)) n++;
  return n;
}
