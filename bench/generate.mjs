#!/usr/bin/env node
// Benchmark data: realistic 政务服务事项 guide exports of an invented province (河洛省), deterministic.
//
//   node bench/generate.mjs [--out DIR] [--quick] [--big] [--only NAME[,NAME]] [--regen] [--list]
//
// Datasets (each in its own folder, so that the audit's attachment lookup sees nothing else):
//   jsonl-10k, jsonl-100k  FIELDS.md layout 2: one guide per line, Chinese keys, nested 申请材料 (3–6)
//                          and 办理流程 (4 steps)
//   xlsx-5k, xlsx-20k      FIELDS.md layout 1: sheets 事项基本信息 (title row + 40 columns), 申请材料 and
//   xlsx-150k (--big)      办理流程, linked by 实施编码
// Default: jsonl-10k, jsonl-100k, xlsx-20k; --quick: jsonl-10k, xlsx-5k; --big adds xlsx-150k.
// Data goes to <os.tmpdir()>/guide-audit-bench unless --out DIR; never into the repository.
// A dataset whose manifest (<out>/<name>.manifest.json) matches the generator version is reused.
//
// The guides are the province's export in its usual order (province, then each city with its counties
// and towns), so a smaller dataset is a prefix of a bigger one of the same layout. About 20 % of the
// guides carry one or two typical defects (phones without area code, addresses without window, times
// without 工作日, legal basis without article content, catch-all materials, …); the rest are written
// the way a sound guide is, so that the audit's findings are those of a realistic export.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { governmentCreditCode, creditCheckChar, implementationCode } from '../fixtures/lib/codes.mjs';
import { mulberry32, guid } from '../fixtures/lib/prng.mjs';
import { lawText } from '../fixtures/lib/catalog.mjs';
import {
  CATALOG, DEPARTMENTS, NAME_A, NAME_B, ROADS, HALLS_CITY, HOURS, BAD_HOURS, SERVICE_OBJECTS, FORMS_OF_HANDLING, DELIVERY,
} from './catalog.mjs';

XLSX.set_fs(fs); // the ESM build of SheetJS needs fs handed over for writeFile

/** Bump when the data changes: cached datasets with another version are regenerated. */
export const GENERATOR_VERSION = 3;
export const SEED = 20250601;
export const DEFAULT_OUT = path.join(os.tmpdir(), 'guide-audit-bench');

export const DATASETS = {
  'jsonl-10k': { format: 'jsonl', guides: 10_000, file: 'guides.jsonl' },
  'jsonl-100k': { format: 'jsonl', guides: 100_000, file: 'guides.jsonl' },
  'xlsx-5k': { format: 'xlsx', guides: 5_000, file: 'guides.xlsx' },
  'xlsx-20k': { format: 'xlsx', guides: 20_000, file: 'guides.xlsx' },
  'xlsx-150k': { format: 'xlsx', guides: 150_000, file: 'guides.xlsx' },
};

export function datasetNames({ quick = false, big = false } = {}) {
  if (quick) return ['jsonl-10k', 'xlsx-5k', ...(big ? ['xlsx-150k'] : [])];
  return ['jsonl-10k', 'jsonl-100k', 'xlsx-20k', ...(big ? ['xlsx-150k'] : [])];
}

/** Item types the audit skips by default (README: 依申请类 only). */
const NON_APPLICATION = new Set(['行政处罚', '行政强制', '行政检查', '行政征收']);

// =============================================================================================
// Random helpers
// =============================================================================================

function hash32(...parts) {
  let h = 0x811c9dc5;
  for (const p of parts) {
    const s = String(p);
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x7c, 0x01000193);
  }
  return h >>> 0;
}
const rngFor = (...parts) => mulberry32(hash32(SEED, ...parts));
const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const int = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const digits = (rand, n) => {
  let s = String(int(rand, 2, 8));
  while (s.length < n) s += String(int(rand, 0, 9));
  return s;
};
function weighted(rand, entries) {
  const total = entries.reduce((a, [, w]) => a + w, 0);
  let x = rand() * total;
  for (const [v, w] of entries) if ((x -= w) < 0) return v;
  return entries[entries.length - 1][0];
}

// =============================================================================================
// Places and departments
// =============================================================================================

const PROVINCE_NAME = '河洛省';
const COUNTIES_PER_CITY = 9;
const TOWNS_PER_COUNTY = 5;
/** Names and organisation codes handed out so far: one per walk over the province (see places()). */
function newRegistry() {
  return { used: new Set(), nameRand: rngFor('names'), org: 0 };
}
function placeName(reg, suffix) {
  for (let tries = 0; ; tries++) {
    // Two syllables while they last, then three (towns are many).
    const n = pick(reg.nameRand, NAME_A) + (tries >= 20 ? pick(reg.nameRand, NAME_A) : '') + pick(reg.nameRand, NAME_B);
    if (!reg.used.has(n)) {
      reg.used.add(n);
      return n + suffix;
    }
  }
}

