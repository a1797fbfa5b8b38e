/**
 * Which files the 标签 tab prints: a pasted list of archive numbers, or a range "from … to …" of one
 * community's numbers (same prefix, a running number at the end), expanded here so each can be looked up.
 */
import { normalizeScan } from './scanCode';

export const MAX_LABEL_FILES = 5000;

/** One archive number per line (or separated by commas, semicolons, spaces); duplicates dropped, order kept. */
export function parseArchiveList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[\s,，;；、]+/)) {
    const code = normalizeScan(part);
    if (code && !seen.has(code)) {
      seen.add(code);
      out.push(code);
    }
  }
  return out;
}

export type RangeResult = { ok: true; numbers: string[] } | { ok: false; message: string };

/** "CCSRS-0102-001-0005" … "CCSRS-0102-001-0012" → the 8 numbers between, inclusive. */
export function expandRange(fromRaw: string, toRaw: string, max = MAX_LABEL_FILES): RangeResult {
  const from = normalizeScan(fromRaw);
  const to = normalizeScan(toRaw);
  if (!from || !to) return { ok: false, message: '请填写起止档号。' };
  const a = /^(.*?)(\d+)$/.exec(from);
  const b = /^(.*?)(\d+)$/.exec(to);
  if (!a || !b) return { ok: false, message: '档号应以流水号（数字）结尾，例如 CCSRS-0102-001-0001。' };
  const [, prefixA = '', seqA = ''] = a;
  const [, prefixB = '', seqB = ''] = b;
  if (prefixA !== prefixB || seqA.length !== seqB.length) {
    return { ok: false, message: `起止档号不属于同一社区（前缀「${prefixA}」与「${prefixB}」不同）。请分社区打印，或改用「档号清单」。` };
  }
  const start = Number(seqA);
  const end = Number(seqB);
  if (start > end) return { ok: false, message: '起始档号大于结束档号，请对调后再试。' };
  if (end - start + 1 > max) return { ok: false, message: `范围内有 ${end - start + 1} 个档号，一次最多 ${max} 个。请缩小范围。` };
  const numbers: string[] = [];
  for (let n = start; n <= end; n++) numbers.push(`${prefixA}${String(n).padStart(seqA.length, '0')}`);
  return { ok: true, numbers };
}

/** Runs `fn` over items with at most `limit` in flight, reporting progress; results keep input order. */
export async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>, onProgress?: (done: number) => void): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
      done++;
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** Time left from the pace so far, worded for the progress line; null until there is a pace. */
export function etaText(startedMs: number, nowMs: number, done: number, total: number): string | null {
  if (done <= 0 || total <= done || nowMs <= startedMs) return null;
  const seconds = Math.ceil(((nowMs - startedMs) / done) * (total - done) / 1000);
  if (seconds < 5) return '即将完成';
  if (seconds < 60) return `约 ${seconds} 秒`;
  return `约 ${Math.round(seconds / 60)} 分钟`;
}
