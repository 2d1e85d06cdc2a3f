// Column/key synonyms (FIELDS.md §3): data, overridable per source from the config file.
// Keys are matched after normalising: NFKC, lower case, spaces/underscores/asterisks removed.

/** Guide-level canonical keys, with the Chinese element name used in messages. */
export const GUIDE_FIELDS = {
  name: { label: '事项名称', synonyms: ['事项名称', '业务办理项名称', '实施清单名称', '办理项名称', 'task_name', 'taskname', 'item_name', 'service_name'] },
  code: { label: '实施编码', synonyms: ['实施编码', '事项编码', '实施清单编码', 'task_code', 'taskcode', 'item_code'] },
  handleCode: { label: '业务办理项编码', synonyms: ['业务办理项编码', '办理项编码', 'task_handle_item', 'handle_item_code'] },
  baseCode: { label: '基本编码', synonyms: ['基本编码', '目录编码', '事项基本编码', '基本目录编码', 'catalog_code', 'catalogcode'] },
  itemType: { label: '事项类型', synonyms: ['事项类型', '权力类型', '事项类别', 'task_type', 'tasktype', 'task_type_text'] },
  level: { label: '行使层级', synonyms: ['行使层级', '层级', 'use_level', 'uselevel', 'use_level_text'] },
  department: { label: '实施主体', synonyms: ['实施主体', '实施机构', '办理单位', '受理单位', '责任单位', '实施主体名称', '实施部门', 'dept_name', 'deptname', 'org_name'] },
  departmentCode: { label: '实施主体编码', synonyms: ['实施主体编码', '实施机构编码', '统一社会信用代码', '实施主体统一社会信用代码', 'dept_code', 'deptcode', 'org_code'] },
  region: { label: '所属区划', synonyms: ['所属区划', '行政区划', '区划编码', '行政区划编码', '所属区域', 'region_code', 'area_code', 'areacode'] },
  caseType: { label: '办件类型', synonyms: ['办件类型', 'project_type', 'projecttype', 'project_type_text'] },
  legalLimit: { label: '法定办结时限', synonyms: ['法定办结时限', '法定时限', '法定时间', '法定期限', '法定办理时限', 'anticipate_day', 'anticipateday'] },
  legalLimitUnit: { label: '法定办结时限单位', synonyms: ['法定办结时限单位', '法定时限单位', '法定期限单位', 'anticipate_type', 'anticipatetype', 'anticipate_type_text'] },
  legalLimitExplain: { label: '法定办结时限说明', synonyms: ['法定办结时限说明', '法定时限说明', '法定期限说明', 'anticipate_explain', 'anticipate_day_explain'] },
  promisedLimit: { label: '承诺办结时限', synonyms: ['承诺办结时限', '承诺时限', '承诺期限', '承诺办理时限', 'promise_day', 'promiseday'] },
  promisedLimitUnit: { label: '承诺办结时限单位', synonyms: ['承诺办结时限单位', '承诺时限单位', '承诺期限单位', 'promise_type', 'promisetype', 'promise_type_text'] },
  promisedLimitExplain: { label: '承诺办结时限说明', synonyms: ['承诺办结时限说明', '承诺时限说明', '承诺期限说明', 'promise_explain', 'promise_day_explain'] },
  address: { label: '办理地点', synonyms: ['办理地点', '受理地点', '办公地址', '具体地址', '办理地址', '窗口地址', 'transact_addr', 'transactaddr'] },
  hours: { label: '办理时间', synonyms: ['办理时间', '受理时间', '工作时间', '办公时间', 'transact_time', 'transacttime'] },
  consultPhone: { label: '咨询电话', synonyms: ['咨询电话', '联系电话', '咨询方式', '联系方式', '咨询联系电话', 'link_way', 'linkway', 'link_tel'] },
  windowPhone: { label: '窗口电话', synonyms: ['窗口电话', '窗口联系电话', 'window_tel', 'windowtel'] },
  complaintPhone: { label: '监督投诉电话', synonyms: ['监督投诉电话', '投诉电话', '监督电话', '监督投诉方式', '投诉方式', 'supervise_way', 'superviseway', 'supervise_tel'] },
  legalBasis: { label: '设定依据', synonyms: ['设定依据', '法律依据', '实施依据', '法定依据', 'by_law', 'bylaw_text'] },
  specialStep: { label: '特殊环节', synonyms: ['特殊环节', '中介机构或特殊环节', '特殊程序'] },
  specialProcedure: { label: '特别程序', synonyms: ['特别程序', 'special_procedure', 'specialprocedure'] },
  intermediary: { label: '中介服务', synonyms: ['中介服务', '中介机构', 'service_type', 'intermediary'] },
  acceptConditions: { label: '受理条件', synonyms: ['受理条件', '申请条件', '办理条件', 'accept_condition', 'acceptcondition'] },
  result: { label: '办理结果', synonyms: ['办理结果', '结果名称', '审批结果名称', '办理结果名称', '审批结果', 'result_name', 'resultname'] },
  isFee: { label: '是否收费', synonyms: ['是否收费', 'is_fee', 'isfee', 'is_fee_text'] },
  visits: { label: '到办事现场次数', synonyms: ['到办事现场次数', '到现场次数', '到窗口最多次数', '跑动次数', '最多跑动次数', '到现场办理次数', 'limit_scene_num', 'limitscenenum'] },
  onlineDepth: { label: '网办深度', synonyms: ['网办深度', '网上办理深度', '网上办理深度等级', 'online_handle_depth', 'wsblsd', 'wbsd_level', 'wbsd_level_text'] },
  flowchart: { label: '流程图', synonyms: ['流程图', '办理流程图', 'flow_chart', 'flowchart'] },
  rongque: { label: '容缺受理', synonyms: ['容缺受理', '是否容缺受理', '是否支持容缺受理', '是否支持容缺', '是否容缺', '容缺受理条件', '支持容缺受理', '容缺办理', 'is_rongque', 'is_support_rongque', 'rongque'] },
  processText: { label: '办理流程', synonyms: ['办理流程', '办理流程说明', '流程说明', 'handle_flow', 'handleflow'] },
  materialsText: { label: '申请材料', synonyms: ['申请材料', '材料清单'] },
} as const;

