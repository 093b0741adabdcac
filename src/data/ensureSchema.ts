import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';
import { fieldSchemaXml, IListSchema, LISTS, SCHEMA_VERSION } from '../schema/schema';

export interface IEnsureChange {
  list: string;
  /** 'list' (created), 'field' (created), 'index' (set), 'validation', 'title' */
  kind: 'list' | 'field' | 'index' | 'validation' | 'title';
  name: string;
}

export interface IEnsureResult {
  schemaVersion: number;
  changes: IEnsureChange[];
}

/** The current user may not create lists on the data site. */
export class PermissionError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'PermissionError';
    Object.setPrototypeOf(this, PermissionError.prototype);
  }
}

interface IFieldInfoLite {
  InternalName: string;
  Indexed: boolean;
}

/**
 * Idempotent, additive provisioning of the lists in src/schema: creates missing
 * lists and fields, indexes columns, sets list validation. Never deletes or renames.
 * Returns what it changed (empty on a second run).
 */
export async function ensureSchema(sp: SPFI, log: (line: string) => void = () => undefined): Promise<IEnsureResult> {
  const canManage = await sp.web.currentUserHasPermissions(PermissionKind.ManageLists);
  if (!canManage) {
    throw new PermissionError(
      'U hebt geen rechten om lijsten te beheren op deze site (eigenaar nodig). / You need permission to manage lists on this site (site owner).'
    );
  }
  const changes: IEnsureChange[] = [];
  const listIds: Record<string, string> = {};
  const note = (c: IEnsureChange): void => {
    changes.push(c);
    log(`${c.list}: ${c.kind} ${c.name}`);
  };

  for (const schema of LISTS) {
    const ensured = await sp.web.lists.ensure(schema.title, schema.description, schema.template, false, {
      OnQuickLaunch: schema.template === 100
    });
    if (ensured.created) note({ list: schema.title, kind: 'list', name: schema.title });
    // ensure() on an existing list ends in a MERGE without a body: read what we compare.
    const info = (await sp.web.lists.getByTitle(schema.title).select('Id', 'ValidationFormula')()) as { Id: string; ValidationFormula?: string };
    listIds[schema.key] = info.Id;
    await ensureFields(sp, schema, listIds, note);
    if (schema.validation && info.ValidationFormula !== schema.validation.formula) {
      await sp.web.lists.getByTitle(schema.title).update({
        ValidationFormula: schema.validation.formula,
        ValidationMessage: schema.validation.message
      });
      note({ list: schema.title, kind: 'validation', name: schema.validation.message });
    }
  }
  return { schemaVersion: SCHEMA_VERSION, changes };
}

async function ensureFields(
  sp: SPFI,
  schema: IListSchema,
  listIds: Record<string, string>,
  note: (c: IEnsureChange) => void
): Promise<void> {
  const list = sp.web.lists.getByTitle(schema.title);
  const existing: IFieldInfoLite[] = await list.fields.select('InternalName', 'Indexed')();
  const byName: Record<string, IFieldInfoLite> = {};
  for (const f of existing) byName[f.InternalName] = f;

  if (schema.titleDisplayName) {
    const title = await list.fields.getByInternalNameOrTitle('Title').select('Title')();
    if ((title as { Title: string }).Title !== schema.titleDisplayName) {
      await list.fields.getByInternalNameOrTitle('Title').update({ Title: schema.titleDisplayName });
      note({ list: schema.title, kind: 'title', name: schema.titleDisplayName });
    }
  }

  for (const field of schema.fields) {
    const current = byName[field.internalName];
    if (!current) {
      const lookupId = field.lookupList ? listIds[field.lookupList] : undefined;
      await list.fields.createFieldAsXml(fieldSchemaXml(field, lookupId));
      note({ list: schema.title, kind: 'field', name: field.internalName });
    } else if (field.indexed && !current.Indexed) {
      await list.fields.getByInternalNameOrTitle(field.internalName).update({ Indexed: true });
      note({ list: schema.title, kind: 'index', name: field.internalName });
    }
  }
}
