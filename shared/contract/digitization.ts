/** Contract area: digitization — volumes, pages, item list (卷内目录), background jobs. */
import { z } from 'zod';
import type { ItemEntry, Job, PageInfo, Volume } from '../types';
import type { SequenceProblem } from '../pageCounting';
import { dateStr, id, method, optText } from './common';

export const digitizationContract = {
  // ── digitization: volumes, pages, item list (卷内目录), background jobs ──
  'volume.list': method<Volume[]>()(z.object({ personId: id.optional(), status: z.enum(['scanning', 'accepted']).optional() }), 'digitize.read'),
  'volume.create': method<Volume>()(
    z.object({ personId: id, scheme: z.enum(['enterprise', 'cadre']), archiveNo: z.string().trim().max(40).nullable().default(null) }),
    'digitize.write',
  ),
  'volume.update': method<Volume>()(
    z.object({ id, scheme: z.enum(['enterprise', 'cadre']).optional(), archiveNo: z.string().trim().max(40).nullable().optional() }),
    'digitize.write',
  ),
  'volume.accept': method<Volume>()(z.object({ id }), 'digitize.write'),
  'volume.export': method<{ jobId: string }>()(
    z.object({ id, dir: z.string().trim().min(1, '请选择导出位置'), pdf: z.boolean().default(true), folder: z.boolean().default(true) }),
    'digitize.read',
  ),
  'page.list': method<{ pages: PageInfo[]; pageCount: number; sequenceProblems: SequenceProblem[] }>()(z.object({ volumeId: id }), 'digitize.read'),
  'page.image': method<{ mime: string; base64: string; width: number; height: number }>()(
    z.object({ pageId: id, variant: z.enum(['thumb', 'full', 'original']).default('full') }),
    'digitize.read',
  ),
  'page.text': method<{ text: string; words: { text: string; bbox: [number, number, number, number]; confidence: number }[] }>()(
    z.object({ pageId: id }),
    'digitize.read',
  ),
  'page.rotate': method<PageInfo>()(z.object({ pageId: id, degrees: z.union([z.literal(90), z.literal(180), z.literal(270)]) }), 'digitize.write'),
  /** The clerk's override of a processing step; the page is reprocessed from its original. */
  'page.adjust': method<PageInfo>()(
    z
      .object({
        pageId: id,
        skewDegrees: z.number().min(-10, '纠偏角度应在 −10° 到 10° 之间').max(10, '纠偏角度应在 −10° 到 10° 之间').optional(),
        crop: z.boolean().optional(),
        colour: z.boolean().optional(),
      })
      .refine((v) => v.skewDegrees !== undefined || v.crop !== undefined || v.colour !== undefined, '请指定要调整的项目：纠偏角度、裁边或彩色/灰度。'),
    'digitize.write',
  ),
  'page.setKind': method<PageInfo>()(z.object({ pageId: id, kind: z.enum(['page', 'blank', 'cover']) }), 'digitize.write'),
  'page.setPrintedNumber': method<PageInfo>()(z.object({ pageId: id, printedNumber: z.number().int().min(0).max(99999).nullable() }), 'digitize.write'),
  'page.move': method<null>()(z.object({ pageId: id, toPosition: z.number().int().min(1) }), 'digitize.write'),
  'page.delete': method<null>()(z.object({ pageId: id }), 'digitize.write'),
  'page.undo': method<{ undone: string | null }>()(z.object({ volumeId: id }), 'digitize.write'),
  'page.import': method<{ jobId: string }>()(
    z.object({ volumeId: id, files: z.array(z.string().trim().min(1)).min(1, '请选择要导入的文件').max(5000), insertAt: z.number().int().min(1).optional() }),
    'digitize.write',
  ),
  'page.upload': method<{ jobId: string }>()(
    z.object({ volumeId: id, name: z.string().trim().min(1).max(200), base64: z.string().min(1).max(80_000_000), insertAt: z.number().int().min(1).optional() }),
    'digitize.write',
  ),
  'page.watch': method<{ jobId: string }>()(z.object({ volumeId: id, dir: z.string().trim().min(1, '请选择扫描仪保存图像的文件夹') }), 'digitize.write'),
  'scanner.status': method<{ available: boolean; devices: { name: string; label: string }[]; message: string }>()(z.object({}), 'digitize.read'),
  'page.scan': method<{ jobId: string }>()(
    z.object({ volumeId: id, device: z.string().trim().max(200).optional(), duplex: z.boolean().default(true), resolution: z.number().int().min(300).max(1200).default(300), colour: z.boolean().default(true) }),
    'digitize.write',
  ),
  'job.get': method<Job>()(z.object({ jobId: z.string().min(1).max(64) }), 'digitize.read'),
  'job.cancel': method<Job>()(z.object({ jobId: z.string().min(1).max(64) }), 'digitize.write'),
  'item.list': method<ItemEntry[]>()(z.object({ volumeId: id }), 'digitize.read'),
  'item.save': method<ItemEntry>()(
    z.object({
      volumeId: id,
      id: id.optional(),
      startPageId: id,
      classCode: z.string().trim().min(1, '请选择类别').max(8),
      title: z.string().trim().min(1, '请填写材料名称').max(200),
      formedOn: dateStr.nullable().default(null),
      note: optText(200),
    }),
    'digitize.write',
  ),
  'item.delete': method<null>()(z.object({ id }), 'digitize.write'),
  'item.suggest': method<{ title: string; formedOn: string | null }>()(z.object({ pageId: id }), 'digitize.read'),
} as const;
