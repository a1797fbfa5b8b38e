// Pure logic behind the digitization screens: shortcuts, wording, progress, reorder math, counts.
import { describe, expect, it } from 'vitest';
import type { KeyLike } from '../../renderer/lib/keys';
import { defaultClassFor } from '../../renderer/pages/digitization/itemDefaults';
import { itemColour, itemsInStripOrder, pageItemMarks } from '../../renderer/pages/digitization/itemMarks';
import { baseName, formatEta, jobPercent, jobSummary } from '../../renderer/pages/digitization/jobProgress';
import { pageFlags } from '../../renderer/pages/digitization/pageLabels';
import { isImportable, parsePathList } from '../../renderer/pages/digitization/pathList';
import { dropPosition, dropSide, movedOrder, selectionAfterDelete, selectionStep, stepPosition } from '../../renderer/pages/digitization/reorder';
import { describeSequenceProblem, numberList, problemPageId, stripProblemMarks } from '../../renderer/pages/digitization/sequenceWording';
import { countLine, stripCounts } from '../../renderer/pages/digitization/stripCounts';
import { isEditAction, keysApplyTo, toggledKind, workbenchKeyAction } from '../../renderer/pages/digitization/workbenchKeys';
import { currentScale, fitWidthScale, zoomLabel, zoomStep, ZOOM_STEPS } from '../../renderer/pages/digitization/zoom';
import { checkPageSequence } from '../../shared/pageCounting';
import type { ItemEntry, Job } from '../../shared/types';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('workbenchKeyAction', () => {
  it('maps the strip keys', () => {
    expect(workbenchKeyAction(key('ArrowDown'))).toEqual({ type: 'select', by: 1 });
    expect(workbenchKeyAction(key('ArrowLeft'))).toEqual({ type: 'select', by: -1 });
    expect(workbenchKeyAction(key('PageDown'))).toEqual({ type: 'select', by: 5 });
    expect(workbenchKeyAction(key('Home'))).toEqual({ type: 'selectEdge', edge: 'first' });
    expect(workbenchKeyAction(key('End'))).toEqual({ type: 'selectEdge', edge: 'last' });
    expect(workbenchKeyAction(key('Delete'))).toEqual({ type: 'delete' });
    expect(workbenchKeyAction(key('Insert'))).toEqual({ type: 'insertRescan' });
    expect(workbenchKeyAction(key('n'))).toEqual({ type: 'newItem' });
    expect(workbenchKeyAction(key('p'))).toEqual({ type: 'editNumber' });
  });

  it('R rotates right, Shift+R left, also when Caps Lock changes the letter', () => {
    expect(workbenchKeyAction(key('r'))).toEqual({ type: 'rotate', degrees: 90 });
    expect(workbenchKeyAction(key('R', { shiftKey: true }))).toEqual({ type: 'rotate', degrees: 270 });
    expect(workbenchKeyAction(key('R'))).toEqual({ type: 'rotate', degrees: 90 });
    // An IME may report "Process" as the key; the physical key code still counts.
    expect(workbenchKeyAction({ ...key('Process'), code: 'KeyB' })).toEqual({ type: 'toggleKind', kind: 'blank' });
    expect(workbenchKeyAction(key('c'))).toEqual({ type: 'toggleKind', kind: 'cover' });
  });

  it('Ctrl+Z undoes, Ctrl+arrows move the page, Ctrl+R and Alt combinations are left to the browser / app', () => {
    expect(workbenchKeyAction(key('z', { ctrlKey: true }))).toEqual({ type: 'undo' });
    expect(workbenchKeyAction(key('z', { metaKey: true }))).toEqual({ type: 'undo' });
    expect(workbenchKeyAction(key('ArrowUp', { ctrlKey: true }))).toEqual({ type: 'move', by: -1 });
    expect(workbenchKeyAction(key('ArrowDown', { ctrlKey: true }))).toEqual({ type: 'move', by: 1 });
    expect(workbenchKeyAction(key('o', { ctrlKey: true }))).toEqual({ type: 'import' });
    expect(workbenchKeyAction(key('r', { ctrlKey: true }))).toBeNull();
    expect(workbenchKeyAction(key('l', { ctrlKey: true }))).toBeNull(); // Ctrl+L locks (shell)
    expect(workbenchKeyAction(key('n', { altKey: true }))).toBeNull();
    expect(workbenchKeyAction(key('z', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(workbenchKeyAction(key('x'))).toBeNull();
  });

  it('zoom keys', () => {
    expect(workbenchKeyAction(key('+', { shiftKey: true }))).toEqual({ type: 'zoom', how: 'in' });
    expect(workbenchKeyAction(key('='))).toEqual({ type: 'zoom', how: 'in' });
    expect(workbenchKeyAction(key('-'))).toEqual({ type: 'zoom', how: 'out' });
    expect(workbenchKeyAction(key('0'))).toEqual({ type: 'zoom', how: 'fitWidth' });
    expect(workbenchKeyAction(key('1'))).toEqual({ type: 'zoom', how: 'actual' });
    expect(workbenchKeyAction(key('v'))).toEqual({ type: 'rotateView' });
  });

  it('tells edits from looking', () => {
    expect(isEditAction({ type: 'delete' })).toBe(true);
    expect(isEditAction({ type: 'undo' })).toBe(true);
    expect(isEditAction({ type: 'rotate', degrees: 90 })).toBe(true);
    expect(isEditAction({ type: 'select', by: 1 })).toBe(false);
    expect(isEditAction({ type: 'zoom', how: 'in' })).toBe(false);
  });

  it('B and C toggle back to a counted page', () => {
    expect(toggledKind('page', 'blank')).toBe('blank');
    expect(toggledKind('blank', 'blank')).toBe('page');
    expect(toggledKind('blank', 'cover')).toBe('cover');
    expect(toggledKind('cover', 'cover')).toBe('page');
  });

  it('keys are off inside fields, forms and dialogs', () => {
    const el = (tag: string, inside: string | null = null) =>
      ({ tagName: tag, isContentEditable: false, closest: (sel: string) => (inside && sel.includes(inside) ? {} : null) }) as unknown as EventTarget;
    expect(keysApplyTo(el('DIV'))).toBe(true);
    expect(keysApplyTo(el('BUTTON'))).toBe(true);
    expect(keysApplyTo(el('INPUT'))).toBe(false);
    expect(keysApplyTo(el('TEXTAREA'))).toBe(false);
    expect(keysApplyTo(el('SELECT'))).toBe(false);
    expect(keysApplyTo(el('BUTTON', 'form'))).toBe(false);
    expect(keysApplyTo(el('BUTTON', 'dialog'))).toBe(false);
    expect(keysApplyTo(null)).toBe(true);
  });
});

describe('sequence problem wording', () => {
  const pages = new Map([
    [10, { position: 3, printedNumber: 12 }],
    [11, { position: 4, printedNumber: 12 }],
    [12, { position: 5, printedNumber: null }],
  ]);

  it('lists missing numbers as runs', () => {
    expect(numberList([13])).toBe('13');
    expect(numberList([13, 14])).toBe('13、14');
    expect(numberList([13, 14, 15])).toBe('13–15');
    expect(numberList([3, 7, 8, 9, 12])).toBe('3、7–9、12');
    expect(numberList(Array.from({ length: 50 }, (_, i) => i + 1))).toBe('1–50 等');
  });

  it('says where a page is missing, repeated or unread', () => {
    expect(describeSequenceProblem({ kind: 'gap', afterPageId: 10, missing: [13] }, pages)).toBe('第 12 页后缺第 13 页（图像 3 之后）');
    expect(describeSequenceProblem({ kind: 'gap', afterPageId: 0, missing: [1, 2] }, pages)).toBe('开头缺第 1、2 页');
    expect(describeSequenceProblem({ kind: 'repeat', pageId: 11, number: 12 }, pages)).toBe('第 12 页重复（图像 4）');
    expect(describeSequenceProblem({ kind: 'unread', pageId: 12 }, pages)).toContain('图像 5 未读出页码');
  });

  it('matches what the shared check finds', () => {
    const strip = [
      { id: 1, kind: 'page' as const, printedNumber: 1 },
      { id: 2, kind: 'blank' as const, printedNumber: null },
      { id: 3, kind: 'page' as const, printedNumber: 3 },
      { id: 4, kind: 'page' as const, printedNumber: 3 },
    ];
    const lookup = new Map(strip.map((p, i) => [p.id, { position: i + 1, printedNumber: p.printedNumber }]));
    const texts = checkPageSequence(strip).map((p) => describeSequenceProblem(p, lookup));
    expect(texts).toEqual(['第 1 页后缺第 2 页（图像 1 之后）', '第 3 页重复（图像 4）']);
  });

  it('marks the strip and points at the page to select', () => {
    const marks = stripProblemMarks([
      { kind: 'gap', afterPageId: 10, missing: [13, 14] },
      { kind: 'repeat', pageId: 11, number: 12 },
      { kind: 'unread', pageId: 12 },
    ]);
    expect(marks.gapAfter.get(10)).toBe('缺第 13、14 页');
    expect([...marks.repeated]).toEqual([11]);
    expect([...marks.unread]).toEqual([12]);
    expect(problemPageId({ kind: 'gap', afterPageId: 0, missing: [1] })).toBeNull();
    expect(problemPageId({ kind: 'repeat', pageId: 11, number: 12 })).toBe(11);
  });
});

describe('job progress', () => {
  const job = (over: Partial<Job>): Job => ({
    id: 'j',
    kind: 'import',
    volumeId: 1,
    state: 'running',
    done: 0,
    total: null,
    failed: 0,
    etaSeconds: null,
    errors: [],
    message: '',
    outputs: [],
    ...over,
  });

  it('formats the time left', () => {
    expect(formatEta(null)).toBe('正在估算…');
    expect(formatEta(-1)).toBe('正在估算…');
    expect(formatEta(3)).toBe('即将完成');
    expect(formatEta(45)).toBe('约 45 秒');
    expect(formatEta(200)).toBe('约 3 分 20 秒');
    expect(formatEta(180)).toBe('约 3 分');
    expect(formatEta(757)).toBe('约 12 分');
    expect(formatEta(3600)).toBe('约 1 小时');
    expect(formatEta(3900)).toBe('约 1 小时 5 分');
  });

  it('computes the percentage, unknown totals stay unknown', () => {
    expect(jobPercent(job({ done: 3, failed: 1, total: 8 }))).toBe(50);
    expect(jobPercent(job({ done: 1, total: 3 }))).toBe(33);
    expect(jobPercent(job({ done: 5, total: null }))).toBeNull();
    expect(jobPercent(job({ state: 'done', done: 5, total: null }))).toBe(100);
  });

  it('summarises a job in one line', () => {
    expect(jobSummary(job({ done: 12, total: 40, etaSeconds: 130 }))).toBe('导入：12 / 40 张（30%），剩余时间 约 2 分 10 秒');
    expect(jobSummary(job({ kind: 'watch', done: 7 }))).toBe('监视文件夹：已处理 7 张');
    expect(jobSummary(job({ done: 3, failed: 1, total: 4, state: 'done' }))).toBe('导入：4 / 4 张（100%），失败 1 张，已完成');
    expect(jobSummary(job({ kind: 'export', done: 2, total: 2, state: 'done' }))).toBe('导出：2 / 2 项（100%），已完成');
  });

  it('shortens error sources to the file name', () => {
    expect(baseName('/home/a/扫描/001.jpg')).toBe('001.jpg');
    expect(baseName('C:\\扫描\\002.tif 第 3 页')).toBe('002.tif 第 3 页');
    expect(baseName('plain')).toBe('plain');
  });
});

describe('reorder math', () => {
  it('dropping before / after a page gives the final position', () => {
    // Strip 1..5; drag page 2.
    expect(dropPosition(2, 4, 'before')).toBe(3);
    expect(dropPosition(2, 4, 'after')).toBe(4);
    expect(dropPosition(2, 5, 'after')).toBe(5);
    expect(dropPosition(4, 1, 'before')).toBe(1);
    expect(dropPosition(4, 2, 'after')).toBe(3);
    // Dropping onto itself or its own edges moves nothing.
    expect(dropPosition(2, 2, 'before')).toBeNull();
    expect(dropPosition(2, 2, 'after')).toBeNull();
    expect(dropPosition(2, 3, 'before')).toBeNull();
    expect(dropPosition(2, 1, 'after')).toBeNull();
  });

  it('agrees with moving the element in a list', () => {
    const strip = ['a', 'b', 'c', 'd', 'e'];
    for (let from = 1; from <= 5; from++) {
      for (let over = 1; over <= 5; over++) {
        for (const side of ['before', 'after'] as const) {
          const to = dropPosition(from, over, side);
          // Expected: remove `from`, insert before/after the element that was at `over`.
          const expected = [...strip];
          const [moved] = expected.splice(from - 1, 1);
          const target = strip[over - 1] as string;
          if (from !== over) expected.splice(expected.indexOf(target) + (side === 'after' ? 1 : 0), 0, moved as string);
          else expected.splice(from - 1, 0, moved as string);
          const actual = to === null ? strip : movedOrder(strip, from, to);
          expect(actual, `from ${from} ${side} ${over}`).toEqual(expected);
        }
      }
    }
  });

  it('halves, steps and selection', () => {
    expect(dropSide(10, 100)).toBe('before');
    expect(dropSide(60, 100)).toBe('after');
    expect(stepPosition(1, -1, 5)).toBeNull();
    expect(stepPosition(5, 1, 5)).toBeNull();
    expect(stepPosition(3, 1, 5)).toBe(4);
    const pages = [{ id: 7 }, { id: 8 }, { id: 9 }];
    expect(selectionAfterDelete(pages, 8)).toBe(9);
    expect(selectionAfterDelete(pages, 9)).toBe(8);
    expect(selectionAfterDelete([{ id: 7 }], 7)).toBeNull();
    expect(selectionStep(pages, 7, -1)).toBe(7);
    expect(selectionStep(pages, 7, 5)).toBe(9);
    expect(selectionStep(pages, null, 1)).toBe(7);
    expect(selectionStep(pages, null, -1)).toBe(9);
    expect(selectionStep([], null, 1)).toBeNull();
  });
});

describe('counts and item marks', () => {
  const pages = [
    { id: 1, position: 1, kind: 'cover' as const },
    { id: 2, position: 2, kind: 'page' as const },
    { id: 3, position: 3, kind: 'blank' as const },
    { id: 4, position: 4, kind: 'page' as const },
    { id: 5, position: 5, kind: 'page' as const },
  ];
  const item = (id: number, startPageId: number, classCode: string): ItemEntry => ({
    id, volumeId: 1, startPageId, classCode, serial: `${classCode}-1`, title: `材料${id}`, formedOn: null, pages: 0, note: '',
  });

  it('writes the count line', () => {
    const c = stripCounts(pages);
    expect(c).toEqual({ counted: 3, images: 5, blank: 1, cover: 1 });
    expect(countLine(c)).toBe('计数页数 3（共 5 张图像，空白 1，封面 1）');
    expect(countLine(c, 4)).toBe('计数页数 4（共 5 张图像，空白 1，封面 1）');
  });

  it('colours each item range and marks its start', () => {
    const items = [item(20, 4, '9-1'), item(10, 2, '1')];
    const marks = pageItemMarks(pages, itemsInStripOrder(pages, items));
    expect(marks.has(1)).toBe(false); // before the first item
    expect(marks.get(2)).toMatchObject({ index: 0, isStart: true, item: { id: 10 } });
    expect(marks.get(3)).toMatchObject({ index: 0, isStart: false });
    expect(marks.get(4)).toMatchObject({ index: 1, isStart: true, item: { id: 20 } });
    expect(marks.get(5)).toMatchObject({ index: 1, isStart: false });
    expect(itemColour(0)).not.toBe(itemColour(1));
    expect(itemColour(8)).toBe(itemColour(0));
  });

  it('a new item continues the class of the item before it', () => {
    const ordered = [item(10, 2, '4-2')];
    expect(defaultClassFor('cadre', { position: 5 }, pages, ordered)).toBe('4-2');
    expect(defaultClassFor('cadre', { position: 1 }, pages, ordered)).toBe('1');
    // A class that does not exist in the scheme falls back to the first one.
    expect(defaultClassFor('enterprise', { position: 5 }, pages, ordered)).toBe('1');
  });

  it('flags what the clerk must see on a thumbnail', () => {
    expect(pageFlags({ kind: 'page', colour: true, rotation: 180, ocr: 'done' })).toEqual(['彩色', '转 180°']);
    expect(pageFlags({ kind: 'blank', colour: false, rotation: 0, ocr: 'skipped' })).toEqual(['空白']);
    expect(pageFlags({ kind: 'page', colour: false, rotation: 0, ocr: 'pending' })).toEqual(['识别中']);
  });
});

describe('zoom', () => {
  it('fits the width of the rotated view', () => {
    expect(fitWidthScale(1000, { width: 2000, height: 3000 }, 0)).toBe(0.5);
    expect(fitWidthScale(1500, { width: 2000, height: 3000 }, 90)).toBe(0.5);
    expect(fitWidthScale(0, { width: 2000, height: 3000 }, 0)).toBe(1);
    expect(currentScale({ mode: 'fitWidth' }, 0.37)).toBe(0.37);
    expect(currentScale({ mode: 'scale', scale: 2 }, 0.37)).toBe(2);
  });

  it('steps along the ladder and stops at its ends', () => {
    expect(zoomStep(1, 'in')).toBe(1.25);
    expect(zoomStep(1, 'out')).toBe(0.75);
    expect(zoomStep(0.37, 'in')).toBe(0.5);
    expect(zoomStep(0.37, 'out')).toBe(0.33);
    expect(zoomStep(ZOOM_STEPS[ZOOM_STEPS.length - 1] as number, 'in')).toBe(4);
    expect(zoomStep(0.1, 'out')).toBe(0.1);
    expect(zoomLabel(0.333)).toBe('33%');
  });
});

describe('import paths', () => {
  it('reads one path per line, quoted paths with spaces, and drops repeats', () => {
    expect(parsePathList('/a/1.jpg\n\n  /a/2.jpg  \r\n/a/1.jpg')).toEqual(['/a/1.jpg', '/a/2.jpg']);
    expect(parsePathList('"C:\\扫描 文件\\001.jpg" "C:\\扫描 文件\\002.jpg"')).toEqual(['C:\\扫描 文件\\001.jpg', 'C:\\扫描 文件\\002.jpg']);
    expect(parsePathList('/home/u/my scans/003.tif')).toEqual(['/home/u/my scans/003.tif']);
    expect(parsePathList('   ')).toEqual([]);
  });

  it('accepts images and PDFs by name', () => {
    expect(isImportable('扫描001.JPG')).toBe(true);
    expect(isImportable('a.tiff')).toBe(true);
    expect(isImportable('a.pdf')).toBe(true);
    expect(isImportable('a.docx')).toBe(false);
  });
});
