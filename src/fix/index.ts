// `--fix-out DIR`: a corrected copy of every export, in the same layout and file type, written under
// DIR at the path the user named it by; only fixes with one right answer (see fields.ts), each one
// listed. The inputs are only ever read.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { ConfigError } from '../errors.js';
import { JSON_STREAM_THRESHOLD, sourceFor } from '../loaders/index.js';
import { readWorkbookTables } from '../loaders/excel.js';
import { csvToTable } from '../loaders/csv.js';
import { sniff } from '../loaders/decode.js';
import { sourceSettings } from '../loaders/source.js';
import type { FileRef } from '../loaders/types.js';
import { writeAtomic } from '../output.js';
import { impossibleEntry, oversizedEntry, zipEntries, type ZipLimits } from '../zip-directory.js';
import { csvDelimiter, rewriteCsv } from './csv-writer.js';
import { decodeForRewrite, encodeText } from './encoding.js';
import type { FixId } from './fields.js';
import { fixJsonlText, fixJsonText } from './json-writer.js';
import { planTableFixes, type GuideRef } from './plan.js';
import { rewriteWorkbook } from './xlsx-writer.js';

export { FIX_IDS, FIX_LABELS, fixValue, type FixId } from './fields.js';

/** One corrected value (the report's `fixes` entries). */
export interface FixChange {
  file: string;
  /** The corrected copy it was written to. */
  output: string;
  sheet?: string;
  row?: number;
  line?: number;
  index?: number;
  /** Excel cell address (`F12`). */
  cell?: string;
  /** Column header or key as written (`window[0].window_tel` inside a JSON guide). */
  column: string;
  /** Chinese element name. */
  field: string;
  guide: GuideRef;
  before: string;
  after: string;
  fixes: FixId[];
}

export interface FixOutResult {
  dir: string;
  files: number;
  changedFiles: number;
  changes: FixChange[];
  notices: string[];
}

/** Where a file's corrected copy goes: DIR + the path as the user named it (no root, no `..`). */
export function fixOutputPath(file: FileRef, outDir: string): string {
  const rel = file.display
    .replace(/^[A-Za-z]:/, '')
    .split('/')
    .filter((p) => p !== '' && p !== '.' && p !== '..')
    .join('/');
  return path.join(outDir, rel || path.basename(file.abs));
}

async function real(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    // Not there yet: resolve the nearest existing parent.
    const parent = path.dirname(p);
    if (parent === p) return p;
    return path.join(await real(parent), path.basename(p));
  }
}

/** Refuse a DIR whose copies would overwrite an input, or two inputs landing on one copy. Throws ConfigError. */
export async function checkFixOut(files: FileRef[], outDir: string, cwd: string): Promise<Map<string, string>> {
  const dir = path.resolve(cwd, outDir);
  const st = await stat(dir).catch(() => undefined);
  if (st && !st.isDirectory()) throw new ConfigError(`--fix-out ${outDir} 已存在且不是文件夹`);
  const inputs = new Set(await Promise.all(files.map((f) => real(f.abs))));
  const outputs = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const f of files) {
    const out = fixOutputPath(f, dir);
    const r = await real(out);
    if (inputs.has(r)) throw new ConfigError(`--fix-out ${outDir}：修正后的副本 ${path.relative(cwd, out) || out} 会覆盖输入文件 ${f.display}，请换一个文件夹`);
    const other = seen.get(r);
    if (other) throw new ConfigError(`--fix-out ${outDir}：${other} 和 ${f.display} 的副本会写到同一个位置，请分别运行`);
    seen.set(r, f.display);
    outputs.set(f.abs, out);
  }
  return outputs;
}

interface FileFix {
  bytes: Uint8Array;
  changes: Omit<FixChange, 'file' | 'output'>[];
  notices: string[];
}

function extOf(file: string): string {
  return path.extname(file).slice(1).toLowerCase();
}

const unchanged = (buf: Uint8Array, notices: string[] = []): FileFix => ({ bytes: buf, changes: [], notices });

function fixText(buf: Uint8Array, file: FileRef, edit: (text: string) => { text: string; changes: FileFix['changes']; notices?: string[] }): FileFix {
  const decoded = decodeForRewrite(buf);
  if (!decoded) return unchanged(buf, [`${file.display} 的编码无法原样写回，未修正（已原样复制）`]);
  const r = edit(decoded.text);
  if (r.changes.length === 0) return unchanged(buf, r.notices);
  const bytes = encodeText(r.text, decoded.encoding);
  if (!bytes) return unchanged(buf, [...(r.notices ?? []), `${file.display} 中修正后的内容无法用原编码（${decoded.encoding}）写出，未修正（已原样复制）`]);
  return { bytes, changes: r.changes, notices: r.notices ?? [] };
}

