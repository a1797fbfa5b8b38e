/** Handlers for the storage area (shared/contract/storage.ts): rooms, units, layout import, placement, locate, capacity, labels, stocktaking. */
import type { Shelf } from '../../../../shared/storageTypes';
import * as lq from '../../db/queries/storageLayout';
import * as pq from '../../db/queries/storagePlaces';
import * as sq from '../../db/queries/storageStocktake';
import { capacityDashboard } from '../../domain/storage/capacity';
import { labelSheet, shelfEndLabels } from '../../domain/storage/labels';
import { createUnit, deleteRoom, deleteUnit, saveRoom, toUnit } from '../../domain/storage/layout';
import { importLayout, previewLayout } from '../../domain/storage/layoutImport';
import { locate } from '../../domain/storage/locate';
import { commitPlacement, makePlacementPlan, moveListPdf } from '../../domain/storage/placement';
import { capacityMm, shelfLabel } from '../../domain/storage/places';
import { readStorageSettings, saveStorageSettings } from '../../domain/storage/settings';
import { finishStocktake, recordScan, startStocktake, stocktakeReport, toStocktake } from '../../domain/storage/stocktake';
import type { Reader } from '../../store/api';
import type { HandlerMap } from './types';

function shelves(r: Reader, unitId: number, row: number | undefined): Shelf[] {
  const thick = readStorageSettings(r).defaultVolumeThicknessMm;
  const labels = new Map(pq.shelvesInOrder(r).filter((s) => s.unit_id === unitId).map((s) => [s.id, shelfLabel(s)]));
  return lq.listShelves(r, unitId, row).map((s) => ({
    id: s.id,
    unitId: s.unit_id,
    row: s.row_no,
    section: s.section_no,
    level: s.level_no,
    side: s.side,
    widthMm: s.width_mm,
    capacityVolumes: s.capacity_volumes,
    capacityMm: capacityMm(s, thick),
    usedMm: s.used_mm,
    fileCount: s.file_count,
    place: labels.get(s.id) ?? '',
  }));
}

export const storageHandlers: HandlerMap<
  | 'storage.roomList'
  | 'storage.roomSave'
  | 'storage.roomDelete'
  | 'storage.unitList'
  | 'storage.unitCreate'
  | 'storage.unitDelete'
  | 'storage.shelfList'
  | 'storage.layoutPreview'
  | 'storage.layoutImport'
  | 'storage.settingsGet'
  | 'storage.settingsSave'
  | 'storage.placementPlan'
  | 'storage.placementCommit'
  | 'storage.moveListPdf'
  | 'storage.locate'
  | 'storage.capacity'
  | 'storage.labelSheet'
  | 'storage.shelfEndLabels'
  | 'storage.stocktakeList'
  | 'storage.stocktakeStart'
  | 'storage.stocktakeScan'
  | 'storage.stocktakeReport'
  | 'storage.stocktakeFinish'
> = {
  'storage.roomList': (_i, ctx) => lq.listRooms(ctx.domain().store),
  'storage.roomSave': (i, ctx) => saveRoom(ctx.domain(), i),
  'storage.roomDelete': (i, ctx) => deleteRoom(ctx.domain(), i.id),
  'storage.unitList': (i, ctx) => lq.listUnits(ctx.domain().store, i.roomId).map(toUnit),
  'storage.unitCreate': (i, ctx) => createUnit(ctx.domain(), i),
  'storage.unitDelete': (i, ctx) => deleteUnit(ctx.domain(), i.id),
  'storage.shelfList': (i, ctx) => shelves(ctx.domain().store, i.unitId, i.row),
  'storage.layoutPreview': (i, ctx) => previewLayout(ctx.domain(), i),
  'storage.layoutImport': (i, ctx) => importLayout(ctx.domain(), i),
  'storage.settingsGet': (_i, ctx) => readStorageSettings(ctx.domain().store),
  'storage.settingsSave': (i, ctx) => saveStorageSettings(ctx.domain(), i),
  'storage.placementPlan': (_i, ctx) => makePlacementPlan(ctx.domain()),
  'storage.placementCommit': (i, ctx) => commitPlacement(ctx.domain(), i.planId),
  'storage.moveListPdf': (i, ctx) => moveListPdf(ctx.domain(), i.planId),
  'storage.locate': (i, ctx) => locate(ctx.domain().store, i),
  'storage.capacity': (_i, ctx) => capacityDashboard(ctx.domain().store, ctx.now.toISOString().slice(0, 10)),
  'storage.labelSheet': (i, ctx) => labelSheet(ctx.domain(), i),
  'storage.shelfEndLabels': (i, ctx) => shelfEndLabels(ctx.domain(), i.unitId),
  'storage.stocktakeList': (i, ctx) => sq.listStocktakes(ctx.domain().store, i.status).map(toStocktake),
  'storage.stocktakeStart': (i, ctx) => startStocktake(ctx.domain(), i),
  'storage.stocktakeScan': (i, ctx) => recordScan(ctx.domain(), i),
  'storage.stocktakeReport': (i, ctx) => stocktakeReport(ctx.domain().store, i.id),
  'storage.stocktakeFinish': (i, ctx) => finishStocktake(ctx.domain(), i.id),
};
