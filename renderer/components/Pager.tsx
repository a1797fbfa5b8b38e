/** 上一页 / 下一页 with "第 a–b 条，共 n 条". */
interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  shown: number;
  onChange: (offset: number) => void;
}

export function Pager({ offset, limit, total, shown, onChange }: PagerProps) {
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <div className="pager">
      <span className="pager-info">
        {total === 0 ? '共 0 条' : `第 ${offset + 1}–${offset + shown} 条，共 ${total} 条`}
      </span>
      <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        上一页
      </button>
      <span className="pager-page">
        {page} / {pages}
      </span>
      <button type="button" className="btn btn-small" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
        下一页
      </button>
    </div>
  );
}
