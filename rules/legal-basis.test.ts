import rule from './legal-basis.js';
import { testRule } from '../test/rule-tester.js';

const FULL = '《中华人民共和国城乡规划法》第四十条：在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，建设单位或者个人应当向城市、县人民政府城乡规划主管部门申请办理建设工程规划许可证。';
const FULL2 = '《建筑工程施工许可管理办法》第二条：在中华人民共和国境内从事各类房屋建筑及其附属设施的建造、装修装饰和与其配套的线路、管道、设备的安装，以及城镇市政基础设施工程的施工，建设单位应当申请领取施工许可证。';

testRule(rule, {
  valid: [
    { guide: { 设定依据: FULL } },
    { guide: { 设定依据: `${FULL}\n${FULL2}` }, name: '多条，换行分隔' },
    { guide: { 设定依据: `${FULL}；${FULL2}` }, name: '多条，分号加书名号分隔' },
    {
      guide: { bylaw: [{ law_name: '《建筑工程施工许可管理办法》', clause_number: '第二条', clause_content: '在中华人民共和国境内从事各类房屋建筑及其附属设施的建造，建设单位应当申请领取施工许可证。' }] },
      name: '结构化条目',
    },
  ],
  invalid: [
    { guide: { 设定依据: '' }, errors: [{ messageId: 'missing', field: '设定依据' }] },
    { guide: { 设定依据: '根据《全民健身法》' }, errors: [{ messageId: 'noArticle', contains: ['条款', '具体内容'] }] },
    { guide: { 设定依据: '《中华人民共和国行政许可法》第十二条' }, errors: [{ messageId: 'noContent' }] },
    { guide: { 设定依据: `${FULL}\n《中华人民共和国行政许可法》第十二条` }, errors: [{ messageId: 'noContent', data: { n: 2 } }], name: '第二条缺内容' },
    { guide: { bylaw: [{ law_name: '《建筑工程施工许可管理办法》', clause_number: '第二条', clause_content: '' }] }, errors: ['noContent'] },
    { guide: { bylaw: [{ law_name: '《建筑工程施工许可管理办法》', clause_number: '', clause_content: '在中华人民共和国境内从事各类房屋建筑及其附属设施的建造，建设单位应当申请领取施工许可证。' }] }, errors: ['noArticle'] },
    { guide: { bylaw: [{ law_name: '', clause_number: '第二条', clause_content: '在中华人民共和国境内从事各类房屋建筑及其附属设施的建造，建设单位应当申请领取施工许可证。' }] }, errors: ['noName'] },
  ],
});
