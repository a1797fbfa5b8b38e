/**
 * The workbench for one volume: toolbar, job progress, page-number checks, the page strip, the
 * viewer and the item list. Keyboard-first: every strip action has a key (workbenchKeys.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Volume } from '../../../shared/types';
import { FormError } from '../../components/FormError';
import { useKeyDown } from '../../hooks/useKeyDown';
import { useDigitize } from '../../state/digitizationStore';
import { useWorkbench } from '../../state/digitizationWorkbench';
import { toast } from '../../state/toastStore';
import { AcceptDialog } from './AcceptDialog';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { ItemPanel, type ItemEditing } from './ItemPanel';
import { JobBar } from './JobBar';
import { OcrTextPanel } from './OcrTextPanel';
import { PageStrip } from './PageStrip';
import { PageViewer } from './PageViewer';
import { SequenceBar } from './SequenceBar';
import { ShortcutHelp } from './ShortcutHelp';
import { VolumeDialog } from './VolumeDialog';
import { WatchDialog } from './WatchDialog';
import { WorkbenchHeader } from './WorkbenchHeader';
import { WorkbenchToolbar, type ScannerState } from './WorkbenchToolbar';
import { pickAndImport } from './pickAndImport';
import { selectionStep, stepPosition } from './reorder';
import { isEditAction, keysApplyTo, toggledKind, workbenchKeyAction, type WorkbenchAction } from './workbenchKeys';
import { zoomStep, type Zoom } from './zoom';
import { useScannerStatus } from './useScannerStatus';

export type WorkbenchDialog = { kind: 'import'; insertAt?: number } | { kind: 'watch' } | { kind: 'accept' } | { kind: 'export' } | { kind: 'volume' } | null;

interface WorkbenchProps {
  initialVolume: Volume;
  canWrite: boolean;
  active: boolean;
}

export function Workbench({ initialVolume, canWrite, active }: WorkbenchProps) {
  const wb = useWorkbench();
  const volume = wb.volume?.id === initialVolume.id ? wb.volume : initialVolume;
  const readOnly = !canWrite || volume.status === 'accepted';
  const [dialog, setDialog] = useState<WorkbenchDialog>(null);
  const [zoom, setZoom] = useState<Zoom>({ mode: 'fitWidth' });
  const [fitScale, setFitScale] = useState(1);
  const [viewRotation, setViewRotation] = useState(0);
  const [itemEditing, setItemEditing] = useState<ItemEditing | null>(null);
  const [numberFocus, setNumberFocus] = useState(0);
  const scanner: ScannerState = useScannerStatus(canWrite);

  useEffect(() => {
    const s = useWorkbench.getState();
    // Coming back from another area: keep the strip and selection, just re-read.
    if (s.volume?.id === initialVolume.id) void Promise.all([s.refreshPages(), s.refreshItems()]);
    else void s.open(initialVolume);
  }, [initialVolume]);

  const selected = useMemo(() => wb.pages.find((p) => p.id === wb.selectedId) ?? null, [wb.pages, wb.selectedId]);
  const jobs = wb.jobs.filter((j) => j.volumeId === volume.id);
  const watchJob = jobs.find((j) => j.kind === 'watch' && j.state === 'running') ?? null;
  const scanning = jobs.some((j) => j.kind === 'scan' && j.state === 'running');

  const back = () => {
    useWorkbench.getState().close();
    useDigitize.getState().closeVolume();
  };

  const readOnlyMessage = !canWrite ? '您的角色只能查看，不能修改。' : '本卷已验收，只能查看和导出，不能再修改。';

  const startImport = (insertAt?: number) => {
    if (window.archiveDesk) void pickAndImport(insertAt);
    else setDialog({ kind: 'import', ...(insertAt !== undefined ? { insertAt } : {}) });
  };

  const startScan = () => {
    if (!scanner.available) return wb.setActionError(scanner.message || '未找到可用的扫描仪。');
    if (scanning) return;
    wb.scan(scanner.device ?? undefined).catch((e: unknown) => wb.setActionError(e instanceof Error ? e.message : String(e)));
  };

  const openItemForm = () => {
    if (!selected) return wb.setActionError('请先在左侧选择材料的第一页。');
    const existing = wb.items.find((it) => it.startPageId === selected.id);
    setItemEditing(existing ? { pageId: selected.id, item: existing } : { pageId: selected.id, item: null });
  };

  const act = (a: WorkbenchAction) => {
    const s = useWorkbench.getState();
    switch (a.type) {
      case 'select':
        return s.select(selectionStep(s.pages, s.selectedId, a.by));
      case 'selectEdge':
        return s.select((a.edge === 'first' ? s.pages[0] : s.pages[s.pages.length - 1])?.id ?? null);
      case 'zoom':
        if (a.how === 'fitWidth') return setZoom({ mode: 'fitWidth' });
        if (a.how === 'actual') return setZoom({ mode: 'scale', scale: 1 });
        return setZoom((z) => ({ mode: 'scale', scale: zoomStep(z.mode === 'fitWidth' ? fitScale : z.scale, a.how === 'in' ? 'in' : 'out') }));
      case 'rotateView':
        return setViewRotation((r) => (r + 90) % 360);
      case 'undo':
        return void s.undo().then((undone) => toast(undone ? `已撤销：${undone}` : '没有可撤销的操作。'));
      case 'import':
        return startImport();
      case 'insertRescan':
        return selected ? startImport(selected.position) : startImport();
      case 'scan':
        return startScan();
      case 'newItem':
        return openItemForm();
      case 'editNumber':
        return selected ? setNumberFocus((n) => n + 1) : undefined;
    }
    if (!selected) return;
    switch (a.type) {
      case 'move': {
        const to = stepPosition(selected.position, a.by, s.pages.length);
        return to === null ? undefined : void s.move(selected.id, to);
      }
      case 'delete':
        toast(`已删除图像 ${selected.position}（Ctrl+Z 撤销）`);
        return void s.remove(selected.id);
      case 'rotate':
        return void s.rotate(selected.id, a.degrees);
      case 'toggleKind':
        return void s.setKind(selected.id, toggledKind(selected.kind, a.kind));
    }
  };

  useKeyDown((e) => {
    if (dialog !== null || !keysApplyTo(e.target)) return;
    const a = workbenchKeyAction(e);
    if (!a) return;
    e.preventDefault();
    if (isEditAction(a) && readOnly) return wb.setActionError(readOnlyMessage);
    act(a);
  }, active);

  return (
    <section className="page dz-workbench" data-testid="workbench">
      <WorkbenchHeader volume={volume} pages={wb.pages} pageCount={wb.pageCount} onBack={back} onEdit={canWrite ? () => setDialog({ kind: 'volume' }) : null} />
      <WorkbenchToolbar
        readOnly={readOnly}
        canExport
        selectedPosition={selected?.position ?? null}
        watching={watchJob}
        scanning={scanning}
        scanner={scanner}
        onImport={() => startImport()}
        onInsert={() => act({ type: 'insertRescan' })}
        onWatch={() => setDialog({ kind: 'watch' })}
        onStopWatch={() => watchJob && wb.stopJob(watchJob.id).catch((e: unknown) => wb.setActionError(e instanceof Error ? e.message : String(e)))}
        onScan={startScan}
        onUndo={() => act({ type: 'undo' })}
        onAccept={() => setDialog({ kind: 'accept' })}
        onExport={() => setDialog({ kind: 'export' })}
      />
      <FormError message={wb.loadError ?? wb.actionError} />
      <JobBar jobs={jobs} uploads={wb.uploads} />
      <SequenceBar problems={wb.problems} pages={wb.pages} onSelect={(id) => wb.select(id)} />
      <div className="dz-main">
        <PageStrip
          pages={wb.pages}
          items={wb.items}
          problems={wb.problems}
          selectedId={wb.selectedId}
          loading={wb.loading}
          readOnly={readOnly}
          onSelect={(id) => wb.select(id)}
          onMove={(id, to) => void wb.move(id, to)}
          onDropFiles={(files) => (readOnly ? wb.setActionError(readOnlyMessage) : void wb.uploadFiles(files))}
        />
        <PageViewer
          page={selected}
          pages={wb.pages}
          readOnly={readOnly}
          zoom={zoom}
          onZoom={setZoom}
          fitScale={fitScale}
          onFitScale={setFitScale}
          viewRotation={viewRotation}
          onRotateView={() => setViewRotation((r) => (r + 90) % 360)}
          numberFocus={numberFocus}
        />
        <aside className="dz-side">
          <ItemPanel
            volume={volume}
            pages={wb.pages}
            items={wb.items}
            selected={selected}
            readOnly={readOnly}
            editing={itemEditing}
            onEdit={setItemEditing}
            onNew={openItemForm}
            onSelectPage={(id) => wb.select(id)}
          />
          <OcrTextPanel page={selected} />
        </aside>
      </div>
      <ShortcutHelp />
      {dialog?.kind === 'import' ? <ImportDialog insertAt={dialog.insertAt} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'watch' ? <WatchDialog onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'accept' ? <AcceptDialog volume={volume} pages={wb.pages} pageCount={wb.pageCount} problems={wb.problems} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'export' ? <ExportDialog volume={volume} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'volume' ? <VolumeDialog volume={volume} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
