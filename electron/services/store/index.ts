/** The encrypted store's entry points (see api.ts for the interfaces). */
export type { BlobStore, Keyring, Reader, RunResult, SqlParams, SqlValue, Store, Tx } from './api';
export { createKeyring, loadKeyring, userSlotId, RECOVERY_SLOT, generateDataKey } from './keyring';
export { generateRecoveryKey, normaliseRecoveryKey } from '../crypto/recoveryKey';
export { createStore, openStore, workspaceExists, type OpenedStore, type OpenInfo, type StoreOptions } from './store';
export { verifyBackupFile, restoreBackupFile, type RestoreResult } from './backup';
