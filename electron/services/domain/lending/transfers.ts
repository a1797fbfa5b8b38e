/**
 * 转出: files leaving for another archive. They are marked transferred_out (their numbers are never
 * reissued), a 转递通知单 with 回执 is printed with this archive as sender, and the receipt awaited
 * back joins the shared outstanding-receipts list (kind 'transfer_out').
 */
import type { ParsedInput } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { TransferOut } from '../../../../shared/lendingTypes';
import * as hq from '../../db/queries/lendingHoldings';
import { setFileStatus } from '../../db/queries/lending';
import * as tq from '../../db/queries/transfersOut';
import { renderTransferReceipt } from '../../documents';
import type { Reader } from '../../store/api';
import type { DomainContext } from '../context';
import { PDF_MIME, stageDocument } from '../documents';
import { writeAudited } from '../write';
import { localDay } from './dates';
import { refusing } from './refusal';
import type { Clerk } from './requests';
import { lendingSettings } from './settings';

const ENTITY = 'transfer_out';
const STATUS_REASON: Record<string, string> = {
  on_loan: '已借出，请待归还后再办理转出',
  digitizing: '正在数字化加工，请待其回库后再办理转出',
  transferred_out: '已转出本馆',
};

export function transferView(db: Reader, id: number): TransferOut {
  const t = tq.transferById(db, id);
  if (!t) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的转出记录。请刷新后重试。`);
  const files = tq.filesOfTransfer(db, id);
  return {
    id: t.id,
    transferNo: t.transferNo,
    receiverUnit: t.receiverUnit,
    sentOn: t.sentOn,
    persons: files.length,
    volumes: files.reduce((n, f) => n + f.volumes, 0),
    firstNo: files[0]?.archiveNo ?? '',
    lastNo: files.at(-1)?.archiveNo ?? '',
    names: files.map((f) => f.name),
    handledBy: t.handledByName,
    note: t.note,
    receiptId: t.receiptId ?? 0,
    receiptReturnedOn: t.receiptReturnedOn,
    documentId: t.documentId,
  };
}

export async function createTransfer(ctx: DomainContext, clerk: Clerk, input: ParsedInput<'transfer.create'>): Promise<TransferOut> {
  const now = ctx.now();
  return refusing(ctx, 'transfer.create', ENTITY, input.receiverUnit, async () => {
    const seen = new Set<number>();
    const files = input.archiveNos.map((no) => {
      const f = hq.fileByArchiveNo(ctx.store, no);
      if (!f) throw new AppError('NOT_FOUND', `馆藏中没有档号为 ${no} 的档案。请核对档号。`);
      if (seen.has(f.fileId)) throw new AppError('VALIDATION', `档案 ${f.archiveNo} 重复出现，请删去重复的一行。`);
      seen.add(f.fileId);
      const why = STATUS_REASON[f.status];
      if (why) throw new AppError('CONFLICT', `档案 ${f.archiveNo}（${f.name}）${why}。`);
      return f;
    });
    files.sort((a, b) => a.archiveNo.localeCompare(b.archiveNo));
    const first = files[0];
    const last = files.at(-1);
    if (!first || !last) throw new AppError('VALIDATION', '请选择要转出的档案。');
    const year = Number(localDay(now).slice(0, 4));
    const transferNo = `ZC${year}-${String(tq.transfersInYear(ctx.store, year) + 1).padStart(4, '0')}`;
    const volumes = files.reduce((n, f) => n + f.volumes, 0);
    const bytes = await renderTransferReceipt({
      receiverUnit: input.receiverUnit,
      senderUnit: lendingSettings(ctx.store).archiveUnit,
      names: files.map((f) => f.name),
      persons: files.length,
      volumes,
      firstNo: first.archiveNo,
      lastNo: last.archiveNo,
      sentOn: input.sentOn,
      receivedOn: null,
      reference: transferNo,
      withDigitalCopies: input.withDigitalCopies,
    });
    const staged = stageDocument(ctx, {
      kind: 'transfer_receipt', title: `转递通知单及回执 ${transferNo}`, refEntity: ENTITY, refId: null,
      fileName: `转递通知单-${transferNo}.pdf`, mime: PDF_MIME, bytes,
    });
    const at = now.toISOString();
    try {
      const id = writeAudited(ctx, (tx) => {
        const transferId = tq.insertTransfer(tx, { transferNo, receiverUnit: input.receiverUnit, sentOn: input.sentOn, withDigital: input.withDigitalCopies, note: input.note, userId: clerk.id, userName: clerk.name, at });
        files.forEach((f, i) => {
          tq.insertTransferFile(tx, transferId, f.fileId, i + 1);
          setFileStatus(tx, f.fileId, 'transferred_out', at);
        });
        const doc = staged.record(tx);
        tq.linkDocumentToTransfer(tx, doc.id, transferId);
        tq.setTransferDocument(tx, transferId, doc.id);
        const numberRange = first === last ? first.archiveNo : `${first.archiveNo} 至 ${last.archiveNo}`;
        tq.insertTransferReceipt(tx, { transferId, counterparty: input.receiverUnit, numberRange, persons: files.length, volumes, sentOn: input.sentOn, documentId: doc.id });
        return {
          value: transferId,
          audit: { action: 'transfer.create', entity: ENTITY, entityId: transferId, after: { transferNo, receiverUnit: input.receiverUnit, files: files.map((f) => f.archiveNo), documentId: doc.id } },
        };
      });
      return transferView(ctx.store, id);
    } catch (e) {
      staged.discard();
      throw e;
    }
  });
}