/** A 机关 organisation code body (8 digits), unique in the province. */
function orgBody(reg, rand) {
  reg.org++;
  return String(10_000_000 + reg.org * 37 + int(rand, 0, 36)).slice(-8);
}

function makeDept(place, deptNo, rand) {
  const t = DEPARTMENTS[deptNo];
  let name;
  if (place.kind === 'province') {
    const n = t.city.replace(/^文化广电和旅游局$/, '文化和旅游厅');
    name = place.name + (/(市场监督管理局|医疗保障局|委员会|厅)$/.test(n) ? n : n.replace(/局$/, '厅'));
  } else if (place.kind === 'city') name = place.name + t.city;
  else if (place.kind === 'county') name = deptNo === '23' ? `${place.city.name}${t.city}${place.name.slice(0, -1)}${t.county}` : place.name + t.county;
  else name = place.name.endsWith('街道') ? `${place.name}办事处` : `${place.name}人民政府`;
  const credit = governmentCreditCode(place.division, orgBody(place.reg, rand));
  const level = place.kind === 'city' || place.kind === 'province' ? 0 : 1;
  const win = place.kind === 'town' ? '综合受理窗口' : t.win;
  const windowNo = int(rand, 1, 40);
  let address;
  if (place.kind === 'town') address = `${place.hallAddress}${windowNo}号窗口`;
  else if (t.ownHall && place.kind !== 'province') address = `${place.seat}${pick(rand, ROADS)}${int(rand, 1, 300)}号${name}行政服务大厅${windowNo}号窗口`;
  else address = `${place.hallAddress}${int(rand, 1, 4)}楼${'ABCDE'[int(rand, 0, 4)]}区${windowNo}号窗口`;
  const phoneLen = place.kind === 'county' || place.kind === 'town' ? 7 : 8;
  return {
    no: deptNo,
    name,
    credit,
    office: place.kind === 'town' ? '社会事务办公室' : t.office[level],
    win,
    address,
    hours: place.hours,
    phone: `${place.area}-${digits(rand, phoneLen)}`,
    complaint: rand() < 0.6 ? `${place.area}-12345` : `${place.area}-${digits(rand, phoneLen)}`,
    // How this department's export writes time limits and the legal basis.
    limitStyle: rand() < 0.5 ? 'num' : 'text',
    basisStyle: rand() < 0.4 ? 'structured' : 'text',
    boss: place.kind === 'town' ? '分管副镇长' : '分管负责人',
  };
}

function makePlace(kind, o, rand) {
  const p = { kind, ...o };
  p.hours = pick(rand, HOURS);
  if (kind === 'province') p.hallAddress = `${p.seat}${pick(rand, ROADS)}${int(rand, 1, 200)}号${p.name}政务服务中心`;
  else if (kind === 'city') p.hallAddress = `${p.name}${pick(rand, ROADS)}${int(rand, 1, 300)}号${pick(rand, HALLS_CITY)}`;
  else if (kind === 'county') p.hallAddress = `${p.name}${pick(rand, ROADS)}${int(rand, 1, 200)}号${p.name.slice(-1)}政务服务中心`;
  else p.hallAddress = `${p.county.name}${p.name}${pick(rand, ROADS)}${int(rand, 1, 120)}号${p.name.endsWith('街道') ? '街道党群服务中心' : '便民服务中心'}`;
  return p;
}

/** The province's places in export order: the province, then each city, its counties and their towns. */
function* places() {
  const reg = newRegistry();
  const placeName_ = (suffix) => placeName(reg, suffix);
  const rand = rngFor('places');
  const levelOf = { province: ['省级', '2'], city: ['市级', '3'], county: ['县级', '4'], town: ['镇(乡、街道)级', '5'] };
  const cityName0 = placeName_('市');
  const province = makePlace('province', { name: PROVINCE_NAME, division: '410000', area: '0370', seat: cityName0, level: levelOf.province, reg }, rand);
  yield province;
  for (let c = 0; c < 90; c++) {
    const cityDiv = `41${String(c + 1).padStart(2, '0')}`;
    const area = `0${370 + c + 1}`;
    const city = makePlace('city', { name: c === 0 ? cityName0 : placeName_('市'), division: `${cityDiv}00`, area, level: levelOf.city, reg }, rand);
    city.seat = city.name;
    yield city;
    for (let k = 0; k < COUNTIES_PER_CITY; k++) {
      const suffix = k < 3 ? '区' : k === 8 ? '市' : '县';
      const county = makePlace('county', { name: placeName_(suffix), division: `${cityDiv}${String(k + 2).padStart(2, '0')}`, area, city, level: levelOf.county, reg }, rand);
      county.seat = county.name;
      yield county;
      for (let t = 0; t < TOWNS_PER_COUNTY; t++) {
        const tsuffix = suffix === '区' || t < 2 ? '街道' : t === 4 ? '乡' : '镇';
        yield makePlace('town', { name: placeName_(tsuffix), division: county.division, area, county, city, level: levelOf.town, reg }, rand);
      }
    }
  }
  throw new Error('benchmark geography exhausted');
}

