// Resolves blank-form, sample-form and flowchart references (FIELDS.md §5) to files, and inspects each
// file once however many guides reference it. Files are opened only inside the export file's folder or
// a named attachment folder; absolute and `../` paths are looked up by base name; links pointing out
// are never followed.
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { isEmpty, isNegative } from '../normalize.js';
import { displayPath } from '../loaders/index.js';
import { DEFAULT_INSPECT_LIMITS, inspectBytes, type InspectLimits } from './inspect.js';
import type { Inspection, RefResolution } from './types.js';

interface Entry {
  /** Path relative to the root, `/` separators. */
  rel: string;
  abs: string;
  /** A symbolic link whose target is outside every root. */
  outside: boolean;
}

interface RootIndex {
  root: string;
  /** How the root is shown in reports (relative to the working directory as the user named it). */
  display: string;
  byRel: Map<string, Entry>;
  byName: Map<string, Entry[]>;
  byStem: Map<string, Entry[]>;
  /** Files other than the audited exports: zero means there is no attachment store. */
  candidates: number;
}

const MAX_ENTRIES = 500_000;

/**
 * Files that make a folder an attachment store: the kinds forms and flowcharts come in, and files
 * with no extension (stored under their GUID). A stray README or log does not: with it alone, every
 * reference would be "not found" instead of "offered, content not verified".
 */
const ATTACHMENT_EXTENSIONS = new Set(['doc', 'docx', 'wps', 'rtf', 'pdf', 'ofd', 'xls', 'xlsx', 'et', 'jpg', 'jpeg', 'png', 'gif', 'bmp', 'tif', 'tiff', 'webp', 'zip', 'rar', '7z']);
function looksLikeAttachment(name: string): boolean {
  const m = /\.([^.]+)$/.exec(name);
  return !m || ATTACHMENT_EXTENSIONS.has(m[1]!.toLowerCase());
}
const SKIP_DIRS = new Set(['node_modules']);

const lower = (s: string) => s.toLowerCase();
const stemOf = (name: string) => name.replace(/\.[^.]*$/, '');
function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}
const isInside = (dir: string, p: string) => p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

export interface StoreOptions {
  /** Extra attachment folders (`--attachments`), as the user named them, resolved against cwd. */
  dirs?: string[];
  cwd: string;
  /** Absolute paths of the audited export files: not attachments. */
  exports: ReadonlySet<string>;
  /** Absolute paths (files or folders) that are the tool's own output: never attachments. */
  exclude?: readonly string[];
  limits?: InspectLimits;
}

export class AttachmentStore {
  private readonly roots = new Map<string, Promise<RootIndex>>();
  private readonly inspections = new Map<string, Promise<Inspection>>();
  /** Inspections already finished, to answer without waiting. */
  private readonly inspected = new Map<string, Inspection>();
  /** Per export file (path and display), its roots: indexing while pending, then the indexes. */
  private readonly rootsByExport = new Map<string, Promise<RootIndex[]> | RootIndex[]>();
  private readonly extra: { abs: string; display: string }[];
  private allowed: string[] | undefined;
  readonly stats = { urls: 0, unverified: 0, inspected: 0 };

  constructor(private readonly opts: StoreOptions) {
    this.extra = (opts.dirs ?? []).map((d) => ({ abs: path.resolve(opts.cwd, d), display: displayPath(d) }));
  }

  /** Resolve a reference written in an export file (absolute path `exportAbs`, shown as `exportDisplay`). */
  async resolve(ref: string | undefined, exportAbs: string, exportDisplay: string): Promise<RefResolution> {
    return this.resolveNow(ref, exportAbs, exportDisplay);
  }

