/**
 * Starts a worker thread from its source (.ts through tsx, when running under tsx or vitest) or
 * from its esbuild bundle (a sibling .cjs in dist/electron, for npm start and the packaged app).
 */
import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * @param bundleName file name of the bundled worker in dist/electron, without extension
 * @param sourceFromServices path of the worker's .ts source relative to electron/services
 */
export function spawnWorker(bundleName: string, sourceFromServices: string, options: WorkerOptions = {}): Worker {
  if (__filename.endsWith('.ts')) {
    const source = path.join(__dirname, sourceFromServices);
    const shim = `require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`;
    return new Worker(shim, { ...options, eval: true });
  }
  return new Worker(path.join(__dirname, `${bundleName}.cjs`), options);
}
