/** Generated documents: list, fetch (audited view), export where the user chooses. */
import * as q from '../../db/queries/documents';
import { exportDocument, readDocument } from '../../domain/documents';
import { writeAudited } from '../../domain/write';
import type { HandlerMap } from './types';

export const documentHandlers: HandlerMap<'document.list' | 'document.get' | 'document.export'> = {
  'document.list': (i, ctx) => q.listDocuments(ctx.domain().store, i),
  'document.get': (i, ctx) => {
    const d = ctx.domain();
    const { info, bytes } = readDocument(d, i.id);
    writeAudited(d, () => ({ value: null, audit: { action: 'document.view', entity: 'document', entityId: info.id } }));
    return { info, base64: bytes.toString('base64') };
  },
  'document.export': (i, ctx) => exportDocument(ctx.domain(), i.id, i.to),
};
