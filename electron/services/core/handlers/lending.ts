/** Handlers for the lending area (shared/contract/lending.ts): 查借阅 requests, approval, execution, documents, viewing, transfers out. */
import type { MethodName } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { LendableFile } from '../../../../shared/lendingTypes';
import { can, ROLE_LABELS } from '../../../../shared/roles';
import * as hq from '../../db/queries/lendingHoldings';
import { listTransfers } from '../../db/queries/transfersOut';
import { decideRequest } from '../../domain/lending/approval';
import { localDay } from '../../domain/lending/dates';
import { printForm, printReminder } from '../../domain/lending/forms';
import { makeRegister } from '../../domain/lending/register';
import { createTransfer, transferView } from '../../domain/lending/transfers';
import { checkOut, overdueLoans, returnFiles } from '../../domain/lending/loans';
import { requestDetail } from '../../domain/lending/read';
import { cancelRequest, createRequest, listRequests, type Clerk } from '../../domain/lending/requests';
import { lendingSettings, updateLendingSettings } from '../../domain/lending/settings';
import { makeCopy, openView, viewPage } from '../../domain/lending/viewing';
import { writeAudited } from '../../domain/write';
import type { CallContext, HandlerMap } from './types';

type LendingMethod = Extract<MethodName, `lending.${string}` | `transfer.${string}`>;

function clerk(ctx: CallContext): Clerk {
  if (!ctx.user) throw new AppError('NOT_SIGNED_IN', '请先登录。');
  return { id: ctx.user.id, name: ctx.user.displayName };
}

/** Requests and the register are for those who file or approve them (the core checks one permission; this is either of two). */
function requireLendingReader(ctx: CallContext, method: string): void {
  const user = ctx.user;
  if (!user) throw new AppError('NOT_SIGNED_IN', '请先登录。');
  if (can(user.role, 'lending.request') || can(user.role, 'lending.approve')) return;
  writeAudited(ctx.domain(), () => ({ value: null, audit: { action: 'access.denied', entity: 'method', entityId: method } }));
  throw new AppError('FORBIDDEN', `您的角色（${ROLE_LABELS[user.role]}）无权查看查借阅记录。如需办理，请联系管理员。`);
}

export const lendingHandlers: HandlerMap<LendingMethod> = {
  'lending.settings.get': (_i, ctx) => lendingSettings(ctx.domain().store),
  'lending.settings.update': (i, ctx) => updateLendingSettings(ctx.domain(), i),
  'lending.findFile': (i, ctx): LendableFile[] => {
    const db = ctx.domain().store;
    return hq.findFiles(db, i.query, i.limit).map((f) => ({
      ...f,
      classes: hq.classesOfPerson(db, f.personId),
      digitalPages: hq.digitalPagesOfPerson(db, f.personId),
    }));
  },
  'lending.request.create': (i, ctx) => createRequest(ctx.domain(), clerk(ctx), i),
  'lending.request.list': (i, ctx) => {
    requireLendingReader(ctx, 'lending.request.list');
    // The approval queue is nobody's but an approver's.
    if (i.queue && !(ctx.user && can(ctx.user.role, 'lending.approve'))) return { rows: [], total: 0 };
    return listRequests(ctx.domain(), clerk(ctx), i);
  },
  'lending.request.get': (i, ctx) => {
    requireLendingReader(ctx, 'lending.request.get');
    return requestDetail(ctx.domain().store, i.id, localDay(ctx.now));
  },
  'lending.request.cancel': (i, ctx) => cancelRequest(ctx.domain(), i.id, i.reason),
  'lending.approve': (i, ctx) => decideRequest(ctx.domain(), clerk(ctx), i.id, 'approved', i.opinion),
  'lending.reject': (i, ctx) => decideRequest(ctx.domain(), clerk(ctx), i.id, 'rejected', i.opinion),
  'lending.checkout': (i, ctx) => checkOut(ctx.domain(), clerk(ctx), i),
  'lending.return': (i, ctx) => returnFiles(ctx.domain(), clerk(ctx), i),
  'lending.overdue': (_i, ctx) => overdueLoans(ctx.domain()),
  'lending.reminder': (i, ctx) => printReminder(ctx.domain(), i.requestId),
  'lending.form': (i, ctx) => printForm(ctx.domain(), i.requestId),
  'lending.register': (i, ctx) => {
    requireLendingReader(ctx, 'lending.register');
    return makeRegister(ctx.domain(), i);
  },
  'lending.view.open': (i, ctx) => openView(ctx.domain(), i.requestId),
  'lending.view.page': (i, ctx) => viewPage(ctx.domain(), clerk(ctx), i.requestId, i.pageId),
  'lending.copy': (i, ctx) => makeCopy(ctx.domain(), clerk(ctx), i.requestId, i.pageIds),
  'transfer.create': (i, ctx) => createTransfer(ctx.domain(), clerk(ctx), i),
  'transfer.list': (i, ctx) => {
    const db = ctx.domain().store;
    const page = listTransfers(db, i.offset, i.limit);
    return { rows: page.rows.map((t) => transferView(db, t.id)), total: page.total };
  },
  'transfer.get': (i, ctx) => transferView(ctx.domain().store, i.id),
};
