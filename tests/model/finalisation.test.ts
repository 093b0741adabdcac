import { finalNameOf, finalReports, IReportLibraryFile, needsRepair, newSetId, planRepair, tempName } from '../../src/model/finalisation';

let nextId = 1;
function file(name: string, p: Partial<IReportLibraryFile> = {}): IReportLibraryFile {
  const format = /\.json$/.test(name) ? 'Gegevens' : /\.pptx$/.test(name) ? 'PowerPoint' : 'Word';
  return { id: nextId++, name, path: `/sites/x/Rapporten/${name}`, format, final: false, ...p };
}

const NAMES = ['Voortgangsrapport 2024.docx', 'Voortgangsrapport 2024.pptx', 'Voortgangsrapport 2024 - gegevens.json'];

/** The three final files of 2024 written by set `setId`. */
const finals = (setId: string | undefined): IReportLibraryFile[] => NAMES.map((n) => file(n, { year: 2024, final: true, setId }));
/** The three staged copies of set `setId`; `committed`: the snapshot carries Definitief = ja. */
const staged = (setId: string, committed: boolean): IReportLibraryFile[] =>
  NAMES.map((n, i) => file(tempName(setId, n), { year: 2024, final: committed && i === 2, setId }));

const shown = (files: IReportLibraryFile[]): Array<[string, string | undefined, string]> => finalReports(files).map((f) => [f.name, f.setId, f.file.name]);

describe('which files are the final report of a year', () => {
  it('names: a staged copy stands for its final name; set ids sort by time', () => {
    expect(finalNameOf(tempName('m1abc0042', 'Voortgangsrapport 2024.docx'))).toBe('Voortgangsrapport 2024.docx');
    expect(finalNameOf('Voortgangsrapport 2024.docx')).toBeUndefined();
    expect(newSetId(1000, () => 0) < newSetId(2000, () => 0.99)).toBe(true);
    expect(newSetId()).toMatch(/^[0-9a-z]+$/);
  });

  it('without a committed set: the final-named files with Definitief = ja (staged leftovers and Definitief = nee never count)', () => {
    const files = finals('a').concat(staged('b', false), [file('Oud 2024.docx', { year: 2024, final: false })]);
    expect(shown(files)).toEqual(NAMES.map((n) => [n, 'a', n]));
    // Reports made before set ids have none: still one set.
    expect(shown(finals(undefined)).length).toBe(3);
  });

  it('a committed set wins while it is being swapped: swapped files by their final name, the rest from their staged copies, never the old ones', () => {
    const old = finals('a');
    // The Word note was overwritten and marked; the deck's content was overwritten but its columns still say the old set.
    old[0].setId = 'b';
    const files = old.concat(staged('b', true));
    expect(shown(files)).toEqual([
      [NAMES[0], 'b', NAMES[0]],
      [NAMES[1], 'b', tempName('b', NAMES[1])],
      [NAMES[2], 'b', tempName('b', NAMES[2])]
    ]);
  });

  it('a committed set whose staged copies are partly removed already still shows all three files', () => {
    const files = finals('b').concat(staged('b', true).slice(2));
    expect(shown(files)).toEqual(NAMES.map((n) => [n, 'b', n]));
  });

  it('the snapshot names the set when final files disagree', () => {
    const files = finals('a');
    files.push(file('Voortgangsrapport 2024 extra.docx', { year: 2024, final: true, setId: 'z' }));
    expect(shown(files).map((f) => f[0])).toEqual(NAMES);
  });
});

describe('repairing after an interrupted finalisation', () => {
  it('nothing staged: nothing to repair', () => {
    expect(needsRepair(finals('a'))).toBe(false);
    expect(planRepair(finals('a'))).toEqual({ rollForward: [], remove: [] });
  });

  it('an uncommitted set (also without its columns yet, or from before set ids) is removed; the final report is left alone', () => {
    const leftovers = staged('b', false).concat([file(tempName('c', NAMES[0])), file('~definitief-kq1x2y3z-Voortgangsrapport 2023.docx', { year: 2023, final: true })]);
    const plan = planRepair(finals('a').concat(leftovers));
    expect(needsRepair(leftovers)).toBe(true);
    expect(plan.rollForward).toEqual([]);
    expect(plan.remove.map((f) => f.name).sort()).toEqual(leftovers.map((f) => f.name).sort());
  });

  it('a committed set is rolled forward: the files not yet swapped, the old final files it does not replace retired, its staged copies removed with the marker last', () => {
    const old = finals('a');
    old[0].setId = 'b';
    const extra = file('Voortgangsrapport 2024 (oud).docx', { year: 2024, final: true, setId: 'a' });
    const set = staged('b', true);
    const plan = planRepair(old.concat([extra], set));
    expect(plan.remove).toEqual([]);
    expect(plan.rollForward).toHaveLength(1);
    const r = plan.rollForward[0];
    expect([r.year, r.setId]).toEqual([2024, 'b']);
    expect(r.swap.map((s) => s.finalName)).toEqual([NAMES[1], NAMES[2]]);
    expect(r.retire).toEqual([extra]);
    expect(r.cleanup.map((f) => f.name)).toEqual(set.map((f) => f.name));
    expect(r.cleanup[2].final).toBe(true);
  });

  it('two committed sets of one year: the later one is finished, the earlier one removed', () => {
    const plan = planRepair(finals('a').concat(staged('kq000001', true), staged('kq000002', true)));
    expect(plan.rollForward.map((r) => r.setId)).toEqual(['kq000002']);
    expect(plan.remove.map((f) => f.setId)).toEqual(['kq000001', 'kq000001', 'kq000001']);
  });
});
