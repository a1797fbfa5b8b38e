/** One page image from the cache, fetched when `enabled` (e.g. once the thumbnail scrolls into view). */
import { useEffect, useState } from 'react';
import type { PageInfo } from '../../../shared/types';
import { errorMessage } from '../../api/client';
import { cachedImage, imageKey, loadImage, type ImageVariant, type LoadedImage } from '../../state/digitizationThumbs';

export type PageImageState = { image: LoadedImage | null; error: string | null };

export function usePageImage(page: Pick<PageInfo, 'id' | 'sha256' | 'rotation'> | null, variant: ImageVariant, enabled = true): PageImageState {
  const key = page ? imageKey(page) : null;
  const [state, setState] = useState<{ key: string | null } & PageImageState>({ key: null, image: null, error: null });

  useEffect(() => {
    if (!page || !enabled || cachedImage(page, variant)) return;
    let current = true;
    loadImage(page, variant)
      .then((image) => {
        if (current) setState({ key: imageKey(page), image, error: null });
      })
      .catch((e: unknown) => {
        if (current) setState({ key: imageKey(page), image: null, error: errorMessage(e) });
      });
    return () => {
      current = false;
    };
    // The key stands for the page's identity and content; the object itself changes on every re-read.
  }, [key, variant, enabled]);

  if (!page) return { image: null, error: null };
  const hit = cachedImage(page, variant);
  if (hit) return { image: hit, error: null };
  return state.key === key ? { image: state.image, error: state.error } : { image: null, error: null };
}
