/** The person form's values as typed, and their conversion to the contract's input. */
import type { Input } from '../../../shared/contract';
import type { Person } from '../../../shared/types';

export interface PersonDraft {
  name: string;
  idNumber: string;
  communityId: number | null;
  phone: string;
  address: string;
  enterprise: string;
  retiredOn: string;
  note: string;
}

export function draftFrom(p: Person | null, lastCommunityId: number | null): PersonDraft {
  if (!p) return { name: '', idNumber: '', communityId: lastCommunityId, phone: '', address: '', enterprise: '', retiredOn: '', note: '' };
  return {
    name: p.name,
    idNumber: p.idNumber,
    communityId: p.communityId,
    phone: p.phone,
    address: p.address,
    enterprise: p.enterprise,
    retiredOn: p.retiredOn ?? '',
    note: p.note,
  };
}

/** `retiredOn` comes already parsed (lib/dateInput) since the draft holds the text as typed. */
export function toPersonInput(d: PersonDraft & { communityId: number }, retiredOn: string | null): Input<'person.add'> {
  return {
    name: d.name.trim(),
    idNumber: d.idNumber.trim(),
    communityId: d.communityId,
    phone: d.phone.trim(),
    address: d.address.trim(),
    enterprise: d.enterprise.trim(),
    retiredOn,
    note: d.note.trim(),
  };
}
