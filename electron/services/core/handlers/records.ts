/** Retirees, towns and communities. */
import { checkIdNumber } from '../../../../shared/idNumber';
import * as cq from '../../db/queries/communities';
import * as pq from '../../db/queries/persons';
import { addCommunity, addTown, updateCommunity, updateTown } from '../../domain/communities';
import { addPerson, getPerson, updatePerson } from '../../domain/persons';
import type { HandlerMap } from './types';

export const recordHandlers: HandlerMap<
  | 'town.list'
  | 'town.add'
  | 'town.update'
  | 'community.list'
  | 'community.add'
  | 'community.update'
  | 'person.search'
  | 'person.get'
  | 'person.add'
  | 'person.update'
  | 'person.checkId'
> = {
  'town.list': (_i, ctx) => cq.listTowns(ctx.domain().store),
  'town.add': (i, ctx) => addTown(ctx.domain(), i),
  'town.update': (i, ctx) => updateTown(ctx.domain(), i),
  'community.list': (i, ctx) => cq.listCommunities(ctx.domain().store, i.townId),
  'community.add': (i, ctx) => addCommunity(ctx.domain(), i),
  'community.update': (i, ctx) => updateCommunity(ctx.domain(), i),
  'person.search': (i, ctx) => pq.searchPersons(ctx.domain().store, i),
  'person.get': (i, ctx) => getPerson(ctx.domain(), i.id),
  'person.add': (i, ctx) => addPerson(ctx.domain(), i),
  'person.update': (i, ctx) => {
    const { id, ...rest } = i;
    return updatePerson(ctx.domain(), id, rest);
  },
  'person.checkId': (i, ctx) => {
    const check = checkIdNumber(i.idNumber, ctx.now);
    const existing = check.ok ? pq.personByIdNumber(ctx.domain().store, check.idNumber) : undefined;
    return { ...check, existingPersonId: existing?.id ?? null };
  },
};
