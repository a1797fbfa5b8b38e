import { describe, expect, it } from 'vitest';
import { MALLOC_ARENAS, withMallocArenaLimit } from '../../electron/services/mallocArenas';

describe('withMallocArenaLimit', () => {
  it('limits glibc arenas for child processes on Linux and never overrides the user', () => {
    const set = withMallocArenaLimit({ PATH: '/bin' });
    if (process.platform === 'linux') expect(set).toEqual({ PATH: '/bin', MALLOC_ARENA_MAX: MALLOC_ARENAS });
    else expect(set.MALLOC_ARENA_MAX).toBeUndefined();
    const mine = { MALLOC_ARENA_MAX: '8' };
    expect(withMallocArenaLimit(mine)).toBe(mine);
  });
});
