// The list of cancelled and adjusted items (`--cancelled FILE`): 基本编码 and/or 事项名称, the document
// that cancelled or adjusted the item (国发〔2018〕28号), and optionally the kind of adjustment
// (取消/下放/合并) and where it went (下放至县级, 并入“…”). xlsx, csv or json, like the catalogue.
// A list that cannot be read is a usage error (exit 2): the user asked for the check.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from './config.js';
import { headerKey } from './fields.js';
import { decodeText, sniff } from './loaders/decode.js';
import { csvToTable } from './loaders/csv.js';
import { readWorkbookTables } from './loaders/excel.js';
import { findGuideArray } from './loaders/json.js';
import type { Table } from './loaders/table.js';
import { normalize } from './normalize.js';
import { normalizeItemName } from '../rules/lib/catalog-names.js';

export type AdjustmentKind = 'cancelled' | 'delegated' | 'merged' | 'adjusted';

export interface CancelledEntry {
  /** 12-character 基本编码 (or a local code) as listed. */
  baseCode?: string;
  /** A 31/33-character 实施编码 / 业务办理项编码, when the list gives one. */
  code?: string;
  name?: string;
  /** The cancelling or adjusting document as written, e.g. 国发〔2018〕28号. */
  document: string;
  kind: AdjustmentKind;
  /** 调整类型 as written. */
  kindText?: string;
  /** 下放至 / 合并至: where the item went, as written. */
  target?: string;
  /** Row (Excel/CSV) or record index + 1 (JSON) in the list, for messages. */
  row: number;
}

/** Structured-cloneable (it travels to worker threads with the run's settings). */
export interface CancelledList {
  file: string;
  entries: CancelledEntry[];
  byBaseCode: Map<string, number[]>;
  byCode: Map<string, number[]>;
  /** By normalised 事项名称 (see normalizeListedName). */
  byName: Map<string, number[]>;
}

const keys = (xs: string[]) => xs.map(headerKey);
const CODE_KEYS = keys(['基本编码', '目录编码', '事项基本编码', '基本目录编码', '事项编码', '实施编码', '编码', 'catalog_code', 'catalogcode', 'basecode', 'task_code', 'code']);
const NAME_KEYS = keys(['事项名称', '项目名称', '审批事项名称', '行政许可事项名称', '行政审批项目名称', '目录名称', '主项名称', '子项名称', '名称', 'task_name', 'taskname', 'name']);
const DOC_KEYS = keys([
  '取消依据', '调整依据', '依据文件', '文件依据', '设定依据文件', '决定文件', '取消文件', '调整文件', '发文字号', '文号', '文件', '文件名称', '依据',
  '来源文件', '出处', 'document', 'doc', 'basis',
]);
const TYPE_KEYS = keys(['调整类型', '调整方式', '处理方式', '处理类型', '调整情况', '调整内容', '处理意见', '类型', 'type', 'adjust_type']);
const TARGET_KEYS = keys(['下放至', '下放层级', '下放后实施层级', '承接层级', '承接单位', '合并至', '并入', '合并后事项', '合并后事项名称', '调整后事项', '调整后事项名称', 'target']);

/** The name used to match a guide: as 要素规范统一 compares names (NFKC, no spaces, no trailing （市级）-style qualifier). */
export const normalizeListedName = normalizeItemName;

export function kindOf(text: string | undefined): AdjustmentKind {
  const t = normalize(text);
  if (t === '' || /取消/.test(t)) return 'cancelled';
  if (/下放|下划|委托/.test(t)) return 'delegated';
  if (/合并|整合|并入|归并/.test(t)) return 'merged';
  return 'adjusted';
}

function column(headers: string[], wanted: string[]): number {
  for (const k of wanted) {
    const i = headers.findIndex((h) => headerKey(h) === k);
    if (i >= 0) return i;
  }
  return -1;
}

function entryFrom(get: (keys: string[]) => string, row: number, fallbackDoc: string): CancelledEntry | undefined {
  const rawCode = get(CODE_KEYS).normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const name = get(NAME_KEYS).trim();
  if (!rawCode && !name) return undefined;
  const kindText = get(TYPE_KEYS).trim();
  const target = get(TARGET_KEYS).trim();
  const e: CancelledEntry = { document: get(DOC_KEYS).trim() || fallbackDoc, kind: kindOf(kindText), row };
  if (rawCode) {
    if (rawCode.length === 31 || rawCode.length === 33) e.code = rawCode;
    else e.baseCode = rawCode;
  }
  if (name) e.name = name;
  if (kindText) e.kindText = kindText;
  if (target) e.target = target;
  return e;
}

