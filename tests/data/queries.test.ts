import * as fs from 'fs';
import * as path from 'path';
import { ITEM_QUERIES, IItemQuery } from '../../src/data/queries';
import { BUILTIN_FILE_FIELDS, BUILTIN_ITEM_FIELDS, getList, IFieldSchema, IListSchema } from '../../src/schema/schema';

const USER_PROJECTIONS = ['Id', 'Title', 'EMail', 'Name'];

function fieldOf(list: IListSchema, name: string): IFieldSchema | undefined {
  return list.fields.filter((f) => f.internalName === name)[0];
}

/** What SharePoint would refuse in this query: unknown fields, projections without $expand. */
function problems(q: IItemQuery): string[] {
  const list = getList(q.list);
  const builtins = BUILTIN_ITEM_FIELDS.concat(list.template === 101 ? BUILTIN_FILE_FIELDS : []);
  const out: string[] = [];
  const isLookup = (f: IFieldSchema | undefined): boolean =>
    !!f && (f.type === 'Lookup' || f.type === 'LookupMulti' || f.type === 'User' || f.type === 'UserMulti');
  for (const sel of q.select) {
    const slash = sel.indexOf('/');
    if (slash > 0) {
      const owner = sel.slice(0, slash);
      const prop = sel.slice(slash + 1);
      const f = fieldOf(list, owner);
      if (!isLookup(f) && owner !== 'Author' && owner !== 'Editor') out.push(`${sel}: ${owner} is not a lookup or person field`);
      if (q.expand.indexOf(owner) < 0) out.push(`${sel}: ${owner} is not in $expand`);
      if (f && f.type !== 'User' && f.type !== 'UserMulti' && f.lookupList) {
        const target = getList(f.lookupList);
        if (BUILTIN_ITEM_FIELDS.indexOf(prop) < 0 && !fieldOf(target, prop)) out.push(`${sel}: ${prop} is not a field of ${target.title}`);
      } else if (USER_PROJECTIONS.indexOf(prop) < 0) {
        out.push(`${sel}: ${prop} is not a user property`);
      }
      continue;
    }
    if (builtins.indexOf(sel) >= 0 || fieldOf(list, sel)) continue;
    const idOf = /^(.+)Id$/.exec(sel);
    if (idOf && isLookup(fieldOf(list, idOf[1]))) continue;
    out.push(`${sel}: no such field in ${list.title}`);
  }
  for (const exp of q.expand) if (!isLookup(fieldOf(list, exp)) && exp !== 'Author' && exp !== 'Editor') out.push(`$expand=${exp}: not a lookup or person field`);
  return out;
}

describe('every $select of the data layer', () => {
  it.each(Object.entries(ITEM_QUERIES))('%s names only fields of its schema list, with lookups expanded', (_name, q) => {
    expect(problems(q)).toEqual([]);
  });

  it('finds the mistakes SharePoint would answer with 400', () => {
    expect(problems({ list: 'actions', select: ['Id', 'Status', 'Eigenaar/Title', 'JaarGerealiseerd'], expand: [] })).toEqual([
      'Status: no such field in Acties',
      'Eigenaar/Title: Eigenaar is not in $expand'
    ]);
    expect(problems({ list: 'risks', select: ['Audit/Naam'], expand: ['Audit', 'Bron'] })).toEqual([
      'Audit/Naam: Naam is not a field of Audits',
      '$expand=Bron: not a lookup or person field'
    ]);
  });

  it.each(Object.entries(ITEM_QUERIES))('%s stays within the list view lookup threshold (at most 12 lookup and person columns, FIDELITY.md L-03)', (_name, q) => {
    const list = getList(q.list);
    const lookups = new Set<string>();
    for (const sel of q.select) {
      const owner = sel.split('/')[0];
      const name = sel.indexOf('/') > 0 ? owner : /^(.+)Id$/.exec(sel) ? (/^(.+)Id$/.exec(sel) as RegExpExecArray)[1] : sel;
      const f = fieldOf(list, name);
      if ((f && (f.type === 'Lookup' || f.type === 'LookupMulti' || f.type === 'User')) || name === 'Author' || name === 'Editor') lookups.add(name);
    }
    expect(lookups.size).toBeLessThanOrEqual(12);
  });

  it('has no item $select outside the query registry', () => {
    const dir = path.join(__dirname, '../../src/data');
    const offenders: string[] = [];
    // Sub-folders too (src/data/org holds the repositories by role).
    const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
    expect(files).toContain(path.join('org', 'yearViewReader.ts'));
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      // items.select('X') or getById(n).select('X') with literal names bypasses the check above.
      if (/items(\.getById\([^)]*\))?\.select\(\s*['"`]/.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
