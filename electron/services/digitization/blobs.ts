/** Blob bookkeeping for pages: blobs are shared by content, so deletion checks that nothing names them. */
import * as gq from '../db/queries/pages';
import type { Store } from '../store/api';

/** Deletes those of `ids` that no page row or pending undo names any more (after the write that freed them). */
export function releaseBlobs(store: Store, ids: readonly (string | null)[]): number {
  let deleted = 0;
  for (const id of new Set(ids)) {
    if (id === null || gq.blobInUse(store, id) || !store.blobs.has(id)) continue;
    store.blobs.delete(id);
    deleted++;
  }
  return deleted;
}

/**
 * Puts blobs, runs `commit`, and if the commit throws removes the blobs it put that nothing else
 * uses — so a failed write leaves the store as it was.
 */
export function withNewBlobs<T>(store: Store, data: readonly Uint8Array[], commit: (ids: string[]) => T): T {
  const ids = data.map((d) => store.blobs.put(d));
  try {
    return commit(ids);
  } catch (err) {
    releaseBlobs(store, ids);
    throw err;
  }
}