function fromTables(tables: Table[], file: string, fallbackDoc: string): CancelledEntry[] {
  for (const t of tables) {
    for (let h = 0; h < Math.min(t.rows.length, 10); h++) {
      const headers = t.rows[h]!.cells;
      const ci = column(headers, CODE_KEYS);
      const ni = column(headers, NAME_KEYS);
      if (ci < 0 && ni < 0) continue;
      const cols = { code: ci, name: ni, doc: column(headers, DOC_KEYS), type: column(headers, TYPE_KEYS), target: column(headers, TARGET_KEYS) };
      const out: CancelledEntry[] = [];
      for (const row of t.rows.slice(h + 1)) {
        const get = (k: string[]) => {
          const i = k === CODE_KEYS ? cols.code : k === NAME_KEYS ? cols.name : k === DOC_KEYS ? cols.doc : k === TYPE_KEYS ? cols.type : cols.target;
          return i >= 0 ? (row.cells[i] ?? '') : '';
        };
        const e = entryFrom(get, row.pos, fallbackDoc);
        if (e) out.push(e);
      }
      return out;
    }
  }
  throw new ConfigError(`取消和调整事项清单 ${file} 中没有找到“基本编码”或“事项名称”列`);
}

function fromJson(doc: unknown, file: string, fallbackDoc: string): CancelledEntry[] {
  const list = findGuideArray(doc);
  if (!list) throw new ConfigError(`取消和调整事项清单 ${file} 不是记录数组`);
  const out: CancelledEntry[] = [];
  list.forEach((rec, i) => {
    if (!rec || typeof rec !== 'object') return;
    const entries = Object.entries(rec as Record<string, unknown>).map(([k, v]) => [headerKey(k), v] as const);
    const get = (wanted: string[]) => {
      for (const k of wanted) {
        const e = entries.find(([kk]) => kk === k);
        if (e && (typeof e[1] === 'string' || typeof e[1] === 'number')) return String(e[1]);
      }
      return '';
    };
    const e = entryFrom(get, i + 1, fallbackDoc);
    if (e) out.push(e);
  });
  return out;
}

/** The list indexed for matching (also used by tests to build a list in memory). */
export function indexCancelled(file: string, entries: CancelledEntry[]): CancelledList {
  const list: CancelledList = { file, entries, byBaseCode: new Map(), byCode: new Map(), byName: new Map() };
  const add = (m: Map<string, number[]>, k: string | undefined, i: number) => {
    if (!k) return;
    const l = m.get(k);
    if (l) l.push(i);
    else m.set(k, [i]);
  };
  entries.forEach((e, i) => {
    add(list.byBaseCode, e.baseCode, i);
    add(list.byCode, e.code, i);
    if (e.name) add(list.byName, normalizeListedName(e.name), i);
  });
  return list;
}

export async function loadCancelled(file: string, cwd: string): Promise<CancelledList> {
  let buf: Buffer;
  try {
    buf = await readFile(path.resolve(cwd, file));
  } catch (e) {
    throw new ConfigError(`无法读取取消和调整事项清单 ${file}：${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const fallbackDoc = `取消和调整事项清单（${path.basename(file)}）`;
  const kind = sniff(buf);
  let entries: CancelledEntry[] | undefined;
  try {
    if (kind === 'zip' || kind === 'ole') entries = fromTables(readWorkbookTables(buf, 'buffer'), file, fallbackDoc);
    else {
      const { text } = decodeText(buf);
      if (kind === 'html') entries = fromTables(readWorkbookTables(text, 'string'), file, fallbackDoc);
      else if (kind === 'json') {
        const trimmed = text.replace(/^\uFEFF/, '').trim();
        const doc = /\.(jsonl|ndjson)$/i.test(file) ? trimmed.split(/\r?\n/).filter(Boolean).map((l) => JSON.parse(l)) : JSON.parse(trimmed);
        entries = fromJson(doc, file, fallbackDoc);
      } else if (kind === 'text') entries = fromTables([csvToTable(text).table], file, fallbackDoc);
    }
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(`取消和调整事项清单 ${file} 无法解析：${(e as Error).message}`);
  }
  if (!entries) throw new ConfigError(`取消和调整事项清单 ${file} 不是 xlsx、csv 或 json 文件`);
  if (entries.length === 0) throw new ConfigError(`取消和调整事项清单 ${file} 中没有带“基本编码”或“事项名称”的条目`);
  return indexCancelled(path.basename(file), entries);
}
