/** Every key a workspace uses, derived once from the data key when the store opens. */
import { subkey } from '../crypto/subkeys';
import { blobKeys, type BlobKeys } from './blobStore';
import { journalKeys, type JournalContext } from './journal';
import { snapshotKeys, type SnapshotReadContext } from './snapshot';

export interface WorkspaceKeys {
  workspaceId: string;
  journal: JournalContext;
  snapshot: SnapshotReadContext;
  blob: BlobKeys;
  backupMac: Buffer;
}

export function deriveWorkspaceKeys(dataKey: Uint8Array, workspaceId: string): WorkspaceKeys {
  return {
    workspaceId,
    journal: { workspaceId, keys: journalKeys(dataKey) },
    snapshot: { workspaceId, keys: snapshotKeys(dataKey, workspaceId) },
    blob: blobKeys(dataKey),
    backupMac: subkey(dataKey, 'backup-mac'),
  };
}