export const MATERIAL_FIELDS = {
  name: { label: '材料名称', synonyms: ['材料名称', '申请材料名称', 'material_name', 'materialname'] },
  type: { label: '材料类型', synonyms: ['材料类型', 'material_type', 'materialtype', 'material_type_text'] },
  form: { label: '材料形式', synonyms: ['材料形式', '介质要求', '材料介质', '提交形式', '纸质/电子', 'material_form', 'material_format', 'materialformat', 'zzhdzb'] },
  original: { label: '原件份数', synonyms: ['原件份数', '原件数量', '原件', 'original_amount', 'originalamount', 'original_num'] },
  copy: { label: '复印件份数', synonyms: ['复印件份数', '复印件数量', '复印件', 'copy_amount', 'copyamount', 'copy_num'] },
  count: { label: '份数', synonyms: ['份数', '纸质材料份数', '数量要求', '材料份数', 'page_num', 'pagenum', 'paper_num'] },
  source: { label: '来源渠道', synonyms: ['来源渠道', '材料来源', '来源', 'source_type', 'sourcetype', 'source_type_text'] },
  sourceNote: { label: '来源渠道说明', synonyms: ['来源渠道说明', '来源说明', 'source_explain', 'sourceexplain'] },
  issuer: { label: '出具单位', synonyms: ['出具单位', '出具部门', '发证机关', 'issue_dept'] },
  necessity: { label: '必要性', synonyms: ['必要性', '是否必要', '必要性描述', '是否必须', 'is_need', 'isneed', 'is_need_text'] },
  blankForm: { label: '空白表格', synonyms: ['空白表格', '空表', '空白表格下载', '表格下载', 'form_guid', 'formguid', 'form_url', 'blank_form'] },
  sampleForm: { label: '示例样表', synonyms: ['示例样表', '样表', '示例样本', '示范文本', 'example_guid', 'exampleguid', 'example_url', 'sample_form'] },
  remark: { label: '备注', synonyms: ['备注', '填报须知', '材料备注', 'remark', 'material_remark'] },
} as const;