// =============================================================================================
// One guide (layout 2 record: Chinese keys, nested materials and steps)
// =============================================================================================

/** Legal and promised limits of a catalogue entry: the same for every place, as the catalogue sets them. */
function limitsOf(cat) {
  const r = rngFor('limits', cat.baseCode);
  const legal = pick(r, [20, 20, 20, 15, 10, 30, 60, 45, 7, 5]);
  const unit = cat.type === '行政许可' || r() < 0.8 ? '工作日' : '自然日';
  return { legal, unit };
}

function resultName(cat) {
  if (cat.variant === '注销') return `准予注销通知书`;
  const n = cat.baseName;
  if (/证核发$/.test(n)) return n.replace(/核发$/, '');
  if (/许可$/.test(n)) return `${n}证`;
  if (/审批$/.test(n)) return `准予行政许可决定书（${n.replace(/审批$/, '')}批复）`;
  if (/核准$/.test(n)) return `${n}证`;
  if (/登记$/.test(n)) return `${n}证明`;
  if (/备案$/.test(n)) return `${n}回执`;
  if (/(给付|发放|报销|支付|申领)$/.test(n)) return '待遇核定通知书';
  if (/认定$/.test(n)) return `${n}决定书`;
  return `${n}办理结果通知书`;
}

const formBase = (cat) => cat.baseName.replace(/(核发|审批|审核支付)$/, '');

function makeMaterial(name, kind, issuer, rand, o = {}) {
  const m = {
    材料名称: name,
    材料类型: kind === 'cert' ? '证件证书证明' : kind === 'form' || kind === 'formLike' ? '申请表格文书' : '其他',
    材料形式: pick(rand, ['纸质', '纸质', '纸质', '纸质/电子']),
    原件份数: kind === 'cert' ? int(rand, 0, 1) : 1,
    复印件份数: kind === 'cert' ? 1 : kind === 'form' || kind === 'formLike' ? 0 : int(rand, 0, 1),
    来源渠道: kind === 'cert' ? '政府部门核发' : kind === 'other' ? '其他' : '申请人自备',
    来源渠道说明: kind === 'cert' || kind === 'other' ? issuer : '',
    必要性: o.optional ? '非必要' : '必要',
    空白表格: '',
    示例样表: '',
    填报须知: kind === 'form' || kind === 'formLike' ? '申请人如实填写并签字（盖章），不得涂改' : kind === 'cert' ? '提供复印件的须加盖申请单位公章或申请人签字确认' : '',
  };
  if (kind === 'form' || kind === 'formLike') {
    m.空白表格 = guid(rand);
    m.示例样表 = guid(rand);
  }
  return m;
}

function materialsOf(cat, dept, rand, enterprise) {
  const t = DEPARTMENTS[cat.dept];
  const out = [makeMaterial(`${formBase(cat)}${cat.variant}申请表`, 'form', '', rand)];
  const pool = [];
  if (cat.variant === '变更') pool.push(['原许可证正、副本', 'cert', '原发证机关核发'], ['变更事项证明文件（决议、登记通知书等）', 'own']);
  else if (cat.variant === '延续') pool.push(['原许可证正、副本', 'cert', '原发证机关核发'], ['许可有效期内经营情况说明', 'own']);
  else if (cat.variant === '注销') pool.push(['原许可证正、副本', 'cert', '原发证机关核发']);
  else if (cat.variant === '补证') pool.push(['遗失声明（刊登报纸或网站公告）', 'own']);
  else pool.push(...t.mats);
  pool.push(enterprise ? ['营业执照', 'cert', '市场监督管理部门核发'] : ['申请人居民身份证', 'cert', '公安机关核发']);
  if (enterprise) pool.push(['法定代表人身份证明', 'own']);
  const want = int(rand, 3, 6);
  for (const [name, kind, issuer] of pool) {
    if (out.length >= want) break;
    out.push(makeMaterial(name, kind, issuer, rand));
  }
  if (out.length < want) out.push(makeMaterial('授权委托书及受托人身份证明（委托办理的提供）', 'own', '', rand, { optional: true }));
  if (out.length < want) out.push(makeMaterial('申请人信用承诺书', 'form', '', rand));
  if (out.length < want) out.push(makeMaterial('经营场所使用证明（产权证明或租赁合同）', 'own', '', rand));
  return out.slice(0, Math.max(3, want));
}

