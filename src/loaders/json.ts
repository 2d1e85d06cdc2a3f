// JSON / JSONL exports (layouts 2 and 3): guides as objects with Chinese, snake_case or UPPER_CASE keys,
// materials, steps, windows, law entries and special steps nested as arrays or objects.
import { createReadStream } from 'node:fs';
import { headerKey } from '../fields.js';
import type { Guide, LawEntry, SourceLocation, SpecialEntry, Window } from '../model.js';
import { asText, recordToGuide, recordToMaterial, recordToStep, type FlatRecord } from './record.js';
import type { SourceSettings } from './source.js';
import type { LineRange, LoadEvent } from './types.js';
import { JsonStreamError, streamJsonArray } from './json-stream.js';
import { textLines } from './lines.js';

export const WRAPPER_KEYS = ['data', 'guides', 'list', 'rows', 'records', 'items', 'result', 'results', 'value', 'content', 'datas', 'dataList', 'tasks'];

const NESTED = {
  materials: new Set(['申请材料', '材料', '材料清单', 'materials', 'material', 'auditmaterial', 'materiallist', 'applymaterial', 'task_material']),
  steps: new Set(['办理流程', '流程', '流程环节', '办理环节', 'steps', 'step', 'flow', 'flows', 'handleflow', 'handle_flow', 'flowsheet', 'process', 'processes', 'procedure', 'procedures', 'handle_process', 'task_process', 'process_list', 'link']),
  windows: new Set(['window', 'windows', '窗口', '办理窗口', '窗口信息', 'windowlist', 'transact_windows']),
  laws: new Set(['设定依据', '法律依据', 'bylaw', 'by_law', 'law', 'laws', 'lawlist', 'bylaws']),
  special: new Set(['特殊环节', '特别程序', 'special', 'specials', 'special_procedure', 'speciallist']),
};
for (const set of Object.values(NESTED)) for (const k of [...set]) set.add(headerKey(k));

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Find the array of guide records inside a parsed JSON document. */
export function findGuideArray(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return undefined;
  for (const k of WRAPPER_KEYS) {
    const v = doc[k];
    if (Array.isArray(v)) return v;
    if (isObject(v)) {
      const inner = findGuideArray(v);
      if (inner) return inner;
    }
  }
  return undefined;
}

function flatScalars(obj: Record<string, unknown>, into: FlatRecord, overwrite: boolean) {
  for (const k in obj) {
    const v = obj[k];
    const t = typeof v === 'string' ? v : asText(v);
    if (t === undefined) continue;
    if (overwrite || into[k] === undefined) into[k] = t;
  }
}

function asList(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v.filter(isObject);
  if (isObject(v)) return [v];
  return [];
}

/** The header keys a nested field accepts. */
const wants = (...names: string[]): ReadonlySet<string> => new Set(names.map(headerKey));

function field(o: Record<string, unknown>, want: ReadonlySet<string>): string | undefined {
  let fallback: string | undefined;
  for (const k in o) {
    const t = asText(o[k]);
    if (t === undefined || t.trim() === '') continue;
    const hk = headerKey(k);
    if (want.has(hk)) return t;
    if (hk.endsWith('text') && want.has(hk.slice(0, -4))) fallback = t;
  }
  return fallback;
}

const WINDOW_FIELDS = {
  address: wants('transact_addr', 'address', '办理地点', '窗口地址', '地址', 'addr'),
  name: wants('window_name', 'name', '窗口名称'),
  phone: wants('window_tel', 'link_tel', 'tel', 'phone', '窗口电话', '联系电话', '咨询电话'),
  hours: wants('transact_time', 'time', '办理时间', '工作时间'),
};
const LAW_FIELDS = {
  name: wants('law_name', 'name', '法规名称', '依据名称', '名称', '法律法规名称'),
  number: wants('law_number', 'number', '文号', '依据文号'),
  article: wants('clause_number', 'clause', 'article', '条款', '条款号', '条款序号', '依据条款'),
  content: wants('clause_content', 'content', '条款内容', '具体内容', '依据内容'),
};
const SPECIAL_FIELDS = {
  name: wants('special_name', 'name', '名称', '特殊环节名称', '环节名称'),
  limit: wants('special_date', 'limit', '时限', '办理时限'),
  unit: wants('special_date_type', 'unit', '时限单位'),
  description: wants('special_desc', 'desc', 'description', '说明', '内容'),
};

