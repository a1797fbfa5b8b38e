/** Archive numbers: the pattern, gap-free per community in roster order, continuing after the last issued number. */
import { describe, expect, it } from 'vitest';
import { allocateNumbers, DEFAULT_NUMBERING, describeRanges, formatArchiveNo } from '../../electron/services/domain/intake/archiveNumbers';

const east = { townCode: '02', communityCode: '003' };
const west = { townCode: '02', communityCode: '004' };

describe('archive numbers', () => {
  it('formats the Changsha pattern and its variants', () => {
    expect(formatArchiveNo({ ...DEFAULT_NUMBERING, districtCode: '01' }, east, 1)).toBe('CCSRS-0102-003-0001');
    expect(formatArchiveNo(DEFAULT_NUMBERING, east, 12)).toBe('CCSRS-02-003-0012');
    expect(formatArchiveNo({ ...DEFAULT_NUMBERING, prefix: '', includeTownCode: false, separator: '', sequenceWidth: 6 }, east, 7)).toBe('003000007');
    // A sequence wider than the width is not truncated (never two files with one number).
    expect(formatArchiveNo({ ...DEFAULT_NUMBERING, sequenceWidth: 2 }, east, 123)).toBe('CCSRS-02-003-123');
  });

  it('allocates per community in request order, continuing from the last issued number without gaps', () => {
    const requests = [
      { key: 'a', communityId: 1, place: east },
      { key: 'b', communityId: 2, place: west },
      { key: 'c', communityId: 1, place: east },
      { key: 'd', communityId: 1, place: east },
    ];
    const { assignments, next } = allocateNumbers(DEFAULT_NUMBERING, new Map([[1, 41]]), requests);
    expect(assignments.map((a) => [a.key, a.archiveNo])).toEqual([
      ['a', 'CCSRS-02-003-0042'],
      ['b', 'CCSRS-02-004-0001'],
      ['c', 'CCSRS-02-003-0043'],
      ['d', 'CCSRS-02-003-0044'],
    ]);
    expect(next.get(1)).toEqual({ from: 41, to: 44 });
    expect(next.get(2)).toEqual({ from: 0, to: 1 });
    expect(describeRanges(assignments)).toBe('CCSRS-02-003-0042 至 CCSRS-02-003-0044；CCSRS-02-004-0001');
  });
});
