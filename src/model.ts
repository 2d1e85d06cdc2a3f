// The canonical guide model (FIELDS.md §1). Loaders map every layout onto it; rules see only this.
import { z } from 'zod';
import type { RefResolution } from './attachments/types.js';

/** What an attachment reference resolved to; filled by the engine before rules run (rules never read files). */
const Resolution = z.custom<RefResolution>((v) => typeof v === 'object' && v !== null && 'status' in v);

export const SourceLocationSchema = z.object({
  file: z.string(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  line: z.number().int().optional(),
  index: z.number().int().optional(),
});
export type SourceLocation = z.infer<typeof SourceLocationSchema>;

const text = z.string().optional();

/** A time limit as exported: a combined text, or a number plus a unit field, with its explanation. */
export const TimeLimitSchema = z.object({
  text,          // combined value such as "20个工作日" or the bare number as written
  number: text,  // a separate number column (anticipate_day), when the layout has one
  unit: text,    // unit label after the code table (工作日 / 自然日 / anything else as written)
  unitRaw: text, // unit as written (code or label)
  explanation: text,
});
export type TimeLimit = z.infer<typeof TimeLimitSchema>;

export const WindowSchema = z.object({
  address: text,
  name: text,
  phone: text,
  hours: text,
});
export type Window = z.infer<typeof WindowSchema>;

export const LawEntrySchema = z.object({
  name: text,
  number: text,
  article: text,
  content: text,
});
export type LawEntry = z.infer<typeof LawEntrySchema>;

export const SpecialEntrySchema = z.object({
  name: text,
  limit: text,
  unit: text,
  description: text,
});
export type SpecialEntry = z.infer<typeof SpecialEntrySchema>;

export const MaterialSchema = z.object({
  index: z.number().int(),  // 1-based position within the guide
  name: text,
  type: text,               // 材料类型 label after code table
  form: text,               // 材料形式 / 介质要求 label after code table
  original: text,           // 原件份数
  copy: text,               // 复印件份数
  count: text,              // 份数 / 纸质材料份数
  source: text,             // 来源渠道 label after code table
  sourceNote: text,         // 来源渠道说明
  issuer: text,             // 出具单位
  necessity: text,          // 必要性 label after code table
  blankForm: text,          // 空白表格 reference
  sampleForm: text,         // 示例样表 reference
  remark: text,
  blankFormRes: Resolution.optional(),
  sampleFormRes: Resolution.optional(),
  loc: SourceLocationSchema.optional(),
  raw: z.record(z.string(), z.string()),
});
export type Material = z.infer<typeof MaterialSchema>;

export const StepSchema = z.object({
  index: z.number().int(),  // 1-based
  name: text,
  limit: text,
  person: text,
  standard: text,
  result: text,
  text,                     // the step's whole text, for steps split from a free-text process
  loc: SourceLocationSchema.optional(),
});
export type Step = z.infer<typeof StepSchema>;

export const PhoneFieldSchema = z.object({ field: z.string(), value: z.string() });
export type PhoneField = z.infer<typeof PhoneFieldSchema>;

export const GuideSchema = z.object({
  loc: SourceLocationSchema,
  name: text,
  code: text,               // 实施编码 as written (trimmed)
  handleCode: text,         // 业务办理项编码
  baseCode: text,           // 基本编码 as stated
  itemType: text,           // 事项类型 label after code table
  level: text,              // 行使层级 label after code table
  levelCode: text,          // 行使层级 code (1–7) when known
  department: text,
  departmentCode: text,
  region: text,
  caseType: text,           // 办件类型 label after code table
  legalLimit: TimeLimitSchema,
  promisedLimit: TimeLimitSchema,
  address: text,            // 办理地点 as text
  windows: z.array(WindowSchema), // structured windows (layout 3); empty when only text
  hours: text,
  consultPhones: z.array(PhoneFieldSchema), // 咨询电话 / 联系电话 / 咨询方式 / 窗口电话
  complaintPhone: text,
  legalBasisText: text,
  legalBasis: z.array(LawEntrySchema), // structured entries; empty when only text
  special: z.array(PhoneFieldSchema), // 特殊环节 / 特别程序 / 中介服务 fields with their values
  specialEntries: z.array(SpecialEntrySchema),
  acceptConditions: text,
  result: text,
  isFee: text,
  visits: text,
  onlineDepth: text,
  flowchart: text,
  flowchartRes: Resolution.optional(),
  rongque: text,            // 容缺受理 field, when the export has one
  materials: z.array(MaterialSchema),
  /** The export carries a material list for this guide (possibly empty): a material sheet, or a materials key. */
  materialsListed: z.boolean().optional(),
  steps: z.array(StepSchema), // structured steps; empty when the process is text or absent
  processText: text,
  /** Every original field as written, by original column/key name. */
  raw: z.record(z.string(), z.string()),
  /** Canonical element → the original column/key it was read from. */
  sources: z.record(z.string(), z.string()),
});
export type Guide = z.infer<typeof GuideSchema>;

/** A guide with every list empty and every element missing; loaders fill it in. */
export function emptyGuide(loc: SourceLocation): Guide {
  return {
    loc,
    legalLimit: {},
    promisedLimit: {},
    windows: [],
    consultPhones: [],
    legalBasis: [],
    special: [],
    specialEntries: [],
    materials: [],
    steps: [],
    raw: {},
    sources: {},
  };
}

/** 依申请 item types audited by default (INDICATORS.md §0). */
export const ON_APPLICATION_TYPES = ['行政许可', '行政给付', '行政确认', '行政奖励', '行政裁决', '其他', '公共服务'];
export const NON_APPLICATION_TYPES = ['行政处罚', '行政强制', '行政检查', '行政征收'];

export function isPermit(g: Guide): boolean {
  return g.itemType === '行政许可';
}