export const STEP_FIELDS = {
  name: { label: '环节名称', synonyms: ['环节名称', '办理环节', '流程环节', '环节', 'step_name', 'stepname', 'node_name', 'step_text'] },
  limit: { label: '办理时限', synonyms: ['办理时限', '环节时限', '环节办理时限', '时限', '办理时间', 'step_limit', 'node_limit', 'handle_limit', 'time_limit', 'step_time', 'node_time', 'limit_time', 'step_day', 'timelimit'] },
  person: { label: '办理人员', synonyms: ['办理人员', '岗位', '办理岗位', '办理人', '审批人员', '经办人员', '办理人员/岗位', '承办人员', 'step_person', 'handle_person', 'node_post', 'step_post', 'handle_post', 'post', 'post_name', 'handle_user', 'transact_person', 'node_person'] },
  standard: { label: '审查标准', synonyms: ['审查标准', '审核标准', '办理标准', '审批标准', '审查内容', 'step_standard', 'audit_standard', 'node_standard', 'check_standard', 'review_standard', 'handle_standard', 'audit_content'] },
  result: { label: '办理结果', synonyms: ['办理结果', '环节结果', '环节办理结果', 'step_result'] },
} as const;

/** Columns a material or step row uses to point to its guide (FIELDS.md §2.1). */
export const LINK_FIELDS = {
  code: GUIDE_FIELDS.code.synonyms,
  handleCode: GUIDE_FIELDS.handleCode.synonyms,
  department: GUIDE_FIELDS.department.synonyms,
  name: GUIDE_FIELDS.name.synonyms,
} as const;

export type GuideFieldKey = keyof typeof GUIDE_FIELDS;
export type MaterialFieldKey = keyof typeof MATERIAL_FIELDS;
export type StepFieldKey = keyof typeof STEP_FIELDS;

const headerKeys = new Map<string, string>();
export function headerKey(h: string): string {
  let k = headerKeys.get(h);
  if (k === undefined) {
    k = h.normalize('NFKC').toLowerCase().replace(/[\s_*＊:：]/g, '');
    // Headers repeat on every row; unbounded growth only from hostile inputs, so cap it.
    if (headerKeys.size > 10_000) headerKeys.clear();
    headerKeys.set(h, k);
  }
  return k;
}

export type FieldMap = Map<string, string>; // normalised header → canonical key

/** Build a header→key map from the built-in synonyms plus overrides (header → key or Chinese label). */
export function buildFieldMap<T extends Record<string, { label: string; synonyms: readonly string[] }>>(
  table: T,
  overrides: Record<string, string> = {},
): FieldMap {
  const map: FieldMap = new Map();
  for (const [key, def] of Object.entries(table)) {
    map.set(headerKey(key), key);
    map.set(headerKey(def.label), key);
    for (const s of def.synonyms) if (!map.has(headerKey(s))) map.set(headerKey(s), key);
  }
  const byLabel = new Map(Object.entries(table).map(([k, d]) => [d.label, k]));
  for (const [header, target] of Object.entries(overrides)) {
    const key = target in table ? target : byLabel.get(target);
    if (key) map.set(headerKey(header), key);
  }
  return map;
}

export function labelOf(key: string): string {
  return (GUIDE_FIELDS as Record<string, { label: string }>)[key]?.label ?? key;
}
