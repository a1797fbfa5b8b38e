/** A <select> of communities grouped by town (optgroups), in code order. */
import { groupByTown } from '../lib/communityGroups';
import type { Community, Town } from '../../shared/types';

interface CommunitySelectProps {
  id?: string;
  value: number | null;
  onChange: (id: number | null) => void;
  communities: Community[];
  towns: Town[];
  emptyLabel: string;
  testId?: string;
  showCount?: boolean;
}

export function CommunitySelect({ id, value, onChange, communities, towns, emptyLabel, testId, showCount }: CommunitySelectProps) {
  const groups = groupByTown(communities, towns).filter((g) => g.communities.length > 0);
  return (
    <select
      id={id}
      value={value === null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      data-testid={testId}
    >
      <option value="">{emptyLabel}</option>
      {groups.map((g) => (
        <optgroup key={g.townId} label={`${g.townName}（${g.townCode}）`}>
          {g.communities.map((c) => (
            <option key={c.id} value={c.id}>
              {showCount ? `${c.name}（${c.personCount} 人）` : c.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
