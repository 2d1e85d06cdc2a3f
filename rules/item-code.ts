import { z } from 'zod';
import { defineRule, type RuleFinding } from '../src/rule.js';
import { isEmpty, nfkc } from '../src/normalize.js';
import { checkCreditCode, creditCheckChar, splitImplementationCode } from '../src/parsers/item-code.js';

const Options = z.object({ localPatterns: z.array(z.string()) }).partial().strict();
type Options = { localPatterns: string[] };

const LEVEL_NAMES: Record<string, string> = { '1': '国家级', '2': '省级', '3': '市级', '4': '县级', '5': '乡镇级', '6': '村级', '7': '分级管理' };

// Compiled once per pattern list, not per guide.
const patternCache = new Map<string, RegExp[]>();
function compile(patterns: string[]): RegExp[] {
  // The options object is the same for every guide of a run: its list answers by identity first.
  let re = byList.get(patterns);
  if (re) return re;
  const key = patterns.join('\u0000');
  re = patternCache.get(key);
  if (!re) patternCache.set(key, (re = patterns.map((p) => new RegExp(p))));
  byList.set(patterns, re);
  return re;
}
const byList = new WeakMap<string[], RegExp[]>();

export default defineRule<Options>({
  meta: {
    id: 'item-code',
    indicator: '事项编码',
    section: 'A',
    description: '实施编码须为31位（或33位业务办理项编码），统一社会信用代码校验位正确，并与基本编码、行使层级一致',
    severity: 'error',
    options: Options,
    // [decision] Sichuan-style local layouts; the named group `credit` is checked as a credit code.
    defaultOptions: { localPatterns: ['^[0-9A-Z]{4,30}-[0-9]{12}-000-(?<credit>[0-9A-Z]{18})-[0-9]-[0-9]{2}$'] },
    messages: {
      missing: '未标注事项编码（实施编码）',
      badLength: '实施编码“{{value}}”长度为 {{length}} 位，应为31位（或33位业务办理项编码）',
      badCharacters: '实施编码“{{value}}”中的统一社会信用代码部分“{{credit}}”含有不允许的字符',
      badCheckChar: '实施编码“{{value}}”中的统一社会信用代码“{{credit}}”校验位错误（应为“{{expected}}”）',
      badLevelDigit: '实施编码“{{value}}”第19位“{{digit}}”不是有效的行使层级代码（1–7）',
      badBaseCode: '实施编码“{{value}}”第20–31位“{{base}}”不是12位数字的基本编码',
      badSuffix: '33位业务办理项编码“{{value}}”最后两位“{{suffix}}”应为数字',
      baseCodeMismatch: '实施编码第20–31位“{{inCode}}”与所填基本编码“{{baseCode}}”不一致',
      levelMismatch: '实施编码第19位为“{{digit}}”（{{digitName}}），与所填行使层级“{{level}}”不一致',
    },
    suggestions: {
      missing: '填写31位实施编码：实施主体统一社会信用代码（18位）+ 行使层级（1位）+ 基本编码（12位）',
      badLength: '核对实施编码：统一社会信用代码（18位）+ 行使层级（1位）+ 基本编码（12位）',
      badCharacters: '核对实施主体的统一社会信用代码（不含 I、O、Z、S、V）',
      badCheckChar: '核对实施主体的统一社会信用代码，按校验规则第18位应为“{{expected}}”',
      badLevelDigit: '第19位改为行使层级代码：1 国家级、2 省级、3 市级、4 县级、5 乡镇级、6 村级',
      badBaseCode: '第20–31位应为国家基本目录中的12位基本编码',
      badSuffix: '核对业务办理项编码最后两位',
      baseCodeMismatch: '实施编码第20–31位应与基本编码一致，核对后统一为国家基本目录中的编码',
      levelMismatch: '核对行使层级，使其与实施编码第19位一致',
    },
    examples: {
      pass: [
        { title: '31位实施编码，校验位正确', guide: { 实施编码: '11410900MB0000000E3000101001000', 基本编码: '000101001000', 行使层级: '市级' } },
        { title: '33位业务办理项编码', guide: { 业务办理项编码: '11410900MB0000000E300010100100001' } },
      ],
      fail: [
        { title: '未填写', guide: { 实施编码: '' } },
        { title: '长度不对', guide: { 实施编码: '11410900MB0000000E300010100100' } },
        { title: '信用代码校验位错误', guide: { 实施编码: '11410900MB0000000X3000101001000' } },
        { title: '与基本编码不一致', guide: { 实施编码: '11410900MB0000000E3000101001000', 基本编码: '000101002000' } },
        { title: '与行使层级不一致', guide: { 实施编码: '11410900MB0000000E3000101001000', 行使层级: '县级' } },
      ],
    },
    scored: true,
  },
  check(g, o) {
    const field = g.code !== undefined || g.handleCode === undefined ? '实施编码' : '业务办理项编码';
    const raw = (g.code ?? g.handleCode)?.trim();
    if (isEmpty(raw)) return [{ messageId: 'missing', field }];
    const value = raw!;
    const code = nfkc(value).replace(/\s/g, '').toUpperCase();
    const out: RuleFinding[] = [];
    const f = (messageId: string, data: Record<string, string | number> = {}): RuleFinding => ({ messageId, field, value, data: { value, ...data } });

    for (const re of compile(o.localPatterns)) {
      const m = re.exec(code);
      if (!m) continue;
      const credit = m.groups?.credit;
      if (credit) {
        const p = checkCreditCode(credit);
        if (p === 'charset' || p === 'length') out.push(f('badCharacters', { credit }));
        else if (p === 'check') out.push(f('badCheckChar', { credit, expected: creditCheckChar(credit.slice(0, 17)) ?? '?' }));
      }
      return out;
    }

    const parts = splitImplementationCode(code);
    if (!parts) return [f('badLength', { length: [...code].length })];
    const p = checkCreditCode(parts.creditCode);
    if (p === 'charset') out.push(f('badCharacters', { credit: parts.creditCode }));
    else if (p === 'check') out.push(f('badCheckChar', { credit: parts.creditCode, expected: creditCheckChar(parts.creditCode.slice(0, 17)) ?? '?' }));
    if (!/^[1-7]$/.test(parts.levelDigit)) out.push(f('badLevelDigit', { digit: parts.levelDigit }));
    if (!/^\d{12}$/.test(parts.baseCode)) out.push(f('badBaseCode', { base: parts.baseCode }));
    if (parts.suffix !== undefined && !/^\d{2}$/.test(parts.suffix)) out.push(f('badSuffix', { suffix: parts.suffix }));
    const stated = g.baseCode === undefined ? undefined : nfkc(g.baseCode).replace(/\s/g, '');
    if (stated && !isEmpty(stated) && stated !== parts.baseCode) out.push(f('baseCodeMismatch', { inCode: parts.baseCode, baseCode: g.baseCode!.trim() }));
    if (g.levelCode && /^[1-7]$/.test(parts.levelDigit) && g.levelCode !== parts.levelDigit) {
      out.push(f('levelMismatch', { digit: parts.levelDigit, digitName: LEVEL_NAMES[parts.levelDigit] ?? '', level: g.level ?? g.levelCode }));
    }
    return out;
  },
});
