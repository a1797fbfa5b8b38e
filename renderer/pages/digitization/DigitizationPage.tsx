/** 数字化: pick a retiree and a volume, then work on it in the workbench. */
import { can } from '../../../shared/roles';
import type { SessionInfo } from '../../../shared/types';
import { useDigitize } from '../../state/digitizationStore';
import { VolumesLanding } from './VolumesLanding';
import { Workbench } from './Workbench';
import { useJobPolling } from './useJobPolling';
import './digitization.css';

export function DigitizationPage({ session, active }: { session: SessionInfo; active: boolean }) {
  const canWrite = can(session.role, 'digitize.write');
  const openVolumeId = useDigitize((s) => s.openVolumeId);
  const volume = useDigitize((s) => s.volumes.find((v) => v.id === s.openVolumeId) ?? null);
  useJobPolling(active);
  if (openVolumeId !== null && volume) return <Workbench key={volume.id} initialVolume={volume} canWrite={canWrite} active={active} />;
  return <VolumesLanding canWrite={canWrite} active={active} />;
}
