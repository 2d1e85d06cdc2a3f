// Maps one flat record (original field name → value) onto the canonical guide, material or step.
// Shared by every layout: Excel/CSV rows and JSON objects both arrive here as records.
import { headerKey, type FieldMap } from '../fields.js';
import { levelCode, mapCode, mapItemType } from '../codes.js';
import { emptyGuide, type Guide, type Material, type Step, type SourceLocation, type LawEntry, type SpecialEntry, type Window } from '../model.js';
import { cleanText, nfkc } from '../normalize.js';
import type { SourceSettings } from './source.js';

export type FlatRecord = Record<string, string>;

/** Turn any JSON value into the text a user would see. */
export function asText(v: unknown): string | undefined {
  if (v == null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

/** What an original header means: its canonical key's slot, whether it is a `*_TEXT` label, a phone column. */
type HeaderInfo = { slot: number; isText: boolean; phone: boolean } | null;

/** Per field map: a slot per canonical key, and what each header seen so far means. */
interface FieldPlan {
  slots: Map<string, number>;
  /** Canonical key of each slot. */
  keys: string[];
  headers: Map<string, HeaderInfo>;
}

const plans = new WeakMap<FieldMap, FieldPlan>();

function planOf(map: FieldMap): FieldPlan {
  let plan = plans.get(map);
  if (!plan) {
    const slots = new Map<string, number>();
    for (const key of map.values()) if (!slots.has(key)) slots.set(key, slots.size);
    plans.set(map, (plan = { slots, keys: [...slots.keys()], headers: new Map() }));
  }
  return plan;
}

function headerInfo(map: FieldMap, plan: FieldPlan, header: string): HeaderInfo {
  let info = plan.headers.get(header);
  if (info === undefined) {
    const hk = headerKey(header);
    // A `*_TEXT` companion belongs to the field it labels, whether or not it is listed itself.
    const key = map.get(hk) ?? (hk.endsWith('text') ? map.get(hk.slice(0, -4)) : undefined);
    info = key ? { slot: plan.slots.get(key)!, isText: /_?text$/i.test(header), phone: key === 'consultPhone' || key === 'windowPhone' } : null;
    // Headers repeat on every record; only hostile input has unbounded distinct ones.
    if (plan.headers.size > 10_000) plan.headers.clear();
    plan.headers.set(header, info);
  }
  return info;
}

/** Text with a character other than white space (what `trim() !== ''` tells, without a copy). */
const NOT_BLANK = /\S/;

/** A record's fields by canonical key: for each key, the header and value that won. */
class Picked {
  readonly header: (string | undefined)[] = [];
  readonly value: string[] = [];
  /** Per slot: the value came from a `*_TEXT` label / is blank. */
  readonly text: boolean[] = [];
  readonly blank: boolean[] = [];
  /** Slots in the order their first header came. */
  readonly order: number[] = [];

  constructor(private readonly plan: FieldPlan) {}

  set(slot: number, header: string, value: string, text: boolean, blank: boolean): void {
    if (this.header[slot] === undefined) this.order.push(slot);
    this.header[slot] = header;
    this.value[slot] = value;
    this.text[slot] = text;
    this.blank[slot] = blank;
  }

  /** The header and value of a canonical key, blank or not. */
  get(key: string): { header: string; value: string } | undefined {
    const slot = this.plan.slots.get(key);
    if (slot === undefined) return undefined;
    const header = this.header[slot];
    return header === undefined ? undefined : { header, value: this.value[slot]! };
  }

  /** The value of a canonical key, unless absent or blank. */
  val(key: string): string | undefined {
    const slot = this.plan.slots.get(key);
    return slot === undefined || this.header[slot] === undefined || this.blank[slot] ? undefined : this.value[slot];
  }

  /** Canonical key → header, in the order the headers came. */
  *sources(): Generator<[string, string]> {
    for (const slot of this.order) yield [this.plan.keys[slot]!, this.header[slot]!];
  }
}

/**
 * Group a record's fields by canonical key; `*_TEXT` companions win over codes. `phones` collects every
 * consulting-phone column (a sheet may have both 咨询电话 and 联系电话).
 */
function pick(record: FlatRecord, map: FieldMap, phones?: { header: string; value: string }[]): Picked {
  const plan = planOf(map);
  const out = new Picked(plan);
  for (const header in record) {
    const info = headerInfo(map, plan, header);
    if (!info) continue;
    const slot = info.slot;
    const v = cleanText(record[header]!);
    const blank = !NOT_BLANK.test(v);
    if (info.phone && phones && !blank) phones.push({ header, value: v });
    const seen = out.header[slot] !== undefined;
    if (blank) {
      if (!seen) out.set(slot, header, v, false, true);
      continue;
    }
    if (!seen || out.blank[slot] || (info.isText && !out.text[slot])) out.set(slot, header, v, info.isText, false);
  }
  return out;
}

const val = (fields: Picked, key: string): string | undefined => fields.val(key);

export interface GuideExtras {
  materials?: Material[];
  steps?: Step[];
  processText?: string;
  windows?: Window[];
  legalBasis?: LawEntry[];
  specialEntries?: SpecialEntry[];
}

export function recordToGuide(record: FlatRecord, loc: SourceLocation, settings: SourceSettings, extras: GuideExtras = {}): Guide {
  const phones: { header: string; value: string }[] = [];
  const f = pick(record, settings.guideFields, phones);
  const c = settings.codes;
  const g = emptyGuide(loc);
  for (const [key, header] of f.sources()) g.sources[key] = header;
  // The record is built afresh for this guide by its loader and never changed after: no copy needed.
  g.raw = record;

  g.name = val(f, 'name')?.trim();
  g.code = val(f, 'code')?.trim();
  g.handleCode = val(f, 'handleCode')?.trim();
  g.baseCode = val(f, 'baseCode')?.trim();
  g.itemType = mapItemType(c.itemType, val(f, 'itemType'));
  const level = val(f, 'level');
  g.level = mapCode(c.level, level);
  g.levelCode = levelCode(level);
  g.department = val(f, 'department')?.trim();
  g.departmentCode = val(f, 'departmentCode')?.trim();
  g.region = val(f, 'region')?.trim();
  g.caseType = mapCode(c.caseType, val(f, 'caseType'));

  g.legalLimit = limit(val(f, 'legalLimit'), val(f, 'legalLimitUnit'), val(f, 'legalLimitExplain'), c.timeUnit);
  g.promisedLimit = limit(val(f, 'promisedLimit'), val(f, 'promisedLimitUnit'), val(f, 'promisedLimitExplain'), c.timeUnit);

  g.address = val(f, 'address');
  g.hours = val(f, 'hours');
  for (const key of ['consultPhone', 'windowPhone'] as const) {
    const v = val(f, key);
    if (v !== undefined) g.consultPhones.push({ field: f.get(key)!.header, value: v });
  }
  // Other consulting-phone columns (a sheet may have both 咨询电话 and 联系电话).
  for (const { header, value } of phones) {
    if (!g.consultPhones.some((p) => p.field === header)) g.consultPhones.push({ field: header, value });
  }
  g.complaintPhone = val(f, 'complaintPhone');
  g.legalBasisText = val(f, 'legalBasis');
  for (const key of ['specialStep', 'specialProcedure', 'intermediary'] as const) {
    const e = f.get(key);
    if (e) g.special.push({ field: e.header, value: e.value });
  }
  g.acceptConditions = val(f, 'acceptConditions');
  g.result = val(f, 'result');
  g.isFee = mapCode(c.isFee, val(f, 'isFee'));
  g.visits = val(f, 'visits');
  g.onlineDepth = mapCode(c.onlineDepth, val(f, 'onlineDepth'));
  g.flowchart = val(f, 'flowchart');
  g.rongque = val(f, 'rongque');
  g.processText = extras.processText ?? val(f, 'processText');

  if (extras.materials) g.materials = extras.materials;
  if (extras.steps) g.steps = extras.steps;
  if (extras.windows) g.windows = extras.windows;
  if (extras.legalBasis) g.legalBasis = extras.legalBasis;
  if (extras.specialEntries) g.specialEntries = extras.specialEntries;
  return g;
}

function limit(value: string | undefined, unit: string | undefined, explanation: string | undefined, unitTable: Record<string, string>) {
  const out: Guide['legalLimit'] = {};
  if (value !== undefined) {
    out.text = value;
    if (/^\s*\d+(\.\d+)?\s*$/.test(nfkc(value))) out.number = value.trim();
  }
  if (unit !== undefined) {
    out.unitRaw = unit;
    out.unit = mapCode(unitTable, unit);
  }
  if (explanation !== undefined) out.explanation = explanation;
  return out;
}

export function recordToMaterial(record: FlatRecord, index: number, loc: SourceLocation | undefined, settings: SourceSettings): Material {
  const f = pick(record, settings.materialFields);
  const c = settings.codes;
  const m: Material = { index, raw: record };
  if (loc) m.loc = loc;
  put(m, 'name', val(f, 'name')?.trim());
  put(m, 'type', mapCode(c.materialType, val(f, 'type')));
  put(m, 'form', mapCode(c.form, val(f, 'form')));
  put(m, 'original', val(f, 'original'));
  put(m, 'copy', val(f, 'copy'));
  put(m, 'count', val(f, 'count'));
  put(m, 'source', mapCode(c.source, val(f, 'source')));
  put(m, 'sourceNote', val(f, 'sourceNote'));
  put(m, 'issuer', val(f, 'issuer'));
  put(m, 'necessity', mapCode(c.necessity, val(f, 'necessity')));
  put(m, 'blankForm', val(f, 'blankForm')?.trim());
  put(m, 'sampleForm', val(f, 'sampleForm')?.trim());
  put(m, 'remark', val(f, 'remark'));
  return m;
}

export function recordToStep(record: FlatRecord, index: number, loc: SourceLocation | undefined, settings: SourceSettings): Step {
  const f = pick(record, settings.stepFields);
  const s: Step = { index };
  if (loc) s.loc = loc;
  put(s, 'name', val(f, 'name')?.trim());
  put(s, 'limit', val(f, 'limit'));
  put(s, 'person', val(f, 'person'));
  put(s, 'standard', val(f, 'standard'));
  put(s, 'result', val(f, 'result'));
  return s;
}

/** Set a field only when it has a value, so that absent fields stay absent. */
function put<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined): void {
  if (v !== undefined) o[k] = v;
}

/** Key used to join material/step rows to their guide (FIELDS.md §2.1). */
export function linkKeys(record: { code?: string; handleCode?: string; department?: string; name?: string }): string[] {
  const keys: string[] = [];
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  if (record.code) keys.push('c:' + norm(record.code));
  if (record.handleCode) keys.push('c:' + norm(record.handleCode));
  if (record.department && record.name) keys.push('dn:' + norm(record.department) + '|' + norm(record.name));
  if (record.name) keys.push('n:' + norm(record.name));
  return keys;
}