  /**
   * `resolve`, answered at once when nothing has to be read: empty references, URLs, and every
   * reference once the folders are indexed, except found files not inspected yet. A guide has a
   * dozen references, almost all empty: awaiting each would cost more than the rules.
   */
  resolveNow(ref: string | undefined, exportAbs: string, exportDisplay: string): RefResolution | Promise<RefResolution> {
    const raw = (ref ?? '').trim();
    if (isEmpty(raw) || isNegative(raw)) return { status: 'empty' };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
      this.stats.urls++;
      let pathname = raw;
      try {
        pathname = decodeURIComponent(new URL(raw).pathname);
      } catch { /* keep the raw text */ }
      const ext = /\.([a-z0-9]{1,6})$/i.exec(pathname.replace(/\/+$/, ''))?.[1]?.toLowerCase();
      return ext ? { status: 'url', ref: raw, extension: ext } : { status: 'url', ref: raw };
    }
    const key = `${exportAbs}\u0000${exportDisplay}`;
    let roots = this.rootsByExport.get(key);
    if (!roots) {
      const p = Promise.all([
        this.rootIndex(path.dirname(exportAbs), displayPath(path.dirname(exportDisplay))),
        ...this.extra.map((d) => this.rootIndex(d.abs, d.display)),
      ]);
      this.rootsByExport.set(key, p);
      void p.then((r) => this.rootsByExport.set(key, r), () => undefined);
      roots = p;
    }
    if (roots instanceof Promise) return roots.then((r) => this.resolveIn(r, raw));
    return this.resolveIn(roots, raw);
  }

  private resolveIn(roots: RootIndex[], raw: string): RefResolution | Promise<RefResolution> {
    const entry = lookup(roots, raw);
    if (!entry) {
      if (roots.every((r) => r.candidates === 0)) {
        this.stats.unverified++;
        return { status: 'noStore', ref: raw };
      }
      return { status: 'notFound', ref: raw };
    }
    const file = displayPath(path.join(entry.root.display, entry.entry.rel));
    if (entry.entry.outside) return { status: 'outside', ref: raw, file };
    const done = this.inspected.get(entry.entry.abs);
    if (done) return { status: 'found', ref: raw, file, inspection: done };
    return this.inspect(entry.entry.abs).then((inspection) => ({ status: 'found', ref: raw, file, inspection }));
  }

  private inspect(abs: string): Promise<Inspection> {
    let p = this.inspections.get(abs);
    if (!p) {
      this.stats.inspected++;
      p = readFile(abs).then(
        (buf) => inspectBytes(buf, this.opts.limits ?? DEFAULT_INSPECT_LIMITS),
        () => ({ kind: 'other' as const, readable: false, problem: 'unreadable' as const }),
      );
      // (A failure stays with `p`, whose callers see it; this copy only remembers successes.)
      void p.then((i) => this.inspected.set(abs, i), () => undefined);
      this.inspections.set(abs, p);
    }
    return p;
  }

  /** The named attachment folders, resolved: a link may point into them as well as into its own root. */
  private async allowedDirs(): Promise<string[]> {
    this.allowed ??= await Promise.all(this.extra.map((d) => realpath(d.abs).catch(() => d.abs)));
    return this.allowed;
  }

  private rootIndex(root: string, display: string): Promise<RootIndex> {
    let p = this.roots.get(root);
    if (!p) {
      p = this.buildIndex(root, display);
      this.roots.set(root, p);
    }
    return p;
  }

  private async buildIndex(root: string, display: string): Promise<RootIndex> {
    const idx: RootIndex = { root, display, byRel: new Map(), byName: new Map(), byStem: new Map(), candidates: 0 };
    const rootReal = await realpath(root).catch(() => root);
    const allowed = [rootReal, ...(await this.allowedDirs())];
    let count = 0;
    const walk = async (dir: string, rel: string): Promise<void> => {
      let list;
      try {
        list = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const d of list) {
        if (count >= MAX_ENTRIES) return;
        const abs = path.join(dir, d.name);
        const r = rel ? `${rel}/${d.name}` : d.name;
        if (this.opts.exclude?.some((e) => abs === e || abs.startsWith(e + path.sep))) continue;
        if (d.isDirectory()) {
          if (d.name.startsWith('.') || SKIP_DIRS.has(d.name)) continue;
          await walk(abs, r);
        } else if (d.isFile() || d.isSymbolicLink()) {
          if (d.name.startsWith('~$')) continue;
          let outside = false;
          if (d.isSymbolicLink()) {
            const target = await realpath(abs).catch(() => undefined);
            if (!target) continue; // dangling
            const st = await lstat(target).catch(() => undefined);
            if (st?.isDirectory()) continue; // linked folders are not walked
            outside = !allowed.some((a) => isInside(a, target));
          }
          count++;
          const e: Entry = { rel: r, abs, outside };
          idx.byRel.set(lower(r), e);
          push(idx.byName, lower(d.name), e);
          push(idx.byStem, lower(stemOf(d.name)), e);
          if (!this.opts.exports.has(abs) && looksLikeAttachment(d.name)) idx.candidates++;
        }
      }
    };
    await walk(root, '');
    return idx;
  }
}

/** Find a reference: a relative path first, else by base name, else by name without extension (GUIDs). */
function lookup(roots: RootIndex[], raw: string): { root: RootIndex; entry: Entry } | undefined {
  let rel: string | undefined;
  let base: string;
  if (BARE_NAME.test(raw)) {
    // A bare name (a GUID, `表格.docx`), the usual reference: path and base name are the name itself.
    rel = base = lower(raw);
  } else {
    const ref = raw.replace(/\\/g, '/').replace(/[?#].*$/, '');
    const parts = ref.split('/').filter((p) => p !== '' && p !== '.');
    const climbs = parts.includes('..');
    const absolute = ref.startsWith('/') || /^[a-z]:\//i.test(ref);
    if (!climbs && !absolute && parts.length > 0) rel = lower(parts.join('/'));
    base = lower(parts[parts.length - 1] ?? '');
  }
  if (rel !== undefined) {
    for (const root of roots) {
      const e = root.byRel.get(rel);
      if (e) return { root, entry: e };
    }
  }
  if (!base) return undefined;
  const pick = (m: 'byName' | 'byStem', key: string) => {
    for (const root of roots) {
      const l = root[m].get(key);
      // Several files of that name: the shallowest, then the first by path, so the choice is stable.
      if (l?.length) return { root, entry: [...l].sort((a, b) => a.rel.split('/').length - b.rel.split('/').length || (a.rel < b.rel ? -1 : 1))[0]! };
    }
    return undefined;
  };
  return pick('byName', base) ?? (/\.[a-z0-9]{1,6}$/i.test(base) ? undefined : pick('byStem', base));
}

/** A reference with no path syntax in it: no separators, query, fragment, and not `.` or `..`. */
const BARE_NAME = /^(?!\.\.?$)[^/\\?#]+$/;
