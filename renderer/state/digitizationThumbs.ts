/**
 * Page images fetched once and kept: many small thumbnails, a few full views. Keyed by page id
 * plus checksum and rotation, so a rotated or replaced page is fetched again and never shown stale.
 * Thumbnail requests run a few at a time so a 150-page strip does not flood the service.
 */
import { call } from '../api/client';
import type { PageInfo } from '../../shared/types';

export type ImageVariant = 'thumb' | 'full';

export interface LoadedImage {
  url: string;
  width: number;
  height: number;
}

const LIMITS: Record<ImageVariant, number> = { thumb: 3000, full: 6 };
const CONCURRENT: Record<ImageVariant, number> = { thumb: 4, full: 2 };

const caches: Record<ImageVariant, Map<string, LoadedImage>> = { thumb: new Map(), full: new Map() };
const inflight = new Map<string, Promise<LoadedImage>>();
const running: Record<ImageVariant, number> = { thumb: 0, full: 0 };
const waiting: Record<ImageVariant, (() => void)[]> = { thumb: [], full: [] };

export function imageKey(p: Pick<PageInfo, 'id' | 'sha256' | 'rotation'>): string {
  return `${p.id}:${p.sha256}:${p.rotation}`;
}

export function cachedImage(p: Pick<PageInfo, 'id' | 'sha256' | 'rotation'>, variant: ImageVariant): LoadedImage | undefined {
  const cache = caches[variant];
  const key = imageKey(p);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used goes last
    cache.set(key, hit);
  }
  return hit;
}

async function slot(variant: ImageVariant): Promise<void> {
  if (running[variant] < CONCURRENT[variant]) {
    running[variant]++;
    return;
  }
  await new Promise<void>((resolve) => waiting[variant].push(resolve));
  // The releasing request handed its slot over without decrementing.
}

function release(variant: ImageVariant): void {
  const next = waiting[variant].shift();
  if (next) next();
  else running[variant]--;
}

export function loadImage(p: Pick<PageInfo, 'id' | 'sha256' | 'rotation'>, variant: ImageVariant): Promise<LoadedImage> {
  const hit = cachedImage(p, variant);
  if (hit) return Promise.resolve(hit);
  const key = `${variant}|${imageKey(p)}`;
  const pending = inflight.get(key);
  if (pending) return pending;
  const job = (async () => {
    await slot(variant);
    try {
      const r = await call('page.image', { pageId: p.id, variant });
      const img = { url: `data:${r.mime};base64,${r.base64}`, width: r.width, height: r.height };
      const cache = caches[variant];
      cache.set(imageKey(p), img);
      while (cache.size > LIMITS[variant]) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
      return img;
    } finally {
      release(variant);
      inflight.delete(key);
    }
  })();
  inflight.set(key, job);
  return job;
}

/** Forget every image (another user signs in). */
export function clearImageCache(): void {
  caches.thumb.clear();
  caches.full.clear();
}
