/**
 * Ways to run the core: in a worker thread (Electron, browser mode: startCoreWorker) or in-process
 * (CLI, tests: `new Core(...)` from ./core). This entry stays free of database code on purpose.
 */
export type { CoreHost, CoreOptions } from './host';
export { startCoreWorker } from './workerHost';