function stepsOf(instant, dept, review, special, cat, result) {
  const S = (环节名称, 办理时限, 办理人员, 审查标准, 办理结果) => ({ 环节名称, 办理时限, 办理人员, 审查标准, 办理结果 });
  const law = cat.basis[0];
  if (instant) {
    return [
      S('受理', '即时', `${dept.win}工作人员`, '申请材料齐全、符合法定形式', '予以受理'),
      S('审核', '即时', `${dept.win}审核人员`, `按照${law.name}${law.article}的规定审核申请材料`, '审核意见'),
      S('办结', '即时', `${dept.win}负责人`, '审核通过的当场办结', result),
      S('送达', '即时', `${dept.win}工作人员`, '当场出件或邮寄送达', result),
    ];
  }
  return [
    S('受理', '即时', `${dept.win}受理人员`, '申请材料齐全、符合法定形式；材料不全的一次性告知需要补正的全部内容', '受理通知书或不予受理通知书'),
    S('审查', `${review}个工作日`, `${dept.office}审核人员`, `对照${law.name}${law.article}规定的条件审查申请材料${special ? '，并组织现场核查' : ''}`, '审查意见'),
    S('决定', '1个工作日', dept.boss, '对符合法定条件、标准的，依法作出准予决定；不符合的，作出不予批准的决定并书面说明理由', cat.type === '行政许可' ? '准予（不予）行政许可决定书' : '办理决定'),
    S('送达', '1个工作日', `${dept.win}工作人员`, '核对申请人身份信息，通过窗口领取或邮寄方式送达办理结果', result),
  ];
}

function date(rand) {
  const p2 = (n) => String(n).padStart(2, '0');
  return `2024-${p2(int(rand, 1, 12))}-${p2(int(rand, 1, 28))} ${p2(int(rand, 8, 18))}:${p2(int(rand, 0, 59))}:${p2(int(rand, 0, 59))}`;
}

