/** 查阅人: one block per reader, several allowed; the ID number is checked as it is typed. */
import { useState } from 'react';
import { READER_RELATIONS, type ReaderRelation } from '../../../shared/lendingTypes';
import { checkReader, emptyReader, type ReaderDraft } from './readerDraft';

interface ReaderRowsProps {
  readers: ReaderDraft[];
  onChange: (readers: ReaderDraft[]) => void;
  files: { idNumber: string; name: string; archiveNo: string }[];
  defaultUnit: string;
}

export function ReaderRows({ readers, onChange, files, defaultUnit }: ReaderRowsProps) {
  const [touched, setTouched] = useState<Set<number>>(new Set());
  const update = (key: number, patch: Partial<ReaderDraft>) => onChange(readers.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <div className="ld-readers" data-testid="ld-readers">
      {readers.map((r, i) => {
        const c = checkReader(r, files, touched.has(r.key));
        const tid = (f: string) => `ld-reader-${i}-${f}`;
        return (
          <fieldset key={r.key} className="ld-reader" data-testid={`ld-reader-${i}`}>
            <legend>
              查阅人 {i + 1}
              {readers.length > 1 ? (
                <button type="button" className="btn btn-link" onClick={() => onChange(readers.filter((x) => x.key !== r.key))} data-testid={tid('remove')}>
                  移除
                </button>
              ) : null}
            </legend>
            <div className="ld-reader-grid">
              <label>
                <span>
                  姓名<span className="required">*</span>
                </span>
                <input value={r.name} onChange={(e) => update(r.key, { name: e.target.value })} maxLength={50} data-testid={tid('name')} />
              </label>
              <label className="ld-reader-id">
                <span>
                  身份证号<span className="required">*</span>
                </span>
                <input
                  className="mono"
                  value={r.idNumber}
                  onChange={(e) => update(r.key, { idNumber: e.target.value })}
                  onBlur={() => setTouched((t) => new Set(t).add(r.key))}
                  maxLength={30}
                  spellCheck={false}
                  autoComplete="off"
                  aria-invalid={c.idError !== null}
                  data-testid={tid('id')}
                />
                {c.idError ? (
                  <span className="field-error" role="alert" data-testid={tid('id-error')}>
                    {c.idError}
                  </span>
                ) : (
                  <span className="field-hint">{c.idHint}</span>
                )}
              </label>
              <label>
                <span>
                  工作单位<span className="required">*</span>
                </span>
                <input value={r.unit} onChange={(e) => update(r.key, { unit: e.target.value })} maxLength={100} data-testid={tid('unit')} />
              </label>
              <label>
                职务
                <input value={r.post} onChange={(e) => update(r.key, { post: e.target.value })} maxLength={50} data-testid={tid('post')} />
              </label>
              <label>
                政治面貌
                <input value={r.political} onChange={(e) => update(r.key, { political: e.target.value })} maxLength={20} placeholder="如 中共党员" data-testid={tid('political')} />
              </label>
              <label>
                <span>
                  联系电话<span className="required">*</span>
                </span>
                <input value={r.contact} onChange={(e) => update(r.key, { contact: e.target.value })} maxLength={50} data-testid={tid('contact')} />
              </label>
              <label>
                与档案当事人关系
                <select value={r.relation} onChange={(e) => update(r.key, { relation: e.target.value as ReaderRelation })} data-testid={tid('relation')}>
                  {READER_RELATIONS.map((x) => (
                    <option key={x} value={x}>
                      {x}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {c.ruleError ? (
              <div className="field-error" role="alert" data-testid={tid('rule-error')}>
                {c.ruleError}
              </div>
            ) : null}
          </fieldset>
        );
      })}
      <button type="button" className="btn" onClick={() => onChange([...readers, emptyReader(defaultUnit)])} data-testid="ld-reader-add">
        ＋ 添加查阅人
      </button>
    </div>
  );
}
