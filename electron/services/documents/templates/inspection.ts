/**
 * 质量检验合格报告 (the delivery passed) or 退回通知 (it goes back to the enterprise to redo): the
 * batch's particulars, the counts, every finding with how the desk resolved it, the conclusion, and
 * the signatures.
 */
import { Flow } from '../pdf/flow';
import { cnDate } from '../pdf/format';
import { drawTable } from '../pdf/table';
import type { InspectionDoc } from '../types';

export const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

export async function inspection(d: InspectionDoc): Promise<Uint8Array> {
  const pass = d.kind === 'pass';
  const title = pass ? '档案质量检验合格报告' : '档案退回通知';
  const flow = new Flow({ title: `${title} ${d.batchNo}`, margin: { top: 18, bottom: 18, left: 18, right: 18 } });
  flow.heading(title, 18);
  flow.paragraph(`批次编号：${d.batchNo}`, { size: 10, align: 'right' });
  flow.space(2);
  flow.fields([
    { label: '档案接收单位', value: d.archiveUnit },
    { label: '移交单位', value: d.enterprise },
    { label: '送交人', value: d.deliveredBy },
    { label: '送交日期', value: cnDate(d.deliveredOn) },
    { label: '检验人', value: d.inspectedBy },
    { label: '检验日期', value: cnDate(d.inspectedOn) },
  ]);
  flow.space(2);
  const count = (s: keyof typeof SEVERITY_ZH) => d.findings.filter((f) => f.severity === s).length;
  const open = d.findings.filter((f) => !f.resolution.trim()).length;
  flow.paragraph(
    `本批移交档案共 ${d.persons} 人、${d.volumes} 卷、${d.pages} 页。检验发现问题 ${d.findings.length} 项（错误 ${count('error')} 项、警告 ${count('warning')} 项、提示 ${count('info')} 项），其中已处理 ${d.findings.length - open} 项，未处理 ${open} 项。`,
    { size: 11, indent: 7.8 },
  );
  flow.space(3);
  if (d.findings.length) {
    drawTable(
      flow,
      [
        { title: '序号', width: 0.9, align: 'center' },
        { title: '姓名', width: 1.7 },
        { title: '身份证号', width: 3.5 },
        { title: '问题代码', width: 3.7 },
        { title: '程度', width: 1, align: 'center' },
        { title: '问题说明', width: 4.6 },
        { title: '处理情况', width: 2.4 },
      ],
      d.findings.map((f, i) => [String(i + 1), f.person, f.idNumber, f.code, SEVERITY_ZH[f.severity], f.message, f.resolution.trim() || '未处理']),
      { size: 8.5 },
    );
  } else {
    flow.paragraph('未发现问题。', { size: 11, indent: 7.8 });
  }
  flow.space(4);
  flow.paragraph(pass ? '检验结论：' : '退回原因及整改要求：', { size: 11.5 });
  flow.paragraph(d.conclusion || (pass ? '经检验，本批档案合格，准予接收。' : '请按上列问题重新整理后再行移交。'), { size: 11, indent: 7.8 });
  flow.space(8);
  flow.signatures(pass ? ['检验人（签名）', '审核人（签名）', '接收单位（盖章）'] : ['检验人（签名）', '审核人（签名）', '移交单位签收人（签名）']);
  return flow.finish();
}
