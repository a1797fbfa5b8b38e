/** 乡镇（街道） and 社区 as a managed list with codes (archive numbering uses them later). */
import { AppError } from '../../../shared/errors';
import type { Community, Town } from '../../../shared/types';
import * as q from '../db/queries/communities';
import type { DomainContext } from './context';
import { writeAudited } from './write';

function requireTown(ctx: DomainContext, id: number): Town {
  const t = q.townById(ctx.store, id);
  if (!t) throw new AppError('NOT_FOUND', '找不到该乡镇（街道），可能已被修改，请刷新后重试。');
  return t;
}

function assertTownFree(ctx: DomainContext, code: string, name: string, exceptId: number): void {
  const clash = q.listTowns(ctx.store).find((t) => t.id !== exceptId && (t.code === code || t.name === name));
  if (clash) {
    throw new AppError(
      'CONFLICT',
      clash.code === code ? `代码 ${code} 已被「${clash.name}」使用，请换一个代码。` : `已有名为「${name}」的乡镇（街道）。`,
    );
  }
}

export function addTown(ctx: DomainContext, input: { code: string; name: string }): Town {
  assertTownFree(ctx, input.code, input.name, 0);
  return writeAudited(ctx, (tx) => {
    const id = q.insertTown(tx, input);
    const town = { id, ...input };
    return { value: town, audit: { action: 'town.add', entity: 'town', entityId: id, after: town } };
  });
}

export function updateTown(ctx: DomainContext, input: { id: number; code: string; name: string }): Town {
  const before = requireTown(ctx, input.id);
  assertTownFree(ctx, input.code, input.name, input.id);
  return writeAudited(ctx, (tx) => {
    q.updateTown(tx, input.id, input);
    const after = { id: input.id, code: input.code, name: input.name };
    return { value: after, audit: { action: 'town.update', entity: 'town', entityId: input.id, before, after } };
  });
}

function assertCommunityFree(ctx: DomainContext, townId: number, code: string, name: string, exceptId: number): void {
  const clash = q.communityClash(ctx.store, townId, code, name, exceptId);
  if (clash) {
    throw new AppError(
      'CONFLICT',
      clash.code === code
        ? `该乡镇（街道）下代码 ${code} 已被「${clash.name}」使用，请换一个代码。`
        : `该乡镇（街道）下已有名为「${name}」的社区。`,
    );
  }
}

export function addCommunity(ctx: DomainContext, input: { townId: number; code: string; name: string }): Community {
  requireTown(ctx, input.townId);
  assertCommunityFree(ctx, input.townId, input.code, input.name, 0);
  return writeAudited(ctx, (tx) => {
    const id = q.insertCommunity(tx, input);
    const c = q.communityById(tx, id);
    if (!c) throw new AppError('INTERNAL', '新增社区后未能读回记录。');
    return { value: c, audit: { action: 'community.add', entity: 'community', entityId: id, after: { ...input } } };
  });
}

export function updateCommunity(ctx: DomainContext, input: { id: number; townId: number; code: string; name: string }): Community {
  const before = q.communityById(ctx.store, input.id);
  if (!before) throw new AppError('NOT_FOUND', '找不到该社区，可能已被修改，请刷新后重试。');
  requireTown(ctx, input.townId);
  assertCommunityFree(ctx, input.townId, input.code, input.name, input.id);
  return writeAudited(ctx, (tx) => {
    q.updateCommunity(tx, input.id, input);
    const c = q.communityById(tx, input.id);
    if (!c) throw new AppError('INTERNAL', '修改社区后未能读回记录。');
    return {
      value: c,
      audit: {
        action: 'community.update',
        entity: 'community',
        entityId: input.id,
        before: { townId: before.townId, code: before.code, name: before.name },
        after: { townId: input.townId, code: input.code, name: input.name },
      },
    };
  });
}

/**
 * Finds a community by name for scripted entry (CLI). "街道/社区" picks within a town when the
 * same community name exists under two towns.
 */
export function resolveCommunity(ctx: Pick<DomainContext, 'store'>, ref: string): Community {
  const [townPart, communityPart] = ref.includes('/') ? ref.split('/', 2).map((s) => s.trim()) : [undefined, ref.trim()];
  const matches = q.communitiesByName(ctx.store, communityPart ?? '').filter((c) => !townPart || c.townName === townPart || c.townCode === townPart);
  if (matches.length === 0) throw new AppError('NOT_FOUND', `找不到社区「${ref}」。请先在「社区管理」中添加，或检查名称是否写错。`);
  if (matches.length > 1) {
    throw new AppError('VALIDATION', `有 ${matches.length} 个社区都叫「${communityPart}」（${matches.map((c) => c.townName).join('、')}），请写成「乡镇（街道）/社区」。`);
  }
  return matches[0] as Community;
}
