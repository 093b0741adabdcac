/** Fills `{0}`, `{1}`… in a loc string (SPFx loc files carry templates, not functions). */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (m: string, i: string) => {
    const v = args[parseInt(i, 10)];
    return v === undefined ? m : String(v);
  });
}
