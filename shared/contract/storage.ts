// CONTRACT READY
/** Contract area: storage — rooms, shelving units, placement, locate, capacity dashboard, labels, stocktaking (盘点). */
import { z } from 'zod';
import type {
  CapacityDashboard,
  LayoutImportPreview,
  LocateHit,
  PlacementPlan,
  Room,
  ScanResult,
  Shelf,
  ShelvingUnit,
  StorageSettings,
  Stocktake,
  StocktakeReport,
} from '../storageTypes';
import type { DocumentInfo } from '../types';
import { id, method, optText } from './common';

const roomKind = z.enum(['storage', 'reading', 'office']);
const roomName = z.string().trim().min(1, '请填写房间名称').max(30, '房间名称不能超过 30 个字');
const area = z.number().min(0, '面积不能为负数').max(100000, '面积不能超过 100000 m²');
const reserveRule = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('percent'), value: z.number().min(0, '预留比例不能为负数').max(200, '预留比例不能超过 200%') }),
  z.object({ mode: z.literal('months'), value: z.number().int('月数应为整数').min(0, '预留月数不能为负数').max(240, '预留月数不能超过 240 个月') }),
]);
/** A layout file: a path on this computer (Electron/CLI) or the bytes (browser mode). */
const layoutFile = z
  .object({ file: z.string().trim().min(1).optional(), base64: z.string().min(1).max(20_000_000).optional() })
  .refine((v) => v.file !== undefined || v.base64 !== undefined, '请选择布局文件（.xlsx）');
const fileIds = z.array(id).min(1, '请选择要打印标签的档案').max(5000, '一次最多打印 5000 份档案的标签');

