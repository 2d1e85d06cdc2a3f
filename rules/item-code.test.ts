import rule from './item-code.js';
import { testRule } from '../test/rule-tester.js';

const CODE = '11410900MB0000000E3000101001000'; // valid credit code 11410900MB0000000E, 市级, 000101001000

testRule(rule, {
  valid: [
    { guide: { 实施编码: CODE } },
    { guide: { 实施编码: CODE, 基本编码: '000101001000', 行使层级: '市级' } },
    { guide: { 实施编码: CODE, 行使层级: '3' }, name: '行使层级代码' },
    { guide: { 业务办理项编码: CODE + '01' }, name: '33位业务办理项编码' },
    { guide: { 实施编码: ` ${CODE} ` }, name: '首尾空格' },
    { guide: { 实施编码: '11441900MB1234567Y4000101001000', 行使层级: '县级' } },
    { guide: { 实施编码: '510100000000-510100000000-000-11410900MB0000000E-1-00' }, name: '四川式地方编码（可配置）' },
  ],
  invalid: [
    { guide: { 实施编码: '' }, errors: [{ messageId: 'missing', field: '实施编码' }] },
    { guide: { 实施编码: '11410900MB0000000E300010100100' }, errors: [{ messageId: 'badLength', contains: ['30 位'] }] },
    { guide: { 实施编码: '11410900MB0000000X3000101001000' }, errors: [{ messageId: 'badCheckChar', data: { expected: 'E' } }] },
    { guide: { 实施编码: '11410900MB000000OE3000101001000' }, errors: ['badCharacters'], name: '含字母O' },
    { guide: { 实施编码: '11410900MB0000000E9000101001000' }, errors: ['badLevelDigit'] },
    { guide: { 实施编码: '11410900MB0000000E300010100100A' }, errors: ['badBaseCode'] },
    { guide: { 业务办理项编码: CODE + 'AB' }, errors: ['badSuffix'] },
    { guide: { 实施编码: CODE, 基本编码: '000101002000' }, errors: [{ messageId: 'baseCodeMismatch', data: { inCode: '000101001000', baseCode: '000101002000' } }] },
    { guide: { 实施编码: CODE, 行使层级: '县级' }, errors: [{ messageId: 'levelMismatch', contains: ['市级', '县级'] }] },
    { guide: { 实施编码: '510100000000-510100000000-000-11410900MB0000000X-1-00' }, errors: ['badCheckChar'], name: '地方编码中的信用代码仍校验' },
  ],
});
