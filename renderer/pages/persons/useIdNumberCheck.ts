/**
 * Checks an ID number as it is typed: locally at once (GB 11643), and, once locally valid, asks the
 * archive whether it is already registered (debounced, latest answer wins).
 */
import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api/client';
import { checkIdNumber, normaliseIdNumber, type IdCheck } from '../../../shared/idNumber';

export interface IdNumberCheck {
  local: IdCheck;
  /** Length typed so far after normalising (full-width digits, spaces). */
  length: number;
  /** Another person already holds this number. */
  duplicateOf: number | null;
}

const DUPLICATE_CHECK_DELAY_MS = 250;

export function useIdNumberCheck(raw: string, selfId: number | null, disabled: boolean): IdNumberCheck {
  const local = useMemo(() => checkIdNumber(raw), [raw]);
  const length = normaliseIdNumber(raw).length;
  const [dup, setDup] = useState<{ idNumber: string; existing: number | null } | null>(null);
  const validNumber = local.ok ? local.idNumber : null;

  useEffect(() => {
    if (disabled || validNumber === null) return;
    let current = true;
    const timer = window.setTimeout(() => {
      call('person.checkId', { idNumber: validNumber })
        .then((r) => {
          if (current) setDup({ idNumber: validNumber, existing: r.existingPersonId });
        })
        .catch(() => undefined); // only a hint: the server refuses duplicates on save anyway
    }, DUPLICATE_CHECK_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [validNumber, disabled]);

  const existing = dup && dup.idNumber === validNumber ? dup.existing : null;
  return { local, length, duplicateOf: existing !== null && existing !== selfId ? existing : null };
}
