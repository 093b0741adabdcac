/** Statistics over scores. */

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const v = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Highest minus lowest score; 0 for one score, undefined for none. */
export function spread(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  return Math.max(...values) - Math.min(...values);
}

export function average(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Rounded to one decimal, for display and comparison. */
export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** How many values fall on each level of the scale, lowest first. */
export function distribution(values: number[], scaleMin: number, scaleMax: number): number[] {
  const out: number[] = [];
  for (let l = scaleMin; l <= scaleMax; l++) out.push(values.filter((v) => v === l).length);
  return out;
}
