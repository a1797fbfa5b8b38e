import { describe, expect, it } from 'vitest';
import { PageRenderer, type NumberPlace } from '../../bench/fixtures/deliveryPages';
import { createDigitOcr } from '../../electron/services/intake/check/digitOcr';
import { createPageNumberReader } from '../../electron/services/intake/check/pageNumbers';
import { analyseThumb } from '../../electron/services/intake/check/thumbAnalysis';
import { decodeThumb } from '../../electron/services/intake/check/thumbnail';

describe('printed page numbers', () => {
  it('finds the number in the margin and reads it, with OCR workers recycled along the way', async () => {
    const renderer = new PageRenderer(1240, 1754, 24);
    // recycleAfter 3: the pool replaces its workers several times during this test.
    const reader = createPageNumberReader(createDigitOcr({ workers: 1, recycleAfter: 3 }), 150_000_000);
    const places: NumberPlace[] = ['bottom-centre', 'top-right', 'top-outer', 'bottom-right'];
    const got: (number | null)[] = [];
    const want = [1, 7, 12, 19, 28, 103];
    try {
      for (const [i, n] of want.entries()) {
        const jpeg = await renderer.encode(await renderer.raw({ seed: n, number: n, place: places[i % places.length] as NumberPlace }));
        const thumb = await decodeThumb(jpeg, 0, renderer.width, { maxPixels: 150_000_000 });
        const { numberBoxes } = analyseThumb(thumb);
        expect(numberBoxes.length).toBeGreaterThan(0);
        got.push(await reader.read({ image: jpeg, page: 0, width: renderer.width, height: renderer.height, candidates: numberBoxes, thumbScale: renderer.width / thumb.width }));
      }
      // A page with no number at all reads as null, never as a guess.
      const bare = await renderer.encode(await renderer.raw({ seed: 5, number: null }));
      const thumb = await decodeThumb(bare, 0, renderer.width, { maxPixels: 150_000_000 });
      const a = analyseThumb(thumb);
      got.push(await reader.read({ image: bare, page: 0, width: renderer.width, height: renderer.height, candidates: a.numberBoxes, thumbScale: renderer.width / thumb.width }));
    } finally {
      await reader.close();
    }
    expect(got).toEqual([...want, null]);
  });
});
