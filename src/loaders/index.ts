// File discovery and dispatch: every export file is recognised by content as well as extension.
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { SourceConfig } from '../config.js';
import { decodeText, sniff } from './decode.js';
import { csvToTable } from './csv.js';
import { readWorkbookTables, WorkbookError } from './excel.js';
import { jsonDocToGuides, jsonErrorPosition, jsonlToGuides, streamedJsonToGuides } from './json.js';
import { sourceSettings } from './source.js';
import { tablesToGuides } from './table.js';
import { DEFAULT_ZIP_LIMITS, impossibleEntry, oversizedEntry, zipEntries, type ZipLimits } from '../zip-directory.js';
import { readWorkbookTablesStreaming } from './xlsx-stream.js';
import type { FileRef, LoadEvent } from './types.js';

export const EXPORT_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'csv', 'tsv', 'json', 'jsonl', 'ndjson'];
export const DEFAULT_IGNORES = ['**/~$*', '**/.~lock.*', '**/node_modules/**', '**/.*/**'];

export interface DiscoverResult {
  files: FileRef[];
  missing: string[];
}

/** Display form of a path: `/` separators, no leading `./`. */
export function displayPath(p: string): string {
  let s = p.split(path.sep).join('/').replace(/\/{2,}/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  return s.replace(/\/$/, '') || '.';
}

export async function discover(paths: string[], opts: { cwd: string; ignore?: string[]; exclude?: string[] }): Promise<DiscoverResult> {
  const excludedList = (opts.exclude ?? []).map((p) => path.resolve(opts.cwd, p));
  // An excluded path is a file (a report) or a folder (--out-dir): nothing below it is an input.
  const isExcluded = (abs: string) => excludedList.some((e) => abs === e || abs.startsWith(e + path.sep));
  const files = new Map<string, FileRef>();
  const missing: string[] = [];
  const ignore = [...DEFAULT_IGNORES, ...(opts.ignore ?? [])];
  for (const p of paths) {
    const abs = path.resolve(opts.cwd, p);
    let st;
    try {
      st = await stat(abs);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) {
      const found = await fg(`**/*.{${EXPORT_EXTENSIONS.join(',')}}`, {
        cwd: abs, ignore, dot: false, onlyFiles: true, followSymbolicLinks: false, caseSensitiveMatch: false,
      });
      for (const rel of found) {
        const fileAbs = path.join(abs, rel);
        if (isExcluded(fileAbs)) continue;
        files.set(fileAbs, { abs: fileAbs, display: displayPath(path.join(p, rel)) });
      }
    } else if (st.isFile()) {
      files.set(abs, { abs, display: displayPath(p) });
    }
  }
  // Sorted by display path (code units) so the output never depends on directory order.
  const sorted = [...files.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files: sorted, missing };
}

/** The config source for a file: the first whose glob matches its display path. */
export function sourceFor(file: FileRef, sources: SourceConfig[] | undefined): SourceConfig | undefined {
  if (!sources) return undefined;
  for (const src of sources) {
    const globs = Array.isArray(src.files) ? src.files : [src.files];
    for (const g of globs) {
      const re = globToRegExp(g);
      if (re.test(file.display) || re.test(path.basename(file.display))) return src;
    }
  }
  return undefined;
}

const globCache = new Map<string, RegExp>();
function globToRegExp(glob: string): RegExp {
  let re = globCache.get(glob);
  if (re) return re;
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        out += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  re = new RegExp('^(?:.*/)?' + out + '$');
  globCache.set(glob, re);
  return re;
}

function extOf(file: string): string {
  return path.extname(file).slice(1).toLowerCase();
}

/** JSON files above this size are streamed element by element instead of parsed whole. */
export const JSON_STREAM_THRESHOLD = 64 * 1024 * 1024;

/** Workbooks whose sheets inflate past this are read by the streaming reader (0: every workbook). */
export const XLSX_STREAM_THRESHOLD = 0;

export interface LoadOptions {
  jsonStreamThreshold?: number;
  /** Total inflated size of a workbook's sheets above which it is streamed (0: always). */
  xlsxStreamThreshold?: number;
  zipLimits?: ZipLimits;
}

/** Read one export file and yield its guides, load errors and notices. Never throws. */
export async function* loadFile(file: FileRef, source: SourceConfig | undefined, opts: LoadOptions = {}): AsyncGenerator<LoadEvent> {
  const s = sourceSettings(source);
  const ext = extOf(file.abs);
  try {
    if (ext === 'jsonl' || ext === 'ndjson') {
      yield* jsonlToGuides(file.display, file.abs, s, file.range);
      return;
    }
    const size = (await stat(file.abs)).size;
    if ((ext === 'xlsx' || ext === 'xlsm') && size > 0) {
      const streamed = await readXlsxStreamed(file, s, opts);
      if (streamed) {
        yield* streamed;
        return;
      }
    }
    if (ext === 'json' && size > (opts.jsonStreamThreshold ?? JSON_STREAM_THRESHOLD)) {
      yield* streamedJsonToGuides(file.display, file.abs, s);
      return;
    }
    const buf = await readFile(file.abs);
    const kind = sniff(buf);
    // The extension is a claim: a .json that is not JSON, or an .xlsx that is not a zip, cannot be read.
    if (ext === 'json' && kind !== 'json' && kind !== 'empty') {
      yield { kind: 'error', error: { file: file.display, message: '扩展名为 .json，但内容不是 JSON' } };
      return;
    }
    if ((ext === 'xlsx' || ext === 'xlsm') && kind !== 'zip' && kind !== 'empty') {
      yield { kind: 'error', error: { file: file.display, message: `扩展名为 .${ext}，但内容不是 Excel 工作簿` } };
      return;
    }
    switch (kind) {
      case 'empty':
        yield { kind: 'error', error: { file: file.display, message: '文件为空' } };
        return;
      case 'binary':
        yield { kind: 'error', error: { file: file.display, message: '不是可识别的导出文件（既不是 Excel，也不是 CSV 或 JSON）' } };
        return;
      case 'zip': {
        const entries = zipEntries(buf);
        const big = entries && oversizedEntry(entries, opts.zipLimits);
        const liar = entries && !big ? impossibleEntry(entries) : undefined;
        if (liar) {
          yield { kind: 'error', error: { file: file.display, message: `压缩包中的“${liar.name}”声明的解压后大小（${liar.size} 字节）小于其压缩数据（${liar.compressed} 字节），文件已损坏或被篡改，已拒绝读取` } };
          return;
        }
        if (big) {
          const mb = (n: number) => (n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0);
          yield {
            kind: 'error',
            error: {
              file: file.display,
              message: `压缩包中的“${big.name}”解压后将达 ${mb(big.size)} MB（压缩后 ${mb(big.compressed)} MB，约 ${Math.round(big.size / Math.max(1, big.compressed))} 倍），超过读取限制，疑似压缩炸弹，已拒绝读取（限制可在配置文件 limits 中调整）`,
            },
          };
          return;
        }
        yield* tablesToGuides(file.display, readWorkbookTables(buf, 'buffer'), s);
        return;
      }
      case 'ole': {
        yield* tablesToGuides(file.display, readWorkbookTables(buf, 'buffer'), s);
        return;
      }
      case 'html': {
        yield* tablesToGuides(file.display, readWorkbookTables(decodeText(buf).text, 'string'), s);
        return;
      }
      case 'json': {
        const text = decodeText(buf).text.replace(/^\uFEFF/, '');
        let doc: unknown;
        try {
          doc = JSON.parse(text);
        } catch (e) {
          // One object per line in a file named .json: read it as JSONL.
          const first = text.split('\n', 1)[0]!;
          if (looksLikeJsonl(first)) {
            yield* jsonlToGuides(file.display, file.abs, s);
            return;
          }
          const { line, message } = jsonErrorPosition(text, e as Error);
          yield { kind: 'error', error: { file: file.display, ...(line ? { line } : {}), message: `不是合法的 JSON${line ? `（第 ${line} 行附近）` : ''}：${message}` } };
          return;
        }
        yield* jsonDocToGuides(file.display, doc, s);
        return;
      }
      case 'text': {
        const text = decodeText(buf).text;
        const { table, errors } = csvToTable(text, ext === 'tsv' ? '\t' : undefined);
        for (const e of errors.slice(0, 20)) {
          yield { kind: 'error', error: { file: file.display, line: e.line, message: `CSV 第 ${e.line} 行格式有误：${e.message}` } };
        }
        yield* tablesToGuides(file.display, [table], s);
        return;
      }
    }
  } catch (e) {
    const msg = e instanceof WorkbookError ? e.message : `读取失败：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    yield { kind: 'error', error: { file: file.display, message: msg } };
  }
}

/**
 * Workbooks go to the streaming reader (all of them by default; `xlsxStreamThreshold` keeps small
 * ones on SheetJS): SheetJS holds each sheet's XML as one string and loses a sheet past V8's string
 * limit. Undefined: take the SheetJS path (a bomb, a broken directory, or what the streaming reader
 * does not understand and SheetJS still can).
 */
/** Past this, SheetJS cannot hold a sheet's XML (V8's string limit): no fallback to it. */
const SHEETJS_MAX_SHEET_BYTES = 400 * 1024 * 1024;

async function readXlsxStreamed(file: FileRef, s: ReturnType<typeof sourceSettings>, opts: LoadOptions): Promise<Generator<LoadEvent> | AsyncGenerator<LoadEvent> | undefined> {
  const fh = await open(file.abs, 'r');
  let tail: Buffer;
  let base: number;
  try {
    const { size } = await fh.stat();
    // The central directory of a workbook is small; 4 MB is ample for thousands of sheets.
    const n = Math.min(size, 4 * 1024 * 1024);
    base = size - n;
    tail = Buffer.alloc(n);
    await fh.read(tail, 0, n, base);
  } finally {
    await fh.close();
  }
  const entries = zipEntries(tail, base);
  // Bombs and broken directories take the ordinary path, which refuses them before inflating.
  if (!entries || oversizedEntry(entries, opts.zipLimits) || impossibleEntry(entries)) return undefined;
  const sheetBytes = entries.filter((e) => /^xl\/worksheets\/.+\.xml$/.test(e.name)).reduce((a, e) => a + e.size, 0);
  const threshold = opts.xlsxStreamThreshold ?? XLSX_STREAM_THRESHOLD;
  if (sheetBytes <= threshold && threshold > 0) return undefined;
  const limits = opts.zipLimits ?? DEFAULT_ZIP_LIMITS;
  let tables;
  try {
    tables = await readWorkbookTablesStreaming(file.abs, limits);
  } catch (e) {
    // A workbook the streaming reader does not understand gets SheetJS (below); a bomb does not.
    if (e instanceof WorkbookError && /压缩炸弹/.test(e.message)) throw e;
    if (sheetBytes > SHEETJS_MAX_SHEET_BYTES) throw e;
    return undefined;
  }
  return tablesToGuides(file.display, tables, s);
}

function looksLikeJsonl(line: string): boolean {
  const t = line.trim();
  if (!t.startsWith('{')) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}
