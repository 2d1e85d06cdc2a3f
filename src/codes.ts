// Code tables (FIELDS.md §4; GB/T 39046-2020 appendix A). Every table is overridable per source.
// A value that is already a label passes through; a code is mapped; anything else is kept as written.
import { nfkc } from './normalize.js';
import { byValue } from './memo.js';

export type CodeTable = Record<string, string>;

export interface CodeTables {
  itemType: CodeTable;
  level: CodeTable;
  caseType: CodeTable;
  timeUnit: CodeTable;
  source: CodeTable;
  materialType: CodeTable;
  necessity: CodeTable;
  form: CodeTable;
  isFee: CodeTable;
  onlineDepth: CodeTable;
}

export const DEFAULT_CODE_TABLES: CodeTables = {
  itemType: {
    '01': '行政许可', '02': '行政处罚', '03': '行政强制', '04': '行政征收', '05': '行政给付', '06': '行政检查',
    '07': '行政确认', '08': '行政奖励', '09': '行政裁决', '10': '其他', '20': '公共服务',
    // Sichuan writes codes unpadded.
    '1': '行政许可', '2': '行政处罚', '3': '行政强制', '4': '行政征收', '5': '行政给付', '6': '行政检查',
    '7': '行政确认', '8': '行政奖励', '9': '行政裁决',
  },
  level: {
    '1': '国家级', '2': '省级', '3': '市级', '4': '县级', '5': '镇(乡、街道)级', '6': '村(社区)级', '7': '分级管理',
  },
  caseType: { '1': '即办件', '2': '承诺件', '9': '其他' },
  timeUnit: { '1': '工作日', '2': '自然日' },
  source: { '10': '申请人自备', '20': '政府部门核发', '99': '其他' },
  materialType: { '1': '证件证书证明', '2': '申请表格文书', '3': '其他' },
  necessity: { '1': '必要', '2': '非必要', '3': '容缺后补' },
  form: { '1': '纸质', '2': '电子', '3': '纸质/电子' },
  isFee: { '0': '否', '1': '是', 'N': '否', 'Y': '是' },
  // Vendors code depth differently (multi-select lists); digits are left uninterpreted unless configured.
  onlineDepth: {},
};

/** Labels that mean the same item type (INDICATORS.md §E: 其他行政权力, 其他类别, 其他类别事项 are 其他). */
const ITEM_TYPE_ALIASES: Record<string, string> = {
  其他行政权力: '其他', 其他类别: '其他', 其他类别事项: '其他', 其他权力: '其他', 其他行政权利: '其他',
  公共服务事项: '公共服务', 行政许可事项: '行政许可',
};

export function mapCode(table: CodeTable, value: string | undefined): string | undefined {
  if (value == null) return undefined;
  const v = nfkc(value).trim();
  if (v === '') return undefined;
  return table[v] ?? v;
}

export function mapItemType(table: CodeTable, value: string | undefined): string | undefined {
  const v = mapCode(table, value);
  return v ? ITEM_TYPE_ALIASES[v] ?? v : v;
}

/** The GB/T 39046 level code (1–7) for a level label or code. */
export function levelCode(value: string | undefined): string | undefined {
  return value ? levelCodes(value) : undefined;
}
const levelCodes = byValue((value: string): string | undefined => {
  const v = nfkc(value).trim();
  if (/^[1-7]$/.test(v)) return v;
  const byWord: [RegExp, string][] = [
    // Order matters: 村(社区)级 contains 区, 镇(乡、街道)级 would otherwise match nothing sooner.
    [/国家/, '1'], [/分级/, '7'], [/村|社区/, '6'], [/乡|镇|街道/, '5'], [/省/, '2'], [/市|地市|州|盟/, '3'], [/县|区|旗/, '4'],
  ];
  for (const [re, code] of byWord) if (re.test(v)) return code;
  return undefined;
});

export function mergeCodeTables(base: CodeTables, overrides: Partial<Record<keyof CodeTables, CodeTable>> | undefined): CodeTables {
  if (!overrides) return base;
  const out = { ...base };
  for (const k of Object.keys(overrides) as (keyof CodeTables)[]) {
    // A table given in config replaces the codes it names and keeps the rest.
    out[k] = { ...base[k], ...overrides[k] };
  }
  return out;
}
