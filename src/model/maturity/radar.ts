/** Geometry of the results' radar chart. */

export interface IRadarPoint {
  x: number;
  y: number;
}

/**
 * Points of a radar chart: axis i of n at angle -90° + i * 360/n, value scaled from
 * [min, max] to [0, radius] around (cx, cy). A missing value sits at the centre.
 */
export function radarPoints(values: (number | undefined)[], min: number, max: number, cx: number, cy: number, radius: number): IRadarPoint[] {
  const n = values.length;
  return values.map((v, i) => {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / Math.max(n, 1);
    const f = v === undefined || max === min ? 0 : Math.max(0, Math.min(1, (v - min) / (max - min)));
    return { x: round2(cx + Math.cos(angle) * radius * f), y: round2(cy + Math.sin(angle) * radius * f) };
  });
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
