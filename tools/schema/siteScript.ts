import { fieldSchemaXml, LISTS, SCHEMA_VERSION } from '../../src/schema/schema';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A SharePoint site script (site designs) with the same lists as ensureSchema, for
 * admins who provision through site designs. Lookups use addSPLookupFieldXml with the
 * target list's name; list validation formulas have no site script action, so
 * ensureSchema ("Lijsten controleren") adds them afterwards.
 */
export function buildSiteScript(): { $schema: string; actions: any[]; bindata: object; version: number } {
  const actions = LISTS.map((list) => {
    const subactions: any[] = [{ verb: 'setDescription', description: list.description }];
    if (list.titleDisplayName) {
      subactions.push({ verb: 'setTitle', title: list.title });
    }
    for (const f of list.fields) {
      if (f.lookupList) {
        const target = LISTS.filter((l) => l.key === f.lookupList)[0];
        subactions.push({
          verb: 'addSPLookupFieldXml',
          // The List attribute is replaced by SharePoint from targetListName.
          schemaXml: fieldSchemaXml(f, '00000000-0000-0000-0000-000000000000'),
          targetListName: target.title,
          addToDefaultView: true
        });
      } else {
        subactions.push({ verb: 'addSPFieldXml', schemaXml: fieldSchemaXml(f), addToDefaultView: true });
      }
    }
    return { verb: 'createSPList', listName: list.title, templateType: list.template, subactions };
  });
  return {
    $schema: 'https://developer.microsoft.com/json-schemas/sp/site-design-script-actions.schema.json',
    actions,
    bindata: {},
    version: SCHEMA_VERSION
  };
}
