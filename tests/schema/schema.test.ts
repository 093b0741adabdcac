import { fieldSchemaXml, getList, LISTS, SCHEMA_VERSION } from '../../src/schema/schema';

describe('the list schema', () => {
  it('declares the lists of the design with ASCII internal names', () => {
    expect(LISTS.map((l) => l.title)).toEqual([
      'Domeinen', 'Audits', 'Risicos', 'Acties', 'Aanbevelingen', 'Rapporten', 'Instellingen',
      'MaturiteitThemas', 'MaturiteitDoelstellingen', 'MaturiteitRondes', 'MaturiteitScores', 'MaturiteitConsensus',
      'Voortgangsmeldingen', 'Herinneringen'
    ]);
    for (const l of LISTS) {
      for (const f of l.fields) expect(f.internalName).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
    }
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
  });

  it('[F-08] asks for no index SharePoint cannot create: never on multi-line text or a multi-value column', () => {
    const refused = LISTS.flatMap((l) => l.fields.filter((f) => f.indexed && ['Note', 'LookupMulti', 'UserMulti', 'MultiChoice'].indexOf(f.type) >= 0).map((f) => `${l.key}.${f.internalName}`));
    expect(refused).toEqual([]);
    // The indexed columns the product relies on are all single-value.
    expect(LISTS.some((l) => l.fields.some((f) => f.indexed && f.type === 'Lookup'))).toBe(true);
  });

  it('indexes every column the app filters or sorts on', () => {
    const indexed = (list: string, field: string): boolean | undefined =>
      getList(list).fields.filter((f) => f.internalName === field)[0].indexed;
    expect(indexed('actions', 'ActieStatus')).toBe(true);
    expect(indexed('actions', 'JaarGepland')).toBe(true);
    expect(indexed('actions', 'JaarGerealiseerd')).toBe(true);
    expect(indexed('risks', 'Domein')).toBe(true);
    expect(indexed('audits', 'Jaar')).toBe(true);
    // The maturity screens filter scores on round and rater, consensus on round.
    expect(indexed('maturityScores', 'Ronde')).toBe(true);
    expect(indexed('maturityScores', 'Beoordelaar')).toBe(true);
    expect(indexed('maturityConsensus', 'Ronde')).toBe(true);
    expect(indexed('maturityRounds', 'RondeStatus')).toBe(true);
  });

  it('writes a multi-person column (the raters of a round) as UserMulti with Mult', () => {
    const raters = getList('maturityRounds').fields.filter((f) => f.internalName === 'Beoordelaars')[0];
    const xml = fieldSchemaXml(raters);
    expect(xml).toContain('Type="UserMulti"');
    expect(xml).toContain('Mult="TRUE"');
    expect(getList('maturityRounds').fields.filter((f) => f.internalName === 'RondeStatus')[0].choices).toEqual(['voorbereiding', 'scoren', 'consensus', 'afgesloten']);
  });

  it('only declares lookups to lists that exist, created before the list that points to them', () => {
    const order = LISTS.map((l) => l.key);
    LISTS.forEach((l, i) => {
      for (const f of l.fields.filter((x) => x.lookupList)) {
        const target = order.indexOf(f.lookupList as string);
        expect(target).toBeGreaterThanOrEqual(0);
        // self-lookups (Opvolging van) are fine; others must point backwards
        expect(target <= i).toBe(true);
      }
    });
  });

  it('writes SharePoint field XML with choices, index and escaping', () => {
    const status = getList('actions').fields.filter((f) => f.internalName === 'ActieStatus')[0];
    const xml = fieldSchemaXml(status);
    expect(xml).toContain('Type="Choice"');
    expect(xml).toContain('Indexed="TRUE"');
    expect(xml).toContain('<CHOICE>Gerealiseerd</CHOICE>');
    expect(xml).toContain('<Default>Gepland</Default>');
    const risks = getList('actions').fields.filter((f) => f.internalName === 'Risicos')[0];
    expect(fieldSchemaXml(risks, '{ABC}')).toContain('DisplayName="Risico\'s"');
    expect(fieldSchemaXml(risks, 'abc')).toContain('List="{abc}" ShowField="Title" Mult="TRUE"');
    expect(() => fieldSchemaXml(risks)).toThrow(/needs the id/);
  });

  it('keeps JaarGerealiseerd >= JaarGepland as list validation', () => {
    expect(getList('actions').validation?.formula).toContain('[Jaar gerealiseerd]>=[Jaar gepland]');
  });
});

describe('the site script for site designs', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const committed = require('../../sharepoint/site-script.json');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { buildSiteScript } = require('../../tools/schema/siteScript');

  it('is generated from the same schema (run `npx tsx scripts/site-script.ts` after a schema change)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildSiteScript())));
  });

  it('creates every list with its fields, lookups by target list name', () => {
    const script = buildSiteScript();
    expect(script.actions.map((a: { listName: string }) => a.listName)).toEqual(LISTS.map((l) => l.title));
    const acties = script.actions.filter((a: { listName: string }) => a.listName === 'Acties')[0];
    const lookup = acties.subactions.filter((s: { verb: string; schemaXml?: string }) => s.verb === 'addSPLookupFieldXml' && /Name="Domeinen"/.test(s.schemaXml || ''))[0];
    expect(lookup.targetListName).toBe('Domeinen');
  });
});

describe('fieldSchemaXml: MaxLength', () => {
  it('is written only for a Text column that declares it (SharePoint defaults to 255)', () => {
    expect(fieldSchemaXml({ internalName: 'Kort', displayName: 'Kort', type: 'Text', maxLength: 10 })).toContain('MaxLength="10"');
    expect(fieldSchemaXml({ internalName: 'Lang', displayName: 'Lang', type: 'Text' })).not.toContain('MaxLength');
  });
});
