/**
 * The real implementations behind ports.ts: imaging in ./imaging, the OCR pool in ./ocr. Tests and
 * benchmarks can pass other implementations of the same ports; the services never import these directly.
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