/** Map one JSON guide object onto the canonical model. */
export function objectToGuide(obj: Record<string, unknown>, loc: SourceLocation, s: SourceSettings): Guide {
  const rec: FlatRecord = Object.create(null) as FlatRecord;
  let materials: Record<string, unknown>[] | undefined;
  let steps: Record<string, unknown>[] | undefined;
  let processText: string | undefined;
  let windows: Window[] | undefined;
  let laws: LawEntry[] | undefined;
  let specials: SpecialEntry[] | undefined;
  flatScalars(obj, rec, true);
  for (const k in obj) {
    const v = obj[k];
    if (v === null || typeof v !== 'object') continue;
    const hk = headerKey(k);
    if (NESTED.materials.has(hk)) materials = asList(v);
    else if (NESTED.steps.has(hk)) steps = asList(v);
    else if (NESTED.windows.has(hk)) {
      windows = asList(v).map((w) => ({
        address: field(w, WINDOW_FIELDS.address),
        name: field(w, WINDOW_FIELDS.name),
        phone: field(w, WINDOW_FIELDS.phone),
        hours: field(w, WINDOW_FIELDS.hours),
      }));
    } else if (NESTED.laws.has(hk)) {
      laws = asList(v).map((l) => ({
        name: field(l, LAW_FIELDS.name),
        number: field(l, LAW_FIELDS.number),
        article: field(l, LAW_FIELDS.article),
        content: field(l, LAW_FIELDS.content),
      }));
    } else if (NESTED.special.has(hk)) {
      specials = asList(v).map((x) => ({
        name: field(x, SPECIAL_FIELDS.name),
        limit: field(x, SPECIAL_FIELDS.limit),
        unit: field(x, SPECIAL_FIELDS.unit),
        description: field(x, SPECIAL_FIELDS.description),
      }));
    } else if (isObject(v)) {
      // extend / custom blocks: their scalars join the guide, below the top-level fields.
      flatScalars(v, rec, false);
    }
  }
  if (steps === undefined) {
    for (const k in obj) {
      const v = obj[k];
      if (typeof v === 'string' && NESTED.steps.has(headerKey(k))) {
        processText = v;
        break;
      }
    }
  }
  const g = recordToGuide(rec, loc, s, {
    materials: materials?.map((m, i) => {
      const r: FlatRecord = Object.create(null) as FlatRecord;
      flatScalars(m, r, true);
      return recordToMaterial(r, i + 1, { ...loc }, s);
    }),
    steps: steps?.map((st, i) => {
      const r: FlatRecord = Object.create(null) as FlatRecord;
      flatScalars(st, r, true);
      return recordToStep(r, i + 1, { ...loc }, s);
    }),
    processText,
    windows,
    legalBasis: laws,
    specialEntries: specials,
  });
  if (materials !== undefined) g.materialsListed = true;
  return g;
}

/** Line and column of a JSON.parse error position, when Node reports one. */
export function jsonErrorPosition(text: string, err: Error): { line?: number; message: string } {
  const m = /position (\d+)/.exec(err.message);
  const lm = /line (\d+)/.exec(err.message);
  let line: number | undefined = lm ? Number(lm[1]) : undefined;
  if (m && line === undefined) {
    const pos = Number(m[1]);
    line = 1;
    for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  }
  return { line, message: err.message };
}

export function* jsonDocToGuides(file: string, doc: unknown, s: SourceSettings): Generator<LoadEvent> {
  let list = findGuideArray(doc);
  if (!list && isObject(doc)) list = [doc];
  if (!list) {
    yield { kind: 'skipped', reason: '没有可识别的办事指南数据' };
    return;
  }
  let found = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isObject(item)) continue;
    const g = objectToGuide(item, { file, index: i }, s);
    if (!g.name && !g.code && !g.handleCode) continue;
    found++;
    yield { kind: 'guide', guide: g };
  }
  if (found === 0) yield { kind: 'skipped', reason: '没有可识别的办事指南数据' };
}

export async function* jsonlToGuides(file: string, abs: string, s: SourceSettings, range?: LineRange): AsyncGenerator<LoadEvent> {
  const input = range ? createReadStream(abs, { encoding: 'utf8', start: range.start, end: range.end - 1 }) : createReadStream(abs, { encoding: 'utf8' });
  let line = range ? range.firstLine - 1 : 0;
  let found = 0;
  for await (const lines of textLines(input)) for (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (e) {
      yield { kind: 'error', error: { file, line, message: `第 ${line} 行不是合法的 JSON：${(e as Error).message}` } };
      continue;
    }
    if (!isObject(obj)) {
      yield { kind: 'error', error: { file, line, message: `第 ${line} 行不是一个 JSON 对象` } };
      continue;
    }
    const g = objectToGuide(obj, { file, line }, s);
    if (!g.name && !g.code && !g.handleCode) continue;
    found++;
    yield { kind: 'guide', guide: g };
  }
  // A part of a file cannot tell whether the whole file has guides: the engine decides for it.
  if (found === 0 && line > 0 && !range) yield { kind: 'skipped', reason: '没有可识别的办事指南数据' };
}

/** A big JSON document, element by element (see json-stream.ts). */
export async function* streamedJsonToGuides(file: string, abs: string, s: SourceSettings): AsyncGenerator<LoadEvent> {
  let found = 0;
  try {
    for await (const { index, text } of streamJsonArray(abs, WRAPPER_KEYS)) {
      let obj: unknown;
      try {
        obj = JSON.parse(text);
      } catch (e) {
        yield { kind: 'error', error: { file, index, message: `第 ${index + 1} 条记录不是合法的 JSON：${(e as Error).message}` } };
        continue;
      }
      if (!isObject(obj)) continue;
      const g = objectToGuide(obj, { file, index }, s);
      if (!g.name && !g.code && !g.handleCode) continue;
      found++;
      yield { kind: 'guide', guide: g };
    }
  } catch (e) {
    if (e instanceof JsonStreamError) {
      yield { kind: 'error', error: { file, line: e.line, message: e.message } };
      return;
    }
    throw e;
  }
  if (found === 0) yield { kind: 'skipped', reason: '没有可识别的办事指南数据' };
}