async function fixFile(file: FileRef, config: Config, zipLimits: ZipLimits | undefined): Promise<FileFix> {
  const buf = new Uint8Array(await readFile(file.abs));
  const ext = extOf(file.abs);
  const s = sourceSettings(sourceFor(file, config.sources));
  const kind = sniff(buf);
  const jsonChanges = (r: ReturnType<typeof fixJsonText>) => ({
    text: r.text,
    changes: r.changes.map((c) => ({ ...locFields(c.loc), column: c.column, field: c.field, guide: c.guide, before: c.before, after: c.after, fixes: c.fixes })),
  });
  if (ext === 'jsonl' || ext === 'ndjson') return fixText(buf, file, (t) => jsonChanges(fixJsonlText(t, file.display, s)));
  switch (kind) {
    case 'zip':
    case 'ole': {
      if (kind === 'zip') {
        const entries = zipEntries(buf);
        if (entries && (oversizedEntry(entries, zipLimits) || impossibleEntry(entries))) return unchanged(buf);
      }
      let tables;
      try {
        tables = readWorkbookTables(buf, 'buffer');
      } catch {
        return unchanged(buf);
      }
      const planned = planTableFixes(file.display, tables, s);
      if (planned.length === 0) return unchanged(buf);
      const bookType = kind === 'ole' ? 'biff8' : ext === 'xlsm' ? 'xlsm' : 'xlsx';
      const r = rewriteWorkbook(buf, bookType, planned, file.display);
      if (!r.bytes) return unchanged(buf, r.notices);
      return {
        bytes: r.bytes,
        notices: r.notices,
        changes: r.applied.map((p) => ({
          ...(p.sheet !== undefined ? { sheet: p.sheet } : {}), row: p.pos, cell: p.cell, column: p.header, field: p.field, guide: p.guide, before: p.before, after: p.after, fixes: p.fixes,
        })),
      };
    }
    case 'json':
      if (buf.length > JSON_STREAM_THRESHOLD) return unchanged(buf, [`${file.display} 过大，未修正（已原样复制）`]);
      return fixText(buf, file, (t) => {
        try {
          return jsonChanges(fixJsonText(t, file.display, s));
        } catch {
          // One object per line in a file named .json (the loader reads it as JSONL), or not JSON at all.
          return jsonChanges(fixJsonlText(t, file.display, s));
        }
      });
    case 'text':
      return fixText(buf, file, (t) => {
        const planned = planTableFixes(file.display, [csvToTable(t, ext === 'tsv' ? '\t' : undefined).table], s);
        const r = rewriteCsv(t, csvDelimiter(t, ext), planned, file.display);
        return { text: r.text, notices: r.notices, changes: r.applied.map((p) => ({ line: p.pos, column: p.header, field: p.field, guide: p.guide, before: p.before, after: p.after, fixes: p.fixes })) };
      });
    case 'html':
      return unchanged(buf, [`${file.display} 是网页格式的表格，不支持写回，未修正（已原样复制）`]);
    default:
      return unchanged(buf);
  }
}

function locFields(loc: { line?: number; index?: number }): { line?: number; index?: number } {
  return loc.line !== undefined ? { line: loc.line } : loc.index !== undefined ? { index: loc.index } : {};
}

const pos = (c: FixChange) => c.row ?? c.line ?? c.index ?? 0;
const cmp = (a: string | undefined, b: string | undefined) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

/** Write the corrected copy of every file (unchanged files are copied as they are). */
export async function fixExports(
  files: FileRef[],
  opts: { cwd: string; outDir: string; config?: Config; zipLimits?: ZipLimits; outputs?: Map<string, string> },
): Promise<FixOutResult> {
  const outputs = opts.outputs ?? (await checkFixOut(files, opts.outDir, opts.cwd));
  const changes: FixChange[] = [];
  const notices: string[] = [];
  let changedFiles = 0;
  let written = 0;
  for (const f of files) {
    let r: FileFix;
    try {
      r = await fixFile(f, opts.config ?? {}, opts.zipLimits);
    } catch (e) {
      const buf = await readFile(f.abs).catch(() => undefined);
      if (!buf) continue; // unreadable: the audit reports it
      r = unchanged(new Uint8Array(buf), [`${f.display} 修正时出错（${(e as Error).message}），已原样复制`]);
    }
    const out = outputs.get(f.abs) ?? fixOutputPath(f, path.resolve(opts.cwd, opts.outDir));
    try {
      await writeAtomic(out, r.bytes);
    } catch (e) {
      throw new ConfigError(`无法写入 ${out}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    written++;
    const display = displayOut(out, opts.cwd);
    if (r.changes.length) changedFiles++;
    for (const c of r.changes) changes.push({ file: f.display, output: display, ...c });
    notices.push(...r.notices);
  }
  changes.sort((a, b) => cmp(a.file, b.file) || cmp(a.sheet, b.sheet) || pos(a) - pos(b) || cmp(a.column, b.column) || cmp(a.before, b.before));
  // The copies are the export files only: audited alone, their form references would find no files.
  if (written) notices.push(`修正后的副本只包含导出文件，不含附件；复核副本时请加 --attachments 指向原来的导出文件夹，否则空白表格、示例样表和流程图无法核验`);
  return { dir: displayOut(path.resolve(opts.cwd, opts.outDir), opts.cwd), files: written, changedFiles, changes, notices };
}

function displayOut(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  const s = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
  return s.split(path.sep).join('/');
}