/** A sound guide of one catalogue entry at one department. */
function makeGuide(place, dept, cat, rand) {
  const enterprise = !['14', '48'].includes(cat.dept) && !(cat.dept === '17' && cat.type !== '行政许可') && !/(户口|结婚|社会保障卡|失业|工伤|救助|低保|最低生活|转学|助学|扶助)/.test(cat.name);
  const permit = cat.type === '行政许可';
  const instant = permit ? rand() < 0.1 : rand() < 0.5;
  const { legal, unit } = limitsOf(cat);
  const legalInstant = instant && !permit && rand() < 0.5;
  const promised = instant ? 0 : Math.max(1, Math.floor(legal * (0.2 + rand() * 0.3)));
  const special = permit && !instant && rand() < 0.12;
  const depth = weighted(rand, [['Ⅲ级', 50], ['Ⅳ级', 22], ['Ⅱ级', 24], ['Ⅰ级', 4]]);
  const visits = depth === 'Ⅳ级' ? 0 : depth === 'Ⅲ级' ? 1 : depth === 'Ⅱ级' ? int(rand, 1, 2) : 2;
  const result = resultName(cat);
  const fee = rand() < 0.05;
  const limitValue = (n, u) => (dept.limitStyle === 'num' ? n : `${n}个${u}`);
  const code = implementationCode(dept.credit, place.level[1], cat.baseCode);
  const g = {
    事项名称: cat.name,
    实施编码: code,
    基本编码: cat.baseCode,
    事项类型: cat.type,
    行使层级: place.level[0],
    实施主体: dept.name,
    实施主体编码: dept.credit,
    所属区划: place.division,
    服务对象: enterprise ? pick(rand, SERVICE_OBJECTS.filter((s) => s.includes('法人'))) : '自然人',
    办件类型: instant ? '即办件' : '承诺件',
    法定办结时限: legalInstant ? '即办' : limitValue(legal, unit),
    法定办结时限单位: undefined,
    法定办结时限说明: legalInstant ? '即来即办，当场办结' : `自受理申请之日起${legal}个${unit}内作出决定${permit ? `；${legal}个${unit}内不能作出决定的，经本行政机关负责人批准，可以延长10个工作日，并应当将延长期限的理由告知申请人` : ''}`,
    承诺办结时限: instant ? '即办' : limitValue(promised, '工作日'),
    承诺办结时限单位: undefined,
    承诺办结时限说明: instant ? '即来即办，当场办结' : `承诺自受理之日起${promised}个工作日内办结`,
    办理地点: dept.address,
    办理时间: dept.hours,
    咨询电话: dept.phone,
    监督投诉电话: dept.complaint,
    设定依据: dept.basisStyle === 'structured'
      ? cat.basis.map((e) => ({ 法规名称: e.name, 文号: e.number, 条款: e.article, 条款内容: e.content }))
      : cat.basis.map(lawText).join('\n'),
    特殊环节: special ? `现场核查（${Math.min(5, Math.max(1, promised - 2))}个工作日）：对申请人的经营场所、设施设备进行现场核查` : '无',
    中介服务: '无',
    受理条件: `1.申请人${enterprise ? '为依法设立的企业、事业单位或其他组织' : '具有完全民事行为能力，身份信息真实有效'}；2.${DEPARTMENTS[cat.dept].cond}；3.申请材料齐全、符合法定形式。`,
    办理结果: result,
    结果送达方式: pick(rand, DELIVERY),
    是否收费: fee ? '是' : '否',
    收费标准: fee ? `按照物价部门核定标准收取工本费${int(rand, 5, 50)}元` : '不收费',
    收费依据: fee ? '《行政事业性收费标准管理办法》（发改价格规〔2018〕988号）' : '无',
    到办事现场次数: `${visits}次`,
    网办深度: depth,
    办理形式: depth === 'Ⅳ级' ? '网上办理' : pick(rand, FORMS_OF_HANDLING),
    网上办理地址: `https://www.hlzwfw.gov.cn/service/item/${code}`,
    数量限制: '无数量限制',
    是否支持预约办理: rand() < 0.7 ? '是' : '否',
    是否支持物流快递: rand() < 0.6 ? '是' : '否',
    权限划分: `${place.level[0]}人民政府${DEPARTMENTS[cat.dept].city.replace(/^(.*)局$/, '$1主管部门')}负责本行政区域内的${cat.baseName}工作`,
    行使内容: `${cat.baseName}${cat.variant ? `的${cat.variant}` : ''}`,
    流程图: rand() < 0.1 ? `/upload/flowchart/${guid(rand)}.png` : '',
    容缺受理: '否',
    事项状态: '在用',
    更新时间: date(rand),
    申请材料: materialsOf(cat, dept, rand, enterprise),
    办理流程: stepsOf(instant, dept, Math.max(1, promised - 2), special, cat, result),
  };
  // Exports that write a number carry the unit in its own field; text exports have no unit field.
  if (dept.limitStyle === 'num') {
    g.法定办结时限单位 = typeof g.法定办结时限 === 'number' ? unit : '';
    g.承诺办结时限单位 = typeof g.承诺办结时限 === 'number' ? '工作日' : '';
  } else {
    delete g.法定办结时限单位;
    delete g.承诺办结时限单位;
  }
  if (!instant && rand() < 0.06) {
    // 容缺受理: declared, and one material marked 容缺后补.
    g.容缺受理 = '是';
    g.申请材料[g.申请材料.length - 1].必要性 = '容缺后补';
  }
  return g;
}

// =============================================================================================
// Typical defects (about 20 % of guides get one or two)
// =============================================================================================

