/** 社区管理: towns (乡镇（街道）) on the left, the selected town's communities on the right. */
import { useEffect, useState } from 'react';
import { can } from '../../../shared/roles';
import type { SessionInfo } from '../../../shared/types';
import { FormError } from '../../components/FormError';
import { useCommunities } from '../../state/communitiesStore';
import { CommunityPane } from './CommunityPane';
import { TownPane } from './TownPane';

export function CommunitiesPage({ session }: { session: SessionInfo }) {
  const canWrite = can(session.role, 'community.write');
  const { towns, communities, error, load } = useCommunities();
  const [selectedTown, setSelectedTown] = useState<number | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="page">
      <div className="page-header">
        <h1>社区管理</h1>
        <span className="muted">代码用于档案编号，设定后请勿随意更改。</span>
      </div>
      <FormError message={error} />
      <div className="two-panes">
        <TownPane towns={towns} communities={communities} selected={selectedTown} onSelect={setSelectedTown} canWrite={canWrite} />
        <CommunityPane towns={towns} communities={communities} townId={selectedTown} canWrite={canWrite} />
      </div>
    </section>
  );
}
