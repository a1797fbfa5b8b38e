/** Per-request documents: 查（借）阅审批表 and the overdue reminder (催还通知), rendered and stored for reprint. */
import { AppError } from '../../../../shared/errors';
import type { LendingRequestDetail } from '../../../../shared/lendingTypes';
import type { DocumentInfo } from '../../../../shared/types';
import { renderLendingForm, renderTableReport, type LendingFormDoc } from '../../documents';
import type { DomainContext } from '../context';
import { PDF_MIME, stageDocument, type NewDocument } from '../documents';
import { writeAudited } from '../write';
import { daysBetween, localDay, localTime } from './dates';
import { REQUEST_ENTITY, requestDetail } from './read';
import { refusing } from './refusal';
import { lendingSettings } from './settings';

/** Stores the document and records the step on the request, in one transaction. */
function storeForRequest(ctx: DomainContext, d: NewDocument & { refId: number }, action: string, summary: string): DocumentInfo {
  const staged = stageDocument(ctx, d);
  try {
    return writeAudited(ctx, (tx) => {
      const info = staged.record(tx);
      return { value: info, audit: { action, entity: REQUEST_ENTITY, entityId: d.refId, after: { summary, documentId: info.id, sha256: info.sha256 } } };
    });
  } catch (e) {
    staged.discard();
    throw e;
  }
}

export function formDoc(r: LendingRequestDetail): LendingFormDoc {
  const out = r.fileList.filter((f) => f.checkedOutAt !== null);
  const first = out[0];
  const allBack = out.length > 0 && out.every((f) => f.returnedAt !== null);
  const lastBack = [...out].sort((a, b) => (a.returnedAt ?? '').localeCompare(b.returnedAt ?? '')).at(-1);
  return {
    requestNo: r.requestNo,
    type: r.type,
    purpose: r.purpose,
    unit: r.unit,
    letterNo: r.letterNo,
    readers: r.readerList.map((x) => ({ name: x.name, idNumber: x.idNumber, unit: x.unit, post: x.post, political: x.political, contact: x.contact })),
    files: r.fileList.map((f) => ({ archiveNo: f.archiveNo, name: f.name, idNumber: f.idNumber, scope: f.scope })),
    period: `${r.periodFrom} 至 ${r.periodTo}`,
    enteredBy: r.enteredBy,
    enteredAt: localTime(r.enteredAt),
    approvals: r.approvals.map((a) => ({
      level: a.level === 1 ? '第一级' : '第二级',
      by: a.by,
      at: localTime(a.at),
      decision: a.decision === 'approved' ? '同意' : '不同意',
      opinion: a.opinion,
    })),
    checkout: first ? { by: first.checkedOutBy ?? '', at: localTime(first.checkedOutAt ?? ''), due: first.due ?? '' } : null,
    returned: allBack && lastBack ? { by: lastBack.returnedBy ?? '', at: localTime(lastBack.returnedAt ?? ''), condition: out.map((f) => f.condition ?? '').join('；') } : null,
  };
}

export async function printForm(ctx: DomainContext, requestId: number): Promise<DocumentInfo> {
  return refusing(ctx, 'lending.form', REQUEST_ENTITY, requestId, async () => {
    const r = requestDetail(ctx.store, requestId, localDay(ctx.now()));
    const bytes = await renderLendingForm(formDoc(r));
    return storeForRequest(
      ctx,
      { kind: 'lending_form', title: `查（借）阅审批表 ${r.requestNo}`, refEntity: REQUEST_ENTITY, refId: r.id, fileName: `查借阅审批表-${r.requestNo}.pdf`, mime: PDF_MIME, bytes },
      'lending.form',
      r.requestNo,
    );
  });
}

export async function printReminder(ctx: DomainContext, requestId: number): Promise<DocumentInfo> {
  return refusing(ctx, 'lending.reminder', REQUEST_ENTITY, requestId, async () => {
    const today = localDay(ctx.now());
    const r = requestDetail(ctx.store, requestId, today);
    const late = r.fileList.filter((f) => f.checkedOutAt !== null && f.returnedAt === null && f.due !== null && f.due < today);
    if (late.length === 0) throw new AppError('CONFLICT', `申请 ${r.requestNo} 没有逾期未还的档案，无需催还。`);
    const settings = lendingSettings(ctx.store);
    const reader = r.readerList[0];
    const bytes = await renderTableReport({
      title: '档案催还通知',
      subtitle: `${r.unit}：`,
      fields: [
        { label: '申请单号', value: r.requestNo },
        { label: '借阅人', value: late[0]?.takenBy ?? reader?.name ?? '' },
        { label: '联系电话', value: reader?.contact ?? '' },
        { label: '通知日期', value: today },
      ],
      columns: [
        { title: '档号', width: 3 },
        { title: '姓名', width: 2 },
        { title: '借出日期', width: 2, align: 'center' },
        { title: '应还日期', width: 2, align: 'center' },
        { title: '逾期天数', width: 1.5, align: 'right' },
      ],
      rows: late.map((f) => [f.archiveNo, f.name, (localTime(f.checkedOutAt ?? '')).slice(0, 10), f.due ?? '', String(daysBetween(f.due ?? today, today))]),
      notes: [settings.reminderText, `联系人：${r.enteredBy}（${settings.archiveUnit}）`],
      signatures: [`${settings.archiveUnit}（盖章）`],
    });
    return storeForRequest(
      ctx,
      { kind: 'lending_reminder', title: `催还通知 ${r.requestNo}`, refEntity: REQUEST_ENTITY, refId: r.id, fileName: `催还通知-${r.requestNo}-${today}.pdf`, mime: PDF_MIME, bytes },
      'lending.reminder',
      `${late.map((f) => f.archiveNo).join('、')} 逾期`,
    );
  });
}
