/** 验收本卷: a last look at the count and the page-number check; originals are discarded after it. */
import { BusyButton } from '../../components/BusyButton';
import { FormError } from '../../components/FormError';
import { Modal } from '../../components/Modal';
import type { SequenceProblem } from '../../../shared/pageCounting';
import type { PageInfo, Volume } from '../../../shared/types';
import { call } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { useDigitize } from '../../state/digitizationStore';
import { useWorkbench } from '../../state/digitizationWorkbench';
import { toast } from '../../state/toastStore';
import { countLine, stripCounts } from './stripCounts';

interface AcceptDialogProps {
  volume: Volume;
  pages: PageInfo[];
  pageCount: number;
  problems: SequenceProblem[];
  onClose: () => void;
}

export function AcceptDialog({ volume, pages, pageCount, problems, onClose }: AcceptDialogProps) {
  const action = useAction();
  const pending = pages.filter((p) => p.ocr === 'pending').length;
  const gaps = problems.filter((p) => p.kind !== 'unread').length;
  const unread = problems.length - gaps;
  const accept = () =>
    void action.run(async () => {
      const v = await call('volume.accept', { id: volume.id });
      useWorkbench.getState().volumeChanged(v);
      useDigitize.getState().volumeSaved(v);
      toast(`第 ${v.volumeNo} 卷已验收`);
      onClose();
    });
  return (
    <Modal title={`验收 ${volume.personName} 第 ${volume.volumeNo} 卷`} onClose={onClose} width={560}>
      <div className="form">
        <p>
          请核对电子图像与纸质档案一致：<strong>{countLine(stripCounts(pages), pageCount)}</strong>。
        </p>
        {gaps > 0 ? <div className="form-error">页码检查还有 {gaps} 处缺页或重页，请先补扫或更正页码。</div> : null}
        {unread > 0 ? <div className="notice">有 {unread} 张图像未读出页码，请确认已逐张核对。</div> : null}
        {pending > 0 ? <div className="notice">还有 {pending} 张图像在识别文字，验收后会继续完成。</div> : null}
        <p className="dz-warn">验收后本卷只读，不能再增删、调整图像或修改目录；扫描的原始图像将被删除，只保留处理后的图像。</p>
        <FormError message={action.error} />
        <div className="form-actions">
          <BusyButton type="button" primary busy={action.busy} busyText="正在验收…" onClick={accept} data-testid="accept-confirm">
            确认验收
          </BusyButton>
          <button type="button" className="btn" onClick={onClose} autoFocus>
            取消
          </button>
        </div>
      </div>
    </Modal>
  );
}
