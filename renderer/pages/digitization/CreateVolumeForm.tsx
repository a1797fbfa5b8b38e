/** 新建卷: class scheme (企业职工 / 干部) and an optional archive number. */
import { useState } from 'react';
import { call } from '../../api/client';
import { SCHEME_LABELS, type ClassScheme } from '../../../shared/archiveClasses';
import type { Person } from '../../../shared/types';
import { BusyButton } from '../../components/BusyButton';
import { FormError } from '../../components/FormError';
import { useAction } from '../../hooks/useAction';
import { useDigitize } from '../../state/digitizationStore';
import { toast } from '../../state/toastStore';

export function CreateVolumeForm({ person, nextNo, defaultScheme }: { person: Person; nextNo: number; defaultScheme: ClassScheme }) {
  const [scheme, setScheme] = useState<ClassScheme>(defaultScheme);
  const [archiveNo, setArchiveNo] = useState('');
  const action = useAction();

  const submit = () =>
    void action.run(async () => {
      const v = await call('volume.create', { personId: person.id, scheme, archiveNo: archiveNo.trim() || null });
      useDigitize.getState().volumeSaved(v);
      setArchiveNo('');
      toast(`已建立第 ${v.volumeNo} 卷`);
    });

  return (
    <form
      className="dz-create-volume"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <div className="dz-create-title">新建第 {nextNo} 卷</div>
      <div className="inline-form">
        <select value={scheme} onChange={(e) => setScheme(e.target.value as ClassScheme)} aria-label="类别方案" data-testid="volume-scheme">
          {(Object.keys(SCHEME_LABELS) as ClassScheme[]).map((k) => (
            <option key={k} value={k}>
              {SCHEME_LABELS[k]}
            </option>
          ))}
        </select>
        <input value={archiveNo} onChange={(e) => setArchiveNo(e.target.value)} placeholder="档号（可不填）" maxLength={40} aria-label="档号" className="mono" data-testid="volume-archive-no" />
        <BusyButton type="submit" primary busy={action.busy} busyText="正在建立…" data-testid="volume-create">
          新建卷
        </BusyButton>
      </div>
      <FormError message={action.error} />
    </form>
  );
}
