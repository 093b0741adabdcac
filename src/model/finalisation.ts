/**
 * Which files in the Rapporten library are the final report of a year, and what an interrupted
 * "Definitief maken" left that the next run must repair. Pure; no I/O.
 *
 * A finalisation has a set id (column Finalisatie). It stages every file under a temporary name
 * `~definitief-<set>-<name>` with its year, its set id and Definitief = nee; then ONE write commits
 * it (Definitief = ja on the last staged file, the snapshot); then it overwrites the final names
 * (content, then columns with the set id) and removes the staged files, the commit marker last.
 * So the library alone says what happened: no committed set means the staged files are leftovers
 * (removed); a committed set is the year's final report and is rolled forward from its staged
 * files, whatever mix of old and new content the final names hold.
 */

export const TEMP_PREFIX: string = '~definitief-';
const TEMP_NAME: RegExp = /^~definitief-([0-9a-z]+)-(.+)$/i;

export type ReportFormat = 'Word' | 'PowerPoint' | 'Gegevens';

/** One document of the Rapporten library, as the columns say. */
export interface IReportLibraryFile {
  id: number;
  /** File name (FileLeafRef). */
  name: string;
  /** Server-relative path, decoded (FileRef). */
  path: string;
  year?: number;
  format: ReportFormat;
  /** Definitief = ja. */
  final: boolean;
  /** Finalisatie: the set id of the finalisation that wrote it; empty on reports made before set ids. */
  setId?: string;
  modified?: string;
}

/** A file of the final report of a year: `name` is its final name (also when served from its staged copy). */
export interface IFinalFile {
  name: string;
  year: number;
  format: ReportFormat;
  setId?: string;
  file: IReportLibraryFile;
}

export function isTempName(name: string): boolean {
  return name.toLowerCase().indexOf(TEMP_PREFIX) === 0;
}

export function tempName(setId: string, name: string): string {
  return `${TEMP_PREFIX}${setId}-${name}`;
}

/** The final name a staged file stands for; undefined for a name that is not staged. */
export function finalNameOf(name: string): string | undefined {
  const m = TEMP_NAME.exec(name);
  return m ? m[2] : undefined;
}

export function formatOf(name: string, formaat: unknown): ReportFormat {
  return /\.json$/i.test(name) ? 'Gegevens' : formaat === 'PowerPoint' ? 'PowerPoint' : 'Word';
}

/** A new set id: time first (base 36, fixed width, so later ids sort later), then a random tail. */
export function newSetId(now: number = Date.now(), random: () => number = Math.random): string {
  return now.toString(36).padStart(9, '0') + Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0');
}

function later(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b;
}

/** Staged files of a committed set, by set id: the commit marker is a staged file with Definitief = ja. */
function committedSets(files: IReportLibraryFile[]): Map<string, IReportLibraryFile[]> {
  const ids = new Set<string>();
  for (const f of files) if (isTempName(f.name) && f.final && f.setId && typeof f.year === 'number') ids.add(f.setId);
  const out = new Map<string, IReportLibraryFile[]>();
  ids.forEach((id) => out.set(id, files.filter((f) => isTempName(f.name) && f.setId === id)));
  return out;
}

/** Per year, the latest committed set (a year has at most one unless two runs crashed). */
function latestCommitted(files: IReportLibraryFile[]): Map<number, { setId: string; staged: IReportLibraryFile[] }> {
  const out = new Map<number, { setId: string; staged: IReportLibraryFile[] }>();
  committedSets(files).forEach((staged, setId) => {
    const year = staged.filter((f) => typeof f.year === 'number')[0].year as number;
    const cur = out.get(year);
    if (!cur || later(setId, cur.setId)) out.set(year, { setId, staged });
  });
  return out;
}

function isFinalOf(f: IReportLibraryFile, year: number): boolean {
  return !isTempName(f.name) && f.final && f.year === year;
}

/**
 * The final report of every year, as the cards and the report links show it. A committed set
 * wins: per file its final name once overwritten (same set id), else its staged copy, so a
 * half-swapped year shows the new set whole and never a mix. Without one: the final-named files
 * with Definitief = ja, and of those only the set the snapshot names.
 */
export function finalReports(files: IReportLibraryFile[]): IFinalFile[] {
  const committed = latestCommitted(files);
  const years = new Set<number>();
  for (const f of files) if (typeof f.year === 'number' && (isFinalOf(f, f.year) || committed.has(f.year))) years.add(f.year);
  const out: IFinalFile[] = [];
  Array.from(years)
    .sort((a, b) => a - b)
    .forEach((year) => {
      const set = committed.get(year);
      if (set) {
        // Swapped files (their staged copy may be gone already), then the staged copies not swapped yet.
        const done = files.filter((f) => isFinalOf(f, year) && f.setId === set.setId);
        for (const f of done) out.push({ name: f.name, year, format: f.format, setId: set.setId, file: f });
        for (const s of set.staged) {
          const name = finalNameOf(s.name) as string;
          if (!done.some((f) => f.name.toLowerCase() === name.toLowerCase())) out.push({ name, year, format: s.format, setId: set.setId, file: s });
        }
        return;
      }
      let finals = files.filter((f) => isFinalOf(f, year));
      const snapshot = finals.filter((f) => f.format === 'Gegevens')[0];
      if (snapshot) finals = finals.filter((f) => (f.setId || '') === (snapshot.setId || ''));
      for (const f of finals) out.push({ name: f.name, year, format: f.format, setId: f.setId, file: f });
    });
  return out;
}

/** Finish a committed finalisation: overwrite these final names from their staged copies, retire, clean up. */
export interface IRollForward {
  year: number;
  setId: string;
  swap: Array<{ staged: IReportLibraryFile; finalName: string }>;
  /** Other final files of the year (not of this set): Definitief = nee. */
  retire: IReportLibraryFile[];
  /** The staged files to delete once swapped, the commit marker last. */
  cleanup: IReportLibraryFile[];
}

export interface IRepairPlan {
  rollForward: IRollForward[];
  /** Leftovers of finalisations that never committed (or lost to a later one): delete. */
  remove: IReportLibraryFile[];
}

/** Anything an interrupted finalisation can leave is a staged file; without one there is nothing to repair. */
export function needsRepair(files: IReportLibraryFile[]): boolean {
  return files.some((f) => isTempName(f.name));
}

/** What the next run does with the library. */
export function planRepair(files: IReportLibraryFile[]): IRepairPlan {
  const rollForward: IRollForward[] = [];
  const kept = new Set<number>();
  latestCommitted(files).forEach((set, year) => {
    const names = set.staged
      .map((s) => (finalNameOf(s.name) as string).toLowerCase())
      .concat(files.filter((f) => isFinalOf(f, year) && f.setId === set.setId).map((f) => f.name.toLowerCase()));
    const swap = set.staged
      .filter((s) => !files.some((f) => isFinalOf(f, year) && f.setId === set.setId && f.name.toLowerCase() === finalNameOf(s.name)?.toLowerCase()))
      .map((staged) => ({ staged, finalName: finalNameOf(staged.name) as string }));
    const retire = files.filter((f) => isFinalOf(f, year) && names.indexOf(f.name.toLowerCase()) < 0);
    const cleanup = set.staged.filter((s) => !s.final).concat(set.staged.filter((s) => s.final));
    for (const s of set.staged) kept.add(s.id);
    rollForward.push({ year, setId: set.setId, swap, retire, cleanup });
  });
  const remove = files.filter((f) => isTempName(f.name) && !kept.has(f.id));
  return { rollForward, remove };
}
