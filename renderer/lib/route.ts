/** Which top-level screen the app status calls for. */
import type { AppStatus } from '../../shared/types';

export type Screen = 'loading' | 'startup-error' | 'setup' | 'recovery-key' | 'login' | 'shell';

export function screenFor(status: AppStatus): Screen {
  switch (status.state) {
    case 'no-workspace':
      return 'setup';
    case 'closed':
      return 'login';
    case 'open':
      // A locked session keeps the shell mounted under the lock screen, so typed input survives.
      return status.session ? 'shell' : 'login';
  }
}
