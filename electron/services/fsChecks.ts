/** File-system checks done before a background job starts, so a bad path is refused at once. */
import fs from 'node:fs';

/** The folder exists and this process may list it. */
export function isReadableDir(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.R_OK);
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
