/**
 * The real implementations behind ports.ts. The imaging module (electron/services/pages) and the
 * OCR pool (electron/services/ocr) planned for issue 3 were not in the tree when these services
 * were written, so minimal versions live in ./imaging and ./ocr; switching to the shared modules
 * means changing only this file.
 */
import { createImaging } from './imaging';
import { createOcrPool } from './ocr/pool';
import { buildSearchablePdf } from './ocr/searchablePdf';
import type { RuntimeDeps } from './runtime';

export function defaultDeps(): RuntimeDeps {
  return {
    imaging: createImaging(),
    createOcr: async () => createOcrPool(),
    buildPdf: buildSearchablePdf,
  };
}