const lastMat = (g) => g.申请材料[g.申请材料.length - 1];
const DEFECTS = {
  phoneNoAreaCode: [10, (g) => { g.咨询电话 = g.咨询电话.split('-')[1]; }],
  phoneFullWidth: [6, (g, r) => { g.咨询电话 = g.咨询电话.replace('-', pick(r, ['－', '—', '——', ' '])); }],
  addressNoWindow: [10, (g) => { g.办理地点 = g.办理地点.replace(/\d+楼[A-E]区\d+号窗口$|\d+号窗口$/, '') || g.办理地点; }],
  hoursNoClock: [8, (g, r) => { g.办理时间 = pick(r, BAD_HOURS); }],
  limitWithoutUnit: [8, (g, r) => { g.法定办结时限 = pick(r, ['20天', '20日', '一个月', '30天']); delete g.法定办结时限单位; }],
  promiseOverHalf: [5, (g) => {
    if (g.事项类型 !== '行政许可' || g.办件类型 !== '承诺件') return false;
    const n = Number(String(g.法定办结时限).replace(/\D/g, ''));
    if (!n) return false;
    g.承诺办结时限 = typeof g.承诺办结时限 === 'number' ? n : `${n}个工作日`;
    g.承诺办结时限说明 = `承诺自受理之日起${n}个工作日内办结`;
    return true;
  }],
  basisNoContent: [8, (g) => {
    if (Array.isArray(g.设定依据)) for (const e of g.设定依据) e.条款内容 = '';
    else g.设定依据 = g.设定依据.split('\n').map((l) => l.replace(/：.*$/, '')).join('\n');
  }],
  basisNameOnly: [4, (g) => {
    g.设定依据 = Array.isArray(g.设定依据) ? g.设定依据.map((e) => e.法规名称).join('、') : g.设定依据.split('\n').map((l) => /^《[^》]+》/.exec(l)?.[0] ?? l).join('、');
  }],
  catchAllMaterial: [6, (g, r) => { g.申请材料.push(makeMaterial(pick(r, ['其他相关材料', '其他材料', '审批机关要求的其他材料', '相关证明材料']), 'own', '', r)); }],
  materialNoIssuer: [6, (g) => {
    const m = g.申请材料.find((x) => x.来源渠道 === '政府部门核发');
    if (!m) return false;
    m.来源渠道说明 = '';
    return true;
  }],
  materialNoQuantity: [5, (g) => { const m = lastMat(g); m.原件份数 = 0; m.复印件份数 = 0; m.材料形式 = '纸质'; }],
  materialNoMedium: [4, (g) => { lastMat(g).材料形式 = ''; }],
  stepNoStandard: [6, (g, r) => { const s = g.办理流程[int(r, 1, 2)]; s.审查标准 = ''; }],
  stepNoPerson: [3, (g) => { g.办理流程[1].办理人员 = ''; }],
  stepMissingDelivery: [4, (g) => {
    if (g.办件类型 !== '承诺件') return false;
    g.办理流程 = g.办理流程.filter((s) => s.环节名称 !== '送达');
    return true;
  }],
  visitsUnclear: [5, (g, r) => { g.到办事现场次数 = pick(r, ['视情况而定', '', '多次', '1-2次']); }],
  visitsVsDepth: [2, (g) => { if (g.网办深度 !== 'Ⅳ级') return false; g.到办事现场次数 = '1次'; return true; }],
  caseTypeMissing: [3, (g) => { g.办件类型 = ''; }],
  instantWithPromise: [3, (g) => {
    if (g.办件类型 !== '承诺件') return false;
    g.办件类型 = '即办件';
    return true;
  }],
  badCheckChar: [3, (g) => {
    const chars = g.实施编码.split('');
    const i = chars.findIndex((c, k) => k >= 8 && k < 15 && /\d/.test(c) && /\d/.test(chars[k + 1]) && c !== chars[k + 1]);
    if (i < 0) return false;
    [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
    const code = chars.join('');
    if (creditCheckChar(code.slice(0, 17)) === code[17]) return false;
    g.实施编码 = code;
    return true;
  }],
  acceptConditionsMissing: [3, (g) => { g.受理条件 = ''; }],
  complaintMissing: [3, (g) => { g.监督投诉电话 = ''; }],
  specialEmpty: [4, (g) => { g.特殊环节 = ''; g.中介服务 = ''; }],
  formNoBlank: [4, (g) => { g.申请材料[0].空白表格 = ''; }],
  formNoSample: [2, (g) => { g.申请材料[0].示例样表 = ''; }],
  nameMismatch: [1, (g) => { g.事项名称 = g.事项名称.replace(/核发$/, '审批').replace(/许可$/, '许可证办理'); }],
};
const DEFECT_ENTRIES = Object.entries(DEFECTS).map(([k, [w]]) => [k, w]);

function plantDefects(g, rand, counts) {
  if (rand() >= 0.2) return 0;
  const n = rand() < 0.7 ? 1 : 2;
  let planted = 0;
  for (let tries = 0; planted < n && tries < 6; tries++) {
    const kind = weighted(rand, DEFECT_ENTRIES);
    if (DEFECTS[kind][1](g, rand) === false) continue;
    counts[kind] = (counts[kind] ?? 0) + 1;
    planted++;
  }
  return planted;
}

// =============================================================================================
// The guide stream
// =============================================================================================

/** Yields { guide, defects } in export order; the same sequence for every consumer. */
export function* guideStream() {
  let index = 0;
  for (const place of places()) {
    const prand = rngFor('place', place.kind, place.division, place.name);
    const depts = new Map();
    const items = CATALOG.filter((c) => {
      if (place.kind === 'town') return c.township;
      if (place.kind === 'province') return c.dept !== '42' && !c.township;
      return true;
    });
    for (const cat of items) {
      // Not every place implements every item of the catalogue.
      if (prand() < (place.kind === 'town' ? 0.2 : 0.08)) continue;
      const deptNo = place.kind === 'town' ? 'town' : cat.dept;
      if (!depts.has(deptNo)) depts.set(deptNo, makeDept(place, cat.dept, prand));
      const rand = rngFor('guide', index);
      const guide = makeGuide(place, depts.get(deptNo), cat, rand);
      const counts = {};
      const planted = plantDefects(guide, rand, counts);
      index++;
      yield { guide, planted, counts };
    }
  }
}

function* take(n) {
  if (n <= 0) return;
  let i = 0;
  for (const x of guideStream()) {
    yield x;
    if (++i >= n) return;
  }
}

function newStats() {
  return { guides: 0, inScope: 0, materials: 0, steps: 0, guidesWithDefects: 0, defects: {} };
}
function account(stats, { guide, planted, counts }) {
  stats.guides++;
  if (!NON_APPLICATION.has(guide.事项类型)) stats.inScope++;
  stats.materials += guide.申请材料.length;
  stats.steps += guide.办理流程.length;
  if (planted) stats.guidesWithDefects++;
  for (const [k, v] of Object.entries(counts)) stats.defects[k] = (stats.defects[k] ?? 0) + v;
}

// =============================================================================================
// Writers
// =============================================================================================

/** Layout 2: one guide per line. */
export function writeJsonl(file, n) {
  const stats = newStats();
  const fd = fs.openSync(file, 'w');
  let buf = '';
  try {
    for (const x of take(n)) {
      account(stats, x);
      buf += JSON.stringify(x.guide) + '\n';
      if (buf.length > 1 << 20) {
        fs.writeSync(fd, buf);
        buf = '';
      }
    }
    fs.writeSync(fd, buf);
  } finally {
    fs.closeSync(fd);
  }
  return stats;
}

/** The 事项基本信息 columns (40), in the vendor's order. */
export const GUIDE_COLUMNS = ['序号', '事项名称', '实施编码', '基本编码', '事项类型', '行使层级', '实施主体', '实施主体编码', '所属区划', '服务对象',
  '办件类型', '法定办结时限', '法定办结时限单位', '法定办结时限说明', '承诺办结时限', '承诺办结时限单位', '承诺办结时限说明',
  '办理地点', '办理时间', '咨询电话', '监督投诉电话', '设定依据', '特殊环节', '中介服务', '受理条件', '办理结果', '结果送达方式',
  '是否收费', '收费标准', '收费依据', '到办事现场次数', '网办深度', '办理形式', '网上办理地址', '数量限制', '是否支持预约办理',
  '是否支持物流快递', '权限划分', '流程图', '更新时间'];
const MATERIAL_COLUMNS = ['实施编码', '事项名称', '序号', '材料名称', '材料类型', '材料形式', '原件份数', '复印件份数', '来源渠道', '来源渠道说明', '必要性', '空白表格', '示例样表', '填报须知'];
const STEP_COLUMNS = ['实施编码', '序号', '环节名称', '办理时限', '办理人员', '审查标准', '办理结果'];
const UNIT_CODE = { 工作日: '1', 自然日: '2' };
const TEXT_COLUMNS = new Set(['实施编码', '基本编码', '实施主体编码', '所属区划', '咨询电话', '监督投诉电话']);

function guideRow(g, i) {
  return GUIDE_COLUMNS.map((c) => {
    if (c === '序号') return i + 1;
    let v = g[c];
    if (c === '设定依据' && Array.isArray(v)) v = v.map((e) => lawText({ name: e.法规名称, number: e.文号, article: e.条款, content: e.条款内容 }).replace(/：$/, '')).join('\n');
    if ((c === '法定办结时限单位' || c === '承诺办结时限单位') && v) v = UNIT_CODE[v] ?? v;
    return v ?? '';
  });
}

/** Text cells of code and phone columns carry the text format, as the export tool writes them. */
function markText(ws, columns, firstDataRow) {
  const data = ws['!data'];
  const cols = columns.map((c, i) => (TEXT_COLUMNS.has(c) ? i : -1)).filter((i) => i >= 0);
  for (let r = firstDataRow; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    for (const c of cols) if (row[c] && row[c].t === 's') row[c].z = '@';
  }
}

/**
 * Layout 1: 事项基本信息 (title row + header + one row per guide), 申请材料, 办理流程 linked by 实施编码.
 * Sheets are built from arrays of rows in dense mode (`!data`), so 150k guides stay within memory.
 */
export function writeXlsx(file, n) {
  const stats = newStats();
  const guideRows = [[`${PROVINCE_NAME}政务服务事项办事指南（实施清单）导出表`], GUIDE_COLUMNS];
  const matRows = [MATERIAL_COLUMNS];
  const stepRows = [STEP_COLUMNS];
  let i = 0;
  for (const x of take(n)) {
    account(stats, x);
    const g = x.guide;
    guideRows.push(guideRow(g, i));
    g.申请材料.forEach((m, j) => matRows.push([g.实施编码, g.事项名称, j + 1, ...MATERIAL_COLUMNS.slice(3).map((c) => m[c] ?? '')]));
    g.办理流程.forEach((s, j) => stepRows.push([g.实施编码, j + 1, ...STEP_COLUMNS.slice(2).map((c) => s[c] ?? '')]));
    i++;
  }
  const wb = XLSX.utils.book_new();
  const add = (rows, name, columns, firstDataRow, widths) => {
    const ws = XLSX.utils.aoa_to_sheet(rows, { dense: true });
    rows.length = 0; // let the row arrays go before the next sheet is built
    markText(ws, columns, firstDataRow);
    ws['!cols'] = columns.map((c) => ({ wch: widths[c] ?? 14 }));
    if (name === '事项基本信息') ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: columns.length - 1 } }];
    XLSX.utils.book_append_sheet(wb, ws, name);
  };
  add(guideRows, '事项基本信息', GUIDE_COLUMNS, 2, { 事项名称: 36, 实施编码: 34, 实施主体: 28, 设定依据: 60, 受理条件: 50, 办理地点: 44, 办理时间: 40, 法定办结时限说明: 40, 承诺办结时限说明: 30 });
  add(matRows, '申请材料', MATERIAL_COLUMNS, 1, { 实施编码: 34, 事项名称: 36, 材料名称: 44, 来源渠道说明: 30, 空白表格: 38, 示例样表: 38, 填报须知: 40 });
  add(stepRows, '办理流程', STEP_COLUMNS, 1, { 实施编码: 34, 审查标准: 60, 办理人员: 24, 办理结果: 30 });
  XLSX.writeFile(wb, file, { compression: true });
  return stats;
}

