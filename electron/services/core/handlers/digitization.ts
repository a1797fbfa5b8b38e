/** Digitization handlers — being written (issue 3); placeholder keeps the contract's handler map complete. */
import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from './types';

type DigitizationMethods =
  | 'volume.list' | 'volume.create' | 'volume.update' | 'volume.accept' | 'volume.export'
  | 'page.list' | 'page.image' | 'page.text' | 'page.rotate' | 'page.setKind' | 'page.setPrintedNumber'
  | 'page.move' | 'page.delete' | 'page.undo' | 'page.import' | 'page.upload' | 'page.watch'
  | 'scanner.status' | 'page.scan' | 'job.get' | 'job.cancel'
  | 'item.list' | 'item.save' | 'item.delete' | 'item.suggest';

const unavailable = () => {
  throw new AppError('CONFLICT', '数字化功能尚在建设中。');
};

export const digitizationHandlers = Object.fromEntries(
  (
    ['volume.list', 'volume.create', 'volume.update', 'volume.accept', 'volume.export', 'page.list', 'page.image', 'page.text', 'page.rotate', 'page.setKind',
      'page.setPrintedNumber', 'page.move', 'page.delete', 'page.undo', 'page.import', 'page.upload', 'page.watch', 'scanner.status', 'page.scan', 'job.get',
      'job.cancel', 'item.list', 'item.save', 'item.delete', 'item.suggest'] as const
  ).map((m) => [m, unavailable]),
) as unknown as HandlerMap<DigitizationMethods>;
