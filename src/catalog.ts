// The national basic catalogue (`--catalog FILE`): 基本编码 → 事项名称, from xlsx, csv or json.
// A catalogue that cannot be read is a usage error (exit 2): the user asked for the check.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from './config.js';
import { headerKey } from './fields.js';
import { decodeText, sniff } from './loaders/decode.js';
import { csvToTable } from './loaders/csv.js';
import { readWorkbookTables } from './loaders/excel.js';
import { findGuideArray } from './loaders/json.js';
import type { Table } from './loaders/table.js';

const CODE_KEYS = ['基本编码', '目录编码', '事项基本编码', '事项编码', 'catalogcode', 'basecode', 'taskcode', '编码'].map(headerKey);
const NAME_KEYS = ['事项名称', '目录名称', '基本目录名称', '主项名称', 'taskname', 'catalogname', 'name', '名称'].map(headerKey);

function column(headers: string[], keys: string[]): number {
  for (const k of keys) {
    const i = headers.findIndex((h) => headerKey(h) === k);
    if (i >= 0) return i;
  }
  return -1;
}

function fromTables(tables: Table[], file: string): Map<string, string> {
  for (const t of tables) {
    for (let h = 0; h < Math.min(t.rows.length, 10); h++) {
      const headers = t.rows[h]!.cells;
      const ci = column(headers, CODE_KEYS);
      const ni = column(headers, NAME_KEYS);
      if (ci < 0 || ni < 0) continue;
      const out = new Map<string, string>();
      for (const row of t.rows.slice(h + 1)) {
        const code = (row.cells[ci] ?? '').trim();
        const name = (row.cells[ni] ?? '').trim();
        if (code && name && !out.has(code)) out.set(code, name);
      }
      return out;
    }
  }
  throw new ConfigError(`国家基本目录 ${file} 中没有找到“基本编码”和“事项名称”两列`);
}

function fromJson(doc: unknown, file: string): Map<string, string> {
  const list = findGuideArray(doc);
  if (!list) throw new ConfigError(`国家基本目录 ${file} 不是记录数组`);
  const out = new Map<string, string>();
  for (const rec of list) {
    if (!rec || typeof rec !== 'object') continue;
    const entries = Object.entries(rec as Record<string, unknown>).map(([k, v]) => [headerKey(k), v] as const);
    const get = (keys: string[]) => {
      for (const k of keys) {
        const e = entries.find(([kk]) => kk === k);
        if (e && (typeof e[1] === 'string' || typeof e[1] === 'number')) return String(e[1]).trim();
      }
      return '';
    };
    const code = get(CODE_KEYS);
    const name = get(NAME_KEYS);
    if (code && name && !out.has(code)) out.set(code, name);
  }
  if (out.size === 0) throw new ConfigError(`国家基本目录 ${file} 中没有找到带“基本编码”和“事项名称”的记录`);
  return out;
}

export async function loadCatalog(file: string, cwd: string): Promise<Map<string, string>> {
  let buf: Buffer;
  try {
    buf = await readFile(path.resolve(cwd, file));
  } catch (e) {
    throw new ConfigError(`无法读取国家基本目录 ${file}：${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const kind = sniff(buf);
  try {
    if (kind === 'zip' || kind === 'ole') return fromTables(readWorkbookTables(buf, 'buffer'), file);
    const { text } = decodeText(buf);
    if (kind === 'html') return fromTables(readWorkbookTables(text, 'string'), file);
    if (kind === 'json') {
      const trimmed = text.replace(/^\uFEFF/, '').trim();
      const doc = /\.(jsonl|ndjson)$/i.test(file) ? trimmed.split(/\r?\n/).filter(Boolean).map((l) => JSON.parse(l)) : JSON.parse(trimmed);
      return fromJson(doc, file);
    }
    if (kind === 'text') return fromTables([csvToTable(text).table], file);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(`国家基本目录 ${file} 无法解析：${(e as Error).message}`);
  }
  throw new ConfigError(`国家基本目录 ${file} 不是 xlsx、csv 或 json 文件`);
}