// =============================================================================================
// Datasets on disk
// =============================================================================================

export function datasetPaths(name, out = DEFAULT_OUT) {
  const spec = DATASETS[name];
  if (!spec) throw new Error(`unknown dataset ${name} (known: ${Object.keys(DATASETS).join(', ')})`);
  const dir = path.join(out, name);
  return { spec, dir, file: path.join(dir, spec.file), manifest: path.join(out, `${name}.manifest.json`) };
}

export function readManifest(name, out = DEFAULT_OUT) {
  const p = datasetPaths(name, out);
  try {
    const m = JSON.parse(fs.readFileSync(p.manifest, 'utf8'));
    if (m.generatorVersion !== GENERATOR_VERSION || m.seed !== SEED || m.guides !== p.spec.guides) return undefined;
    const st = fs.statSync(p.file);
    if (st.size !== m.bytes) return undefined;
    return { ...m, file: p.file };
  } catch {
    return undefined;
  }
}

/** Write one dataset (its folder holds only the export file) and its manifest next to the folder. */
export function generate(name, out = DEFAULT_OUT) {
  const p = datasetPaths(name, out);
  fs.rmSync(p.dir, { recursive: true, force: true });
  fs.mkdirSync(p.dir, { recursive: true });
  const t0 = performance.now();
  const stats = p.spec.format === 'jsonl' ? writeJsonl(p.file, p.spec.guides) : writeXlsx(p.file, p.spec.guides);
  const manifest = {
    dataset: name, format: p.spec.format, generatorVersion: GENERATOR_VERSION, seed: SEED, ...stats,
    bytes: fs.statSync(p.file).size, generatedInMs: Math.round(performance.now() - t0),
  };
  fs.writeFileSync(p.manifest, JSON.stringify(manifest, null, 2) + '\n');
  return { ...manifest, file: p.file };
}

