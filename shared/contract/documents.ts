/** Contract area: generated documents (PDF/xlsx) stored in the workspace — list, fetch for reprint, export. */
import { z } from 'zod';
import type { DocumentInfo } from '../types';
import { id, method } from './common';

export const documentsContract = {
  'document.list': method<DocumentInfo[]>()(
    z.object({ refEntity: z.string().trim().max(40).optional(), refId: id.optional(), kind: z.string().trim().max(40).optional() }),
    'document.read',
  ),
  /** The bytes for viewing or printing in the app (audited as a view). */
  'document.get': method<{ info: DocumentInfo; base64: string }>()(z.object({ id }), 'document.read'),
  'document.export': method<{ file: string }>()(z.object({ id, to: z.string().trim().min(1, '请选择保存位置') }), 'document.read'),
} as const;
