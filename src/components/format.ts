/**
 * Fills `{0}`, `{1}`… in a loc string (SPFx loc files carry templates, not functions). `{0:one|many}` picks a word by
 * the number in argument 0: "1 realisatie", "2 realisaties".
 */
export function format(template: string, ...args: Array<string | number>): string {
  const chosen = template.replace(/\{(\d+):([^|{}]*)\|([^{}]*)\}/g, (m: string, i: string, one: string, many: string) => {
    const v = args[parseInt(i, 10)];
    return v === undefined ? m : Number(v) === 1 ? one : many;
  });
  return chosen.replace(/\{(\d+)\}/g, (m: string, i: string) => {
    const v = args[parseInt(i, 10)];
    return v === undefined ? m : String(v);
  });
}

/** A date as "1 maart 2023" in the loc file's locale; the ISO text when it cannot be read. */
export function formatDate(iso: string | undefined, locale: string): string {
  if (!iso) return '';
  const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const d = bare ? new Date(Number(bare[1]), Number(bare[2]) - 1, Number(bare[3])) : new Date(iso);
  if (isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  } catch {
    return iso.slice(0, 10);
  }
}
