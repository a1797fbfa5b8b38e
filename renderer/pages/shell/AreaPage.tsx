/** Picks the page for the chosen area; `active` is false while locked (shortcuts off). */
import type { SessionInfo } from '../../../shared/types';
import type { Area } from '../../lib/nav';
import { AuditPage } from '../audit/AuditPage';
import { CommunitiesPage } from '../communities/CommunitiesPage';
import { DigitizationPage } from '../digitization/DigitizationPage';
import { HomePage } from '../home/HomePage';
import { IntakePage } from '../intake/IntakePage';
import { LendingPage } from '../lending/LendingPage';
import { StoragePage } from '../storage/StoragePage';
import { PersonsPage } from '../persons/PersonsPage';
import { SettingsPage } from '../settings/SettingsPage';
import { UsersPage } from '../users/UsersPage';

export function AreaPage({ area, session, active }: { area: Area; session: SessionInfo; active: boolean }) {
  switch (area) {
    case 'home':
      return <HomePage session={session} active={active} />;
    case 'intake':
      return <IntakePage session={session} active={active} />;
    case 'storage':
      return <StoragePage session={session} active={active} />;
    case 'lending':
      return <LendingPage session={session} active={active} />;
    case 'persons':
      return <PersonsPage session={session} active={active} />;
    case 'digitize':
      return <DigitizationPage session={session} active={active} />;
    case 'communities':
      return <CommunitiesPage session={session} />;
    case 'users':
      return <UsersPage session={session} />;
    case 'audit':
      return <AuditPage />;
    case 'settings':
      return <SettingsPage session={session} />;
  }
}
