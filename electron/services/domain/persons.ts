/** 退休人员: registration with the ID number validated (GB 11643) and duplicates refused. */
import { AppError } from '../../../shared/errors';
import { checkIdNumber } from '../../../shared/idNumber';
import type { Person } from '../../../shared/types';
import * as cq from '../db/queries/communities';
import * as q from '../db/queries/persons';
import type { DomainContext } from './context';
import { writeAudited } from './write';

export interface PersonInput {
  name: string;
  idNumber: string;
  communityId: number;
  phone: string;
  address: string;
  enterprise: string;
  retiredOn: string | null;
  note: string;
}

function validate(ctx: DomainContext, input: PersonInput, selfId: number): q.PersonValues {
  const id = checkIdNumber(input.idNumber, ctx.now());
  if (!id.ok) throw new AppError('VALIDATION', id.message, { field: 'idNumber', reason: id.reason });
  const existing = q.personByIdNumber(ctx.store, id.idNumber);
  if (existing && existing.id !== selfId) {
    throw new AppError(
      'CONFLICT',
      `身份证号 ${id.idNumber} 已登记为「${existing.name}」（${existing.townName} ${existing.communityName}），不能重复登记。`,
      { field: 'idNumber', existingPersonId: existing.id },
    );
  }
  if (!cq.communityById(ctx.store, input.communityId)) {
    throw new AppError('VALIDATION', '所选社区不存在，请重新选择。', { field: 'communityId' });
  }
  if (input.retiredOn !== null && input.retiredOn < id.birthDate) {
    throw new AppError('VALIDATION', '退休日期不能早于出生日期。', { field: 'retiredOn' });
  }
  return {
    name: input.name,
    idNumber: id.idNumber,
    sex: id.sex,
    birthDate: id.birthDate,
    communityId: input.communityId,
    phone: input.phone,
    address: input.address,
    enterprise: input.enterprise,
    retiredOn: input.retiredOn,
    note: input.note,
  };
}

function readBack(ctx: Pick<DomainContext, 'store'>, id: number): Person {
  const p = q.personById(ctx.store, id);
  if (!p) throw new AppError('NOT_FOUND', '找不到该人员，可能已被修改，请刷新后重试。');
  return p;
}

export function getPerson(ctx: Pick<DomainContext, 'store'>, id: number): Person {
  return readBack(ctx, id);
}

export function addPerson(ctx: DomainContext, input: PersonInput): Person {
  const values = validate(ctx, input, 0);
  const id = writeAudited(ctx, (tx) => {
    const newId = q.insertPerson(tx, values, ctx.now().toISOString());
    return { value: newId, audit: { action: 'person.add', entity: 'person', entityId: newId, after: values } };
  });
  return readBack(ctx, id);
}

export function updatePerson(ctx: DomainContext, id: number, input: PersonInput): Person {
  const before = readBack(ctx, id);
  const values = validate(ctx, input, id);
  writeAudited(ctx, (tx) => {
    q.updatePerson(tx, id, values, ctx.now().toISOString());
    const prev: q.PersonValues = {
      name: before.name,
      idNumber: before.idNumber,
      sex: before.sex,
      birthDate: before.birthDate,
      communityId: before.communityId,
      phone: before.phone,
      address: before.address,
      enterprise: before.enterprise,
      retiredOn: before.retiredOn,
      note: before.note,
    };
    return { value: null, audit: { action: 'person.update', entity: 'person', entityId: id, before: prev, after: values } };
  });
  return readBack(ctx, id);
}
