import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';
import { AddFieldOptions } from '@pnp/sp/fields';
import { fieldSchemaXml, IListSchema, LISTS, SCHEMA_VERSION } from '../schema/schema';
import { httpStatusOf, sharePointMessage } from './errors';
import { listUrl } from './lists';

export interface IEnsureChange {
  /** The list, or 'web' for a change to the site's permissions (src/data/permissions.ts). */
  list: string;
  kind: 'list' | 'field' | 'index' | 'validation' | 'title' | 'versioning' | 'security' | 'group' | 'roleAssignment' | 'groupMember' | 'roleDefinition' | 'uniquePermissions';
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

/** Provisioning could not go on; the message says what and where, in Dutch and English. */
export class ProvisioningError extends Error {
  public readonly status: number | undefined;
  public constructor(message: string, status?: number) {
    super(message);
    this.name = 'ProvisioningError';
    this.status = status;
    Object.setPrototypeOf(this, ProvisioningError.prototype);
  }
}

interface IFieldInfoLite {
  InternalName: string;
  Indexed: boolean;
}

interface IListInfoLite {
  Id: string;
  Title: string;
  ValidationFormula?: string;
  EnableVersioning?: boolean;
  MajorVersionLimit?: number;
  ReadSecurity?: number;
  WriteSecurity?: number;
}

/** Major versions kept per item (lists) and per file (the library). */
export const VERSION_LIMITS: Record<100 | 101, number> = { 100: 50, 101: 100 };

/**
 * Internal name from the schema (hint), and visible in the list's default view.
 * Without the hint SharePoint derives the internal name from DisplayName.
 */
const FIELD_OPTIONS: number = AddFieldOptions.AddFieldInternalNameHint | AddFieldOptions.AddFieldToDefaultView;

function readFailure(what: string, e: unknown): ProvisioningError {
  const status = httpStatusOf(e);
  return new ProvisioningError(
    `Kon ${what} niet lezen (HTTP ${status ?? '?'}: ${sharePointMessage(e)}). Er werd niets gewijzigd aan deze lijst; probeer later opnieuw. / ` +
      `Could not read ${what} (HTTP ${status ?? '?'}). Nothing was changed on this list; try again later.`,
    status
  );
}

/** The list at the schema's URL, or undefined when SharePoint says it does not exist (404 only). */
async function readList(sp: SPFI, schema: IListSchema): Promise<IListInfoLite | undefined> {
  try {
    return (await sp.web
      .getList(listUrl(sp, schema.key))
      .select('Id', 'Title', 'ValidationFormula', 'EnableVersioning', 'MajorVersionLimit', 'ReadSecurity', 'WriteSecurity')()) as IListInfoLite;
  } catch (e) {
    // 403, 429 or 5xx say nothing about existence: creating the list then would fail or duplicate it.
    if (httpStatusOf(e) === 404) return undefined;
    throw readFailure(`de lijst ${schema.url}`, e);
  }
}

async function createList(sp: SPFI, schema: IListSchema): Promise<IListInfoLite> {
  try {
    await sp.web.lists.add(schema.title, schema.description, schema.template, false, {
      OnQuickLaunch: schema.template === 100,
      EnableVersioning: true,
      MajorVersionLimit: VERSION_LIMITS[schema.template]
    });
  } catch (e) {
    throw new ProvisioningError(
      `Kon de lijst '${schema.title}' niet aanmaken (HTTP ${httpStatusOf(e) ?? '?'}: ${sharePointMessage(e)}). ` +
        `Bestaat er al een lijst met die titel op een andere URL? Hernoem die eerst. / Could not create the list '${schema.title}'.`,
      httpStatusOf(e)
    );
  }
  const created = await readList(sp, schema);
  if (!created) {
    // SharePoint derives the URL from the title; a different URL means the title was taken.
    throw new ProvisioningError(
      `De lijst '${schema.title}' werd aangemaakt, maar niet op ${listUrl(sp, schema.key)}. Kijk de lijsten van de site na. / ` +
        `The list '${schema.title}' was created, but not at ${listUrl(sp, schema.key)}.`
    );
  }
  return created;
}

/**
 * Idempotent, additive provisioning of the lists in src/schema: creates missing
 * lists and fields (with the schema's internal names), indexes columns, sets list
 * validation and turns versioning on. Lists are found by URL; what an admin set on
 * an existing list (title, description, quick launch, version limit) is left alone.
 * Never deletes or renames. Returns what it changed (empty on a second run).
 */
export async function ensureSchema(sp: SPFI, log: (line: string) => void = () => undefined): Promise<IEnsureResult> {
  let canManage: boolean;
  try {
    canManage = await sp.web.currentUserHasPermissions(PermissionKind.ManageLists);
  } catch (e) {
    throw readFailure('de rechten op de site', e);
  }
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
    let info = await readList(sp, schema);
    if (!info) {
      info = await createList(sp, schema);
      note({ list: schema.title, kind: 'list', name: schema.title });
    } else if (!info.EnableVersioning) {
      await sp.web.getList(listUrl(sp, schema.key)).update({ EnableVersioning: true, MajorVersionLimit: VERSION_LIMITS[schema.template] });
      note({ list: schema.title, kind: 'versioning', name: `${VERSION_LIMITS[schema.template]}` });
    }
    listIds[schema.key] = info.Id;
    const sec = schema.itemSecurity;
    if (sec && (info.ReadSecurity !== sec.read || info.WriteSecurity !== sec.write)) {
      // Item-level permissions: SharePoint itself keeps each user to their own items (FIDELITY K-01, K-03).
      await sp.web.getList(listUrl(sp, schema.key)).update({ ReadSecurity: sec.read, WriteSecurity: sec.write });
      note({ list: schema.title, kind: 'security', name: `ReadSecurity ${sec.read}, WriteSecurity ${sec.write}` });
    }
    await ensureFields(sp, schema, listIds, note);
    if (schema.validation && info.ValidationFormula !== schema.validation.formula) {
      await sp.web.getList(listUrl(sp, schema.key)).update({
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
  const list = sp.web.getList(listUrl(sp, schema.key));
  let existing: IFieldInfoLite[];
  try {
    existing = await list.fields.select('InternalName', 'Indexed')();
  } catch (e) {
    throw readFailure(`de kolommen van ${schema.url}`, e);
  }
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
      const created = (await list.fields.createFieldAsXml({
        SchemaXml: fieldSchemaXml(field, lookupId),
        Options: FIELD_OPTIONS
      })) as { InternalName?: string };
      if (created.InternalName !== field.internalName) {
        // Every $select of the data layer names the schema's internal name: stop before the app breaks.
        throw new ProvisioningError(
          `De kolom '${field.displayName}' van ${schema.title} kreeg de interne naam '${created.InternalName}' in plaats van '${field.internalName}'. ` +
            `Verwijder die kolom en probeer opnieuw. / The column got the internal name '${created.InternalName}' instead of '${field.internalName}'.`
        );
      }
      note({ list: schema.title, kind: 'field', name: field.internalName });
    } else if (field.indexed && !current.Indexed) {
      await list.fields.getByInternalNameOrTitle(field.internalName).update({ Indexed: true });
      note({ list: schema.title, kind: 'index', name: field.internalName });
    }
  }
}
