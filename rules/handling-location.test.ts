import rule from './handling-location.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { guide: { 办理地点: '江州市滨江大道188号市民之家3楼B区12号窗口' } },
    { guide: { 办理地点: '江州市人民路20号政务服务中心4楼403室' } },
    { guide: { 办理地点: '开州中路88号市民之家二楼③号窗口' } },
    { guide: { 办理地点: '江南路5号政务大厅窗口12' } },
    { guide: { 办理地点: '江南路5号4楼403' }, name: '4楼403' },
    { guide: { 办理地点: '江州市滨江大道188号3楼A3窗口；清河县人民路1号2楼5号窗口' }, name: '两个地点都完整' },
    { guide: { window: [{ transact_addr: '解放东路12号行政服务中心C区12号窗口' }] }, name: '结构化窗口' },
    { guide: { 办理地点: '<p>江州市滨江大道188号</p><p>市民之家3楼12号窗口</p>' }, name: 'HTML' },
  ],
  invalid: [
    { guide: { 办理地点: '' }, errors: [{ messageId: 'missing', field: '办理地点' }] },
    { guide: { 办理地点: '人民路与开州路交叉口向北200米路东，原检察院4楼403房间' }, errors: [{ messageId: 'incomplete', contains: ['门牌号'] }] },
    { guide: { 办理地点: '中原路10号行政服务中心一楼综合窗口' }, errors: [{ messageId: 'incomplete', contains: ['窗口号或房间号'] }] },
    { guide: { 办理地点: '市民之家三楼' }, errors: [{ messageId: 'incomplete', contains: ['街道名称', '门牌号', '窗口号或房间号'] }] },
    { guide: { 办理地点: '三海街道办事处便民服务中心12号窗口' }, errors: [{ messageId: 'incomplete', contains: ['街道名称'] }], name: '街道（行政区）不是道路' },
    { guide: { 办理地点: '江南路5号楼12号窗口' }, errors: [{ messageId: 'incomplete', contains: ['门牌号'] }], name: '5号楼不是门牌号' },
    {
      guide: { 办理地点: '江州市滨江大道188号3楼12号窗口\n清河县人民路政务大厅' },
      errors: [{ messageId: 'incomplete', contains: ['清河县人民路政务大厅'] }],
      name: '多个地点逐一检查',
    },
    { guide: { 办理地点: '中原路10号综合窗口' }, options: { required: ['窗口号或房间号'] }, errors: ['incomplete'], name: '可配置的必备要素' },
  ],
});
