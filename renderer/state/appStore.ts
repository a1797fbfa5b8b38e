/**
 * What the whole app is showing: setup, login, or the shell for a session (locked or not).
 * Any service call that answers NOT_SIGNED_IN re-reads the status, so a server-side idle lock or
 * a lost session lands on the lock or login screen.
 */
import { create } from 'zustand';
import { call, errorMessage, onNotSignedIn } from '../api/client';
import { screenFor, type Screen } from '../lib/route';
import type { AppStatus, SessionInfo } from '../../shared/types';
import { useCommunities } from './communitiesStore';
import { usePersons } from './personsStore';

/** A different user (or nobody) now: drop the lists the previous user loaded. */
function forgetDataUnlessSameUser(prev: SessionInfo | null, next: SessionInfo | null): void {
  if (prev && next && prev.userId === next.userId) return;
  usePersons.getState().reset();
  useCommunities.getState().reset();
}

interface AppStore {
  screen: Screen;
  status: AppStatus | null;
  session: SessionInfo | null;
  /** Shown once after the workspace is created, until the user confirms it is kept safe. */
  recoveryKey: string | null;
  startupError: string | null;
  /** A message for the login screen (e.g. after a restore or a lost session). */
  loginNotice: string | null;
  loadStatus(): Promise<void>;
  signedIn(session: SessionInfo): void;
  workspaceCreated(recoveryKey: string, session: SessionInfo): void;
  recoveryKeyKept(): void;
  lock(): Promise<void>;
  logout(): Promise<void>;
  setLoginNotice(msg: string | null): void;
  setIdleMinutes(minutes: number): void;
}

export const useApp = create<AppStore>((set, get) => ({
  screen: 'loading',
  status: null,
  session: null,
  recoveryKey: null,
  startupError: null,
  loginNotice: null,

  async loadStatus() {
    try {
      const status = await call('app.status', {});
      // Never drop the recovery key screen because of a status refresh.
      if (get().recoveryKey) return set({ status });
      forgetDataUnlessSameUser(get().session, status.session);
      set({ status, session: status.session, screen: screenFor(status), startupError: null });
    } catch (e) {
      set({ screen: 'startup-error', startupError: errorMessage(e) });
    }
  },

  signedIn(session) {
    forgetDataUnlessSameUser(get().session, session);
    set((s) => ({ session, screen: 'shell', loginNotice: null, status: s.status && { ...s.status, state: 'open', session } }));
  },

  workspaceCreated(recoveryKey, session) {
    set((s) => ({ recoveryKey, session, screen: 'recovery-key', status: s.status && { ...s.status, state: 'open', session } }));
  },

  recoveryKeyKept() {
    set({ recoveryKey: null, screen: 'shell' });
  },

  async lock() {
    const session = get().session;
    if (!session || session.locked) return;
    // Show the lock screen at once; the server call only makes it binding.
    set({ session: { ...session, locked: true } });
    try {
      await call('session.lock', {});
    } catch {
      await get().loadStatus();
    }
  },

  async logout() {
    try {
      await call('session.logout', {});
    } finally {
      forgetDataUnlessSameUser(get().session, null);
      set({ session: null });
      await get().loadStatus();
    }
  },

  setLoginNotice(msg) {
    set({ loginNotice: msg });
  },

  setIdleMinutes(minutes) {
    const session = get().session;
    if (session) set({ session: { ...session, idleLockMinutes: minutes } });
  },
}));

let rechecking = false;
onNotSignedIn(() => {
  if (rechecking || useApp.getState().recoveryKey) return;
  rechecking = true;
  const before = useApp.getState().session;
  void useApp
    .getState()
    .loadStatus()
    .then(() => {
      const s = useApp.getState();
      if (before && !s.session && s.screen === 'login') s.setLoginNotice('登录已失效，请重新登录。');
    })
    .finally(() => {
      rechecking = false;
    });
});
