/**
 * A folder a scanner's own software saves into: new files are picked up as they appear (polling,
 * which also works on network shares where fs.watch is unreliable). A file is read once its size
 * has stayed the same between two polls; temp and partial names are ignored, and files that were
 * already there when watching began are left alone (they belong to an earlier batch).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IngestFailure } from '../ports';
import { naturalCompare } from './naturalSort';

export const POLL_MS = 400;

export function isPartialName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~') || /\.(tmp|part|partial|crdownload|download)$/i.test(name);
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export async function* watchFolder(dir: string, signal: AbortSignal): AsyncGenerator<{ ok: true; name: string; data: Buffer } | IngestFailure> {
  const list = () => fs.readdirSync(dir).filter((n) => !isPartialName(n));
  const taken = new Set<string>();
  try {
    for (const n of list()) taken.add(n);
  } catch (err) {
    yield { ok: false, source: dir, message: `无法读取文件夹 ${dir}：${(err as Error).message}。请检查文件夹是否存在、是否有读取权限。` };
    return;
  }
  const lastSize = new Map<string, number>();
  let reported = false;
  while (!signal.aborted) {
    let names: string[] = [];
    try {
      names = list().filter((n) => !taken.has(n)).sort(naturalCompare);
      reported = false;
    } catch (err) {
      // Reported once; the watch goes on (a network share may come back).
      if (!reported) yield { ok: false, source: dir, message: `暂时无法读取文件夹 ${dir}：${(err as Error).message}。恢复后会继续导入。` };
      reported = true;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      let size: number;
      try {
        const st = fs.statSync(file);
        if (!st.isFile()) {
          taken.add(name);
          continue;
        }
        size = st.size;
      } catch {
        continue; // gone again (renamed by the scanner software)
      }
      if (size > 0 && lastSize.get(name) === size) {
        taken.add(name);
        lastSize.delete(name);
        try {
          yield { ok: true, name: file, data: fs.readFileSync(file) };
        } catch (err) {
          yield { ok: false, source: name, message: `无法读取文件：${(err as Error).message}。` };
        }
      } else {
        lastSize.set(name, size);
      }
    }
    await sleep(POLL_MS, signal);
  }
}