export const storageContract = {
  // ── rooms (库房/阅档室/办公室) ──
  'storage.roomList': method<Room[]>()(z.object({}), 'storage.read'),
  'storage.roomSave': method<Room>()(
    z.object({ id: id.optional(), name: roomName, kind: roomKind, areaM2: area, note: optText(200) }),
    'storage.write',
  ),
  /** Only a room without shelving units can be deleted. */
  'storage.roomDelete': method<null>()(z.object({ id }), 'storage.write'),

  // ── shelving units (密集架) and shelves ──
  'storage.unitList': method<ShelvingUnit[]>()(z.object({ roomId: id.optional() }), 'storage.read'),
  /** One form → every shelf generated (rows × sections × shelves × sides). Give width OR capacity in volumes. */
  'storage.unitCreate': method<ShelvingUnit>()(
    z
      .object({
        roomId: id,
        name: z.string().trim().min(1, '请填写密集架名称').max(30, '密集架名称不能超过 30 个字'),
        rows: z.number().int().min(1, '列数至少为 1').max(200, '列数不能超过 200'),
        sections: z.number().int().min(1, '节数至少为 1').max(50, '节数不能超过 50'),
        shelves: z.number().int().min(1, '层数至少为 1').max(20, '层数不能超过 20'),
        sides: z.enum(['A', 'AB']).default('AB'),
        shelfWidthMm: z.number().min(1).max(5000, '单层宽度不能超过 5000 mm').nullable().default(null),
        shelfCapacityVolumes: z.number().int().min(1).max(1000, '单层容量不能超过 1000 卷').nullable().default(null),
      })
      .refine((v) => (v.shelfWidthMm === null) !== (v.shelfCapacityVolumes === null), '请填写每层可用宽度（mm）或每层容量（卷），二选一'),
    'storage.write',
  ),
  /** Only a unit with no files on it can be deleted. */
  'storage.unitDelete': method<null>()(z.object({ id }), 'storage.write'),
  'storage.shelfList': method<Shelf[]>()(z.object({ unitId: id, row: z.number().int().min(1).optional() }), 'storage.read'),

  // ── layout import (.xlsx: 库房 | 密集架 | 列 | 节 | 层 | 面 | 宽度(mm) | 容量(卷)) ──
  'storage.layoutPreview': method<LayoutImportPreview>()(layoutFile, 'storage.read'),
  'storage.layoutImport': method<LayoutImportPreview>()(
    z.intersection(layoutFile, z.object({ token: z.string().min(1, '请先预览布局文件') })),
    'storage.write',
  ),

  // ── settings ──
  'storage.settingsGet': method<StorageSettings>()(z.object({}), 'storage.read'),
  'storage.settingsSave': method<StorageSettings>()(
    z.object({
      defaultVolumeThicknessMm: z.number().min(1, '默认每卷厚度至少 1 mm').max(300, '默认每卷厚度不能超过 300 mm').optional(),
      defaultReserve: reserveRule.optional(),
      /** Community id (as string) → rule; null removes the community's own rule. */
      reserves: z.record(z.string().regex(/^\d+$/), reserveRule.nullable()).optional(),
      compliance: z
        .object({
          areaM2Per10k: z.number().min(1, '每万卷面积至少 1 m²').max(1000),
          volumesPerKeeper: z.union([z.literal(10000), z.literal(30000)]),
          keepers: z.number().int().min(0, '管理人员数不能为负数').max(1000),
        })
        .partial()
        .optional(),
      labelGrid: z
        .object({
          columns: z.number().int().min(1).max(10),
          rows: z.number().int().min(1).max(30),
          marginTopMm: z.number().min(0).max(100),
          marginLeftMm: z.number().min(0).max(100),
          gapXMm: z.number().min(0).max(50),
          gapYMm: z.number().min(0).max(50),
          labelWidthMm: z.number().min(10).max(210),
          labelHeightMm: z.number().min(5).max(297),
        })
        .partial()
        .optional(),
    }),
    'storage.write',
  ),

  // ── placement ──
  /** Where every unplaced file goes and the fewest moves that keep order; nothing is written. */
  'storage.placementPlan': method<PlacementPlan>()(z.object({}), 'storage.read'),
  /** Writes the plan in one transaction if the state is still the one the plan was made from. */
  'storage.placementCommit': method<PlacementPlan>()(z.object({ planId: z.string().min(1, '请先生成上架方案') }), 'storage.write'),
  /** The move list (移架清单) of the current plan as PDF, kept in documents. */
  'storage.moveListPdf': method<DocumentInfo>()(z.object({ planId: z.string().min(1, '请先生成上架方案') }), 'storage.write'),

  // ── locate ──
  /** By archive number (exact), ID number (exact) or name (contains). */
  'storage.locate': method<LocateHit[]>()(
    z.object({
      query: z.string().trim().min(1, '请输入姓名、身份证号或档号').max(60),
      by: z.enum(['auto', 'archiveNo', 'idNumber', 'name']).default('auto'),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    'storage.read',
  ),

  // ── capacity dashboard ──
  'storage.capacity': method<CapacityDashboard>()(z.object({}), 'storage.read'),

  // ── labels ──
  'storage.labelSheet': method<DocumentInfo>()(
    z.object({ kind: z.enum(['spine', 'box']), fileIds, skip: z.number().int().min(0).max(300).default(0) }),
    'storage.write',
  ),
  /** Shelf-end labels (架端标签), one per row (列) of the unit, with the range of archive numbers held. */
  'storage.shelfEndLabels': method<DocumentInfo>()(z.object({ unitId: id }), 'storage.write'),

  // ── stocktaking (盘点) ──
  'storage.stocktakeList': method<Stocktake[]>()(z.object({ status: z.enum(['open', 'finished']).optional() }), 'storage.read'),
  'storage.stocktakeStart': method<Stocktake>()(
    z
      .object({
        title: optText(60),
        unitId: id,
        fromRow: z.number().int().min(1).nullable().default(null),
        toRow: z.number().int().min(1).nullable().default(null),
      })
      .refine((v) => v.fromRow === null || v.toRow === null || v.fromRow <= v.toRow, '起始列不能大于结束列'),
    'storage.write',
  ),
  /** One barcode scan at the shelf the clerk is standing at; never throws for a bad code (outcome 'rejected'). */
  'storage.stocktakeScan': method<ScanResult>()(
    z.object({ stocktakeId: id, shelfId: id, code: z.string().trim().min(1, '请扫描档号条码').max(80) }),
    'storage.write',
  ),
  'storage.stocktakeReport': method<StocktakeReport>()(z.object({ id }), 'storage.read'),
  /** Closes the stocktake, stores the report PDF and returns the report. */
  'storage.stocktakeFinish': method<StocktakeReport>()(z.object({ id }), 'storage.write'),
} as const;
