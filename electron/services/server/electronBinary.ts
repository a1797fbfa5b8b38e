/**
 * Finds the Electron executable the way the electron package itself does (path.txt names it under
 * dist/), without requiring 'electron': that require throws when the binary was never downloaded.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** @param fromDir where to start the node_modules lookup (the repo or the bundle folder). */
export function findElectronBinary(fromDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  let pkgJson: string;
  try {
    pkgJson = createRequire(path.join(fromDir, 'noop.js')).resolve('electron/package.json');
  } catch {
    return null;
  }
  const pkgDir = path.dirname(pkgJson);
  let relative: string;
  try {
    relative = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (relative === '') return null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkgDir, 'dist');
  const exe = path.join(distDir, relative);
  try {
    return fs.statSync(exe).isFile() ? exe : null;
  } catch {
    return null;
  }
}