function parseArgs(argv) {
  const a = { out: DEFAULT_OUT, quick: false, big: false, regen: false, only: undefined, list: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--out') a.out = path.resolve(argv[++i] ?? '');
    else if (x === '--quick') a.quick = true;
    else if (x === '--big') a.big = true;
    else if (x === '--regen') a.regen = true;
    else if (x === '--list') a.list = true;
    else if (x === '--only') a.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else throw new Error(`unknown option ${x}`);
  }
  return a;
}

/** Refuse to write data inside the repository. */
export function checkOutDir(out) {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const rel = path.relative(repo, path.resolve(out));
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) throw new Error(`--out ${out} is inside the repository; choose a folder outside it`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const a = parseArgs(process.argv.slice(2));
  checkOutDir(a.out);
  const names = a.only ?? datasetNames(a);
  for (const name of names) {
    const cached = !a.regen && readManifest(name, a.out);
    if (a.list) {
      console.log(`${name}\t${datasetPaths(name, a.out).file}\t${cached ? 'present' : 'missing'}`);
      continue;
    }
    if (cached) {
      console.log(`${name}: up to date (${cached.file}, ${(cached.bytes / 1e6).toFixed(1)} MB)`);
      continue;
    }
    process.stdout.write(`${name}: generating ${DATASETS[name].guides} guides … `);
    const m = generate(name, a.out);
    console.log(`${(m.bytes / 1e6).toFixed(1)} MB in ${(m.generatedInMs / 1000).toFixed(1)} s → ${m.file} (${m.guidesWithDefects} guides with planted defects)`);
  }
}
