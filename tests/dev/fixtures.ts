import { spfi, SPBrowser, SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/fields';
import { fieldSchemaXml, IFieldSchema } from '../../src/schema/schema';
import { ITestServer, startTestServer } from '../helpers/localServer';

/** SP.AddFieldOptions.AddFieldInternalNameHint: keep the schema's internal names, as ensureSchema does. */
export const INTERNAL_NAME_HINT = 8;

/** PnPjs as the product uses it outside SPFx: browser behaviours, digest from contextinfo. */
export function pnp(siteUrl: string): SPFI {
  return spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }));
}

/**
 * A started local server with the list "Groot" past the list view threshold: an indexed Number column Jaar plus `fields`,
 * and `rows` bulk-loaded through the store hook (same validation as items.add); queries then go through PnPjs.
 */
export async function startWithBigList(fields: IFieldSchema[], rows: Record<string, unknown>[]): Promise<{ srv: ITestServer; sp: SPFI }> {
  const srv = await startTestServer();
  const sp = pnp(srv.siteUrl);
  await sp.web.lists.add('Groot', '', 100);
  const list = sp.web.lists.getByTitle('Groot').fields;
  for (const f of [{ internalName: 'Jaar', displayName: 'Jaar', type: 'Number', indexed: true } as IFieldSchema].concat(fields)) {
    await list.createFieldAsXml(fieldSchemaXml(f));
  }
  await srv.store.addItems('Groot', rows);
  return { srv, sp };
}

/** A fresh form digest for raw fetch calls. */
export async function digest(siteUrl: string): Promise<string> {
  const r = await fetch(`${siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json' } });
  return ((await r.json()) as { FormDigestValue: string }).FormDigestValue;
}

export const DOMAIN_FIELDS: IFieldSchema[] = [
  { internalName: 'Volgorde', displayName: 'Volgorde', type: 'Number', min: 1, max: 99, indexed: true },
  { internalName: 'Actief', displayName: 'Actief', type: 'Boolean', defaultValue: '1' }
];

export const ACTION_FIELDS: IFieldSchema[] = [
  { internalName: 'Domeinen', displayName: 'Domeinen', type: 'LookupMulti', lookupList: 'domains', lookupField: 'Title' },
  { internalName: 'Domein', displayName: 'Hoofddomein', type: 'Lookup', lookupList: 'domains', lookupField: 'Title', indexed: true },
  { internalName: 'Beschrijving', displayName: 'Beschrijving', type: 'Note', richText: true },
  { internalName: 'Status', displayName: 'Status', type: 'Choice', choices: ['Gepland', 'Lopend', 'Gerealiseerd'], defaultValue: 'Gepland', indexed: true },
  { internalName: 'Jaar', displayName: 'Jaar', type: 'Number', min: 2000, max: 2100, indexed: true },
  { internalName: 'Eigenaar', displayName: 'Eigenaar', type: 'User' },
  { internalName: 'Deadline', displayName: 'Deadline', type: 'DateTime' },
  { internalName: 'Afdeling', displayName: 'Afdeling', type: 'Text' }
];

/** Creates Domeinen and Acties over REST the way provisioning does; returns their ids. */
export async function createDemoLists(sp: SPFI): Promise<{ domains: string; actions: string }> {
  const d = await sp.web.lists.ensure('Domeinen', 'Domeinen', 100);
  const domains = (d.data as { Id: string }).Id;
  for (const f of DOMAIN_FIELDS) await sp.web.lists.getByTitle('Domeinen').fields.createFieldAsXml({ SchemaXml: fieldSchemaXml(f), Options: INTERNAL_NAME_HINT });
  const a = await sp.web.lists.add('Acties', 'Realisaties en planning', 100);
  const actions = (a as { Id: string }).Id;
  for (const f of ACTION_FIELDS) {
    await sp.web.lists.getByTitle('Acties').fields.createFieldAsXml({ SchemaXml: fieldSchemaXml(f, f.lookupList ? domains : undefined), Options: INTERNAL_NAME_HINT });
  }
  return { domains, actions };
}
