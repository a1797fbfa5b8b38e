/** Viewer zoom: fit width, 1:1 or a step from a fixed ladder, so +/− always land on round values. */
export type Zoom = { mode: 'fitWidth' } | { mode: 'scale'; scale: number };

export const ZOOM_STEPS = [0.1, 0.15, 0.2, 0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;

/** The scale that makes the image (as rotated for viewing) fill the width of the viewport. */
export function fitWidthScale(viewportWidth: number, image: { width: number; height: number }, viewRotation: number): number {
  const sideways = viewRotation % 180 !== 0;
  const w = sideways ? image.height : image.width;
  if (w <= 0 || viewportWidth <= 0) return 1;
  return viewportWidth / w;
}

export function currentScale(z: Zoom, fitScale: number): number {
  return z.mode === 'fitWidth' ? fitScale : z.scale;
}

export function zoomStep(scale: number, dir: 'in' | 'out'): number {
  if (dir === 'in') return ZOOM_STEPS.find((s) => s > scale + 1e-6) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1] ?? scale;
  for (let i = ZOOM_STEPS.length - 1; i >= 0; i--) {
    const s = ZOOM_STEPS[i] as number;
    if (s < scale - 1e-6) return s;
  }
  return ZOOM_STEPS[0];
}

export function zoomLabel(scale: number): string {
  return `${Math.round(scale * 100)}%`;
}
