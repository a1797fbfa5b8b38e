/**
 * intake.check.start: marks the batch 核验中 and runs the check engine over the stored roster and
 * the digital-copy folder in the background; the digital findings are stored when it ends. The
 * roster is rebuilt from the stored rows, so the check sees exactly what the desk imported.
 */
import { isReadableDir } from '../fsChecks';
import { AppError } from '../../../shared/errors';
import type { IntakeJob } from '../../../shared/intakeTypes';
import * as bq from '../db/queries/intakeBatches';
import * as rq from '../db/queries/intakeRoster';
import type { DomainContext } from '../domain/context';
import { requireOpenBatch } from '../domain/intake/batches';
import { storeDigitalFindings } from '../domain/intake/digitalFindings';
import { intakeSettings } from '../domain/intake/settings';
import { writeAudited } from '../domain/write';
import { runChecks, type CheckPhase } from './check';
import { rosterRowOf, type RosterReadResult } from './roster';
import type { IntakeRuntime } from './runtime';

const PHASE_LABELS: Record<CheckPhase, string> = {
  scan: '扫描文件夹',
  hashing: '哈希与文件头',
  decoded: '解码检查（空白、倾斜、重复）',
  'page-numbers': '页码识别',
};

export function requireReadableDir(dir: string): void {
  if (!isReadableDir(dir)) throw new AppError('VALIDATION', `无法读取数字副本文件夹 ${dir}。请确认它存在且本程序有权限读取。`, { field: 'packageDir' });
}

/** The stored roster as the check engine reads it. */
export function storedRoster(ctx: DomainContext, batchId: number, file: string): RosterReadResult {
  const rows = rq.rosterRows(ctx.store, batchId);
  return {
    file,
    format: file.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx',
    encoding: null,
    mapping: { sheet: rows[0]?.sheet ?? '', headerRows: { first: 1, last: 1 }, columns: {} },
    ambiguous: false,
    ambiguities: [],
    candidates: {},
    headerTexts: {},
    title: [],
    footer: { filledBy: '', phone: '', date: '' },
    rows: rows.map(rosterRowOf),
  };
}

export function startCheck(rt: IntakeRuntime, ctx: DomainContext, batchId: number, packageDirInput: string | undefined): IntakeJob {
  const batch = requireOpenBatch(ctx.store, batchId);
  const packageDir = packageDirInput ?? batch.packageDir;
  if (!packageDir) throw new AppError('VALIDATION', '请选择移交单位交来的数字副本文件夹。', { field: 'packageDir' });
  if (!batch.rosterFile || rq.rosterRows(ctx.store, batchId).length === 0) {
    throw new AppError('CONFLICT', `批次 ${batch.batchNo} 还没有导入名册。请先导入档案移交名册表，再核验数字副本。`);
  }
  if (rt.running(batchId, 'check').length > 0) throw new AppError('CONFLICT', '该批次的核验正在进行，请等待其完成或取消后再重新核验。');
  requireReadableDir(packageDir);
  writeAudited(ctx, (tx) => {
    bq.setChecking(tx, batchId, packageDir, ctx.now().toISOString());
    return { value: null, audit: { action: 'intake.check.start', entity: 'intake_batch', entityId: batchId, before: { status: batch.status }, after: { status: 'checking', packageDir } } };
  });
  const roster = storedRoster(ctx, batchId, batch.rosterFile);
  const settings = intakeSettings(ctx.store);
  return rt.start('check', batchId, async (h) => {
    let phase: CheckPhase | null = null;
    const result = await runChecks(roster, {
      packageDir,
      skewLimitDegrees: settings.skewLimitDegrees,
      ...(settings.readPageNumbers ? {} : { pageNumbers: null }),
      onProgress: (p) => {
        // The engine has no cancel switch; throwing from its progress callback stops it at the next file.
        if (h.signal.aborted) throw new Error('已取消。');
        if (p.phase !== phase) {
          phase = p.phase;
          h.phase(PHASE_LABELS[p.phase], p.total);
        }
        h.progress(p.done);
      },
    });
    if (h.signal.aborted) return '已取消：未保存核验结果。';
    h.phase('保存结果', 1);
    const { stored, kept } = storeDigitalFindings(ctx, batchId, packageDir, result.findings, { persons: result.persons, pages: result.pages });
    h.progress(1);
    const sec = (result.timings.totalMs / 1000).toFixed(1);
    return `核验完成：${result.persons} 人、${result.pages} 页，发现数字副本问题 ${stored} 个${kept ? `（其中 ${kept} 个沿用原处理说明）` : ''}，用时 ${sec} 秒。`;
  });
}
