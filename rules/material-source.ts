import { defineRule, type RuleFinding } from '../src/rule.js';
import { isEmpty, normalize } from '../src/normalize.js';
import { hasMaterials, materialLabel, materialRef } from './lib/materials.js';

type Channel = '申请人自备' | '政府部门核发' | '其他';

function channelOf(v: string | undefined): Channel | undefined {
  const t = normalize(v);
  if (!t) return undefined;
  if (/申请人自备|申请人提供|自备|自行提供|申请人自行/.test(t)) return '申请人自备';
  if (/政府部门核发|政府部门|部门核发|核发/.test(t)) return '政府部门核发';
  if (/^其他|^其它/.test(t)) return '其他';
  return undefined;
}

// An organisation or a kind of one: 公安机关, 户口所在地派出所, 高等学校, 县级以上医疗机构, 某某局.
const ISSUER_RE = /(局|厅|委|办|院|所|站|中心|部|处|科|机关|机构|部门|学校|大学|学院|医院|法院|银行|公司|协会|委员会|政府|街道办事处|居委会|村委会|管委会|单位|企业|派出所|公证处|事务所|队|署|会)/;

function namesIssuer(text: string | undefined): boolean {
  const t = normalize(text);
  if (!t) return false;
  // Merely repeating the channel does not name the issuer.
  const rest = t.replace(/政府部门核发|政府部门|有关部门|相关部门|申请人自备|其他|其它|核发|提供|出具|自备/g, '');
  return ISSUER_RE.test(rest) || /由.{2,30}(出具|核发|颁发|开具|提供)/.test(t);
}

export default defineRule<Record<string, never>>({
  meta: {
    id: 'material-source',
    indicator: '材料来源或出具单位',
    section: 'B',
    description: '每项申请材料须注明来源渠道；政府部门核发或其他来源的，须写明出具单位（如“户口所在地派出所”）',
    severity: 'error',
    defaultOptions: {},
    messages: {
      missing: '申请材料{{label}}未注明来源渠道或出具单位',
      noIssuer: '申请材料{{label}}来源为“{{channel}}”，但未写明出具单位',
    },
    suggestions: {
      missing: '注明来源渠道（申请人自备、政府部门核发、其他），核发的写明出具单位',
      noIssuer: '在来源渠道说明（出具单位）中写明出具的机关或单位，如“户口所在地派出所”“县级以上医疗机构”',
    },
    examples: {
      pass: [
        { title: '申请人自备', guide: { 申请材料: [{ 材料名称: '申请书', 来源渠道: '申请人自备' }] } },
        { title: '政府部门核发并写明出具单位', guide: { 申请材料: [{ 材料名称: '户籍证明', 来源渠道: '政府部门核发', 来源渠道说明: '户口所在地派出所' }] } },
      ],
      fail: [
        { title: '没有来源', guide: { 申请材料: [{ 材料名称: '户籍证明' }] } },
        { title: '核发但没有出具单位', guide: { 申请材料: [{ 材料名称: '户籍证明', 来源渠道: '20' }] } },
      ],
    },
    scored: true,
  },
  applies: hasMaterials,
  check(g) {
    const out: RuleFinding[] = [];
    for (const m of g.materials) {
      const channel = channelOf(m.source) ?? channelOf(m.sourceNote) ?? (isEmpty(m.source) ? undefined : ('其他' as Channel));
      const issuerNamed = namesIssuer(m.issuer) || namesIssuer(m.sourceNote) || (channel !== '申请人自备' && namesIssuer(m.source));
      if (!channel) {
        if (issuerNamed) continue; // 出具单位 alone states where the material comes from.
        out.push({ messageId: 'missing', field: '来源渠道', ...materialRef(m), data: { label: materialLabel(m) } });
        continue;
      }
      if (channel !== '申请人自备' && !issuerNamed) {
        out.push({ messageId: 'noIssuer', field: '出具单位', value: m.source ?? m.sourceNote, ...materialRef(m), data: { label: materialLabel(m), channel } });
      }
    }
    return out;
  },
});
