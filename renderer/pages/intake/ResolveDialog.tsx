/** 处理: resolve one finding (or a whole group) with a note saying why, e.g. 已收到书面说明. */
import { useState } from 'react';
import type { IntakeFinding } from '../../../shared/intakeTypes';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useAction } from '../../hooks/useAction';

const PRESETS = ['已收到书面说明', '已核对纸质档案，无误', '移交单位已补交', '已更正，经复核无误'];

export function ResolveDialog({ findings, onDone, onClose }: { findings: IntakeFinding[]; onDone: (changed: IntakeFinding[]) => void; onClose: () => void }) {
  const [note, setNote] = useState('');
  const action = useAction();
  const one = findings.length === 1 ? findings[0] : undefined;
  const submit = () => {
    if (!note.trim()) return action.setError('请填写处理说明（如：已收到书面说明），说明为什么这个问题可以放行。');
    void action.run(async () => {
      const changed = one
        ? [await call('intake.finding.resolve', { findingId: one.id, note: note.trim() })]
        : await call('intake.finding.resolveMany', { findingIds: findings.map((f) => f.id), note: note.trim() });
      onDone(changed);
    });
  };
  return (
    <FormDialog title={one ? '处理问题' : `处理 ${findings.length} 个问题`} width={600} onSubmit={submit} onClose={onClose} action={action} submitLabel="标记为已处理" submitTestId="resolve-save">
      {one ? <p className="ik-finding-quote">{one.message}</p> : <p>将以同一说明处理所选的 {findings.length} 个问题。</p>}
      <Field label="处理说明" htmlFor="resolve-note" required wide>
        <input id="resolve-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder="Ctrl+Enter 保存" autoComplete="off" data-testid="resolve-note" />
      </Field>
      <div className="ik-presets">
        {PRESETS.map((p) => (
          <button key={p} type="button" className="btn btn-small" onClick={() => setNote(p)} data-testid="resolve-preset">
            {p}
          </button>
        ))}
      </div>
    </FormDialog>
  );
}
