/** 清点 step: the desk-count widget wired to intake.desk.record (the ID number is the key). */
import type { IntakePerson } from '../../../shared/intakeTypes';
import { call } from '../../api/client';
import { useIntakeBatch } from '../../state/intakeBatch';
import { DeskCountEntry, type DeskCountInput } from './DeskCountEntry';
import type { DeskPerson } from './deskTotals';

export function toDeskPerson(p: IntakePerson): DeskPerson {
  return {
    key: String(p.rosterRowId),
    idNumber: p.idNumber,
    name: p.name,
    note: p.desk?.explanation ?? '',
    thicknessMm: p.desk?.thicknessMm ?? null,
    rosterVolumes: p.volumesDeclared,
    rosterPages: p.pagesDeclared,
    countedVolumes: p.desk?.volumes ?? null,
    countedPages: p.desk?.pages ?? null,
  };
}

export function DeskStep({ batchId, persons, editable }: { batchId: number; persons: IntakePerson[]; editable: boolean }) {
  const save = async (p: DeskPerson, input: DeskCountInput) => {
    const r = await call('intake.desk.record', {
      batchId,
      idNumber: p.idNumber,
      volumes: input.volumes,
      pages: input.pages,
      thicknessMm: input.thicknessMm,
      explanation: input.note,
    });
    const store = useIntakeBatch.getState();
    store.personChanged(r.person);
    // A mismatch becomes a finding; the counts in the header change too.
    void store.refreshDetail();
    void store.refreshFindings();
  };
  const clear = async (p: DeskPerson) => {
    await call('intake.desk.clear', { batchId, rosterRowId: Number(p.key) });
    const store = useIntakeBatch.getState();
    await store.refreshPersons();
    void store.refreshDetail();
    void store.refreshFindings();
  };
  return (
    <div className="ik-step" data-testid="step-desk">
      <p className="muted">
        逐份清点纸质档案：扫描档案袋上的身份证号条码（或手工输入后回车），依次填写实点卷数、页数、厚度（可不填）和书面说明，每项按回车确认；保存后光标回到扫描框，可直接扫描下一份。
      </p>
      <DeskCountEntry persons={persons.map(toDeskPerson)} readOnly={!editable} onSave={save} onClear={clear} />
    </div>
  );
}
