/** Asks once whether a scanner is reachable (SANE on Linux); the clerk may pick among several. */
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../api/client';

export interface ScannerState {
  checked: boolean;
  available: boolean;
  devices: { name: string; label: string }[];
  device: string | null;
  message: string;
  setDevice(name: string): void;
}

export function useScannerStatus(enabled: boolean): ScannerState {
  const [state, setState] = useState<Omit<ScannerState, 'setDevice'>>({ checked: false, available: false, devices: [], device: null, message: '' });
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    call('scanner.status', {})
      .then((r) => {
        if (current) setState({ checked: true, available: r.available, devices: r.devices, device: r.devices[0]?.name ?? null, message: r.message });
      })
      .catch((e: unknown) => {
        if (current) setState({ checked: true, available: false, devices: [], device: null, message: errorMessage(e) });
      });
    return () => {
      current = false;
    };
  }, [enabled]);
  return { ...state, setDevice: (device) => setState((s) => ({ ...s, device })) };
}
