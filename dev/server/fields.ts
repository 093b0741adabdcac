/**
 * Columns: built-in fields, fields from CAML SchemaXml (createFieldAsXml), their REST
 * JSON shape, and the validation and normalisation of item values written over REST.
 */
import { IField, IUser, newGuid } from './store';

/** A client error the server answers with SharePoint's error JSON. */
export class SPError extends Error {
  public readonly status: number;
  public readonly code: string;
  public constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'SPError';
    this.status = status;
    this.code = code;
  }
}

export const CODE_INVALID_QUERY = '-1, Microsoft.SharePoint.Client.InvalidClientQueryException';
export const CODE_ARGUMENT = '-1, System.ArgumentException';
export const CODE_SPEXCEPTION = '-2146232832, Microsoft.SharePoint.SPException';
export const CODE_INVALID_TEXT = '-2130575336, Microsoft.SharePoint.SPException';

export function badRequest(message: string, code: string = CODE_INVALID_QUERY): SPError {
  return new SPError(400, code, message);
}

export function unknownProperty(name: string, type: string): SPError {
  return badRequest(`The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`);
}

/** SharePoint's FieldTypeKind numbers. */
const KIND: Record<string, number> = {
  Counter: 5, Text: 2, Note: 3, DateTime: 4, Choice: 6, Lookup: 7, LookupMulti: 7, Boolean: 8, Number: 9,
  Currency: 10, Computed: 12, Guid: 14, File: 18, Attachments: 19, User: 20, UserMulti: 20, ContentTypeId: 25
};

const ODATA_TYPE: Record<string, string> = {
  Text: 'SP.FieldText', Note: 'SP.FieldMultiLineText', DateTime: 'SP.FieldDateTime', Choice: 'SP.FieldChoice',
  Lookup: 'SP.FieldLookup', LookupMulti: 'SP.FieldLookup', Number: 'SP.FieldNumber', Currency: 'SP.FieldCurrency',
  Computed: 'SP.FieldComputed', User: 'SP.FieldUser', UserMulti: 'SP.FieldUser'
};

export const FIELD_TYPES_FROM_XML: string[] = ['Text', 'Note', 'Number', 'Currency', 'Choice', 'Boolean', 'DateTime', 'User', 'UserMulti', 'Lookup', 'LookupMulti'];

export function fieldODataType(f: IField): string {
  return ODATA_TYPE[f.TypeAsString] || 'SP.Field';
}

function builtIn(p: Partial<IField> & { InternalName: string; Title: string; TypeAsString: string; Id: string }): IField {
  const f: IField = {
    StaticName: p.InternalName,
    Description: '',
    Required: false,
    Indexed: false,
    Hidden: false,
    ReadOnlyField: false,
    FromBaseType: true,
    DefaultValue: null,
    SchemaXml: '',
    ...p
  };
  f.SchemaXml = `<Field ID="{${f.Id}}" Name="${f.InternalName}" StaticName="${f.StaticName}" DisplayName="${escapeXml(f.Title)}" Type="${f.TypeAsString}"${f.ReadOnlyField ? ' ReadOnly="TRUE"' : ''}${f.Required ? ' Required="TRUE"' : ''}${f.Hidden ? ' Hidden="TRUE"' : ''} SourceID="http://schemas.microsoft.com/sharepoint/v3" FromBaseType="TRUE" />`;
  return f;
}

/** The columns every new list has (fixed ids, as in SharePoint). */
export function builtInFields(baseTemplate: number): IField[] {
  const library = baseTemplate === 101;
  return [
    builtIn({ Id: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1', InternalName: 'ID', Title: 'ID', TypeAsString: 'Counter', ReadOnlyField: true }),
    builtIn({ Id: '03e45e84-1992-4d42-9116-26f756012634', InternalName: 'ContentTypeId', Title: 'Content Type ID', TypeAsString: 'ContentTypeId', Hidden: true, ReadOnlyField: true }),
    builtIn({ Id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247', InternalName: 'Title', Title: 'Title', TypeAsString: 'Text', Required: !library, MaxLength: 255 }),
    builtIn({ Id: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', InternalName: 'Modified', Title: 'Modified', TypeAsString: 'DateTime', ReadOnlyField: true }),
    builtIn({ Id: '8c06beca-0777-48f7-91c7-6da68bc07b69', InternalName: 'Created', Title: 'Created', TypeAsString: 'DateTime', ReadOnlyField: true }),
    builtIn({ Id: '1df5e554-ec7e-46a6-901d-d85a3881cb18', InternalName: 'Author', Title: 'Created By', TypeAsString: 'User', ReadOnlyField: true }),
    builtIn({ Id: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2', InternalName: 'Editor', Title: 'Modified By', TypeAsString: 'User', ReadOnlyField: true }),
    builtIn({ Id: '8553196d-ec8d-4564-9861-3dbe931050c8', InternalName: 'FileLeafRef', Title: 'Name', TypeAsString: 'File', Hidden: !library, Required: library }),
    builtIn({ Id: '94f89715-e097-4e8b-ba79-ea02aa8b7adb', InternalName: 'FileRef', Title: 'URL Path', TypeAsString: 'Lookup', Hidden: true, ReadOnlyField: true }),
    builtIn({ Id: '67df98f4-9dec-48ff-a553-29bece9c5bf4', InternalName: 'Attachments', Title: 'Attachments', TypeAsString: 'Attachments', Hidden: library }),
    builtIn({ Id: 'ae069f25-3ac2-4256-b9c3-15dbc15da0e0', InternalName: 'GUID', Title: 'GUID', TypeAsString: 'Guid', Hidden: true, ReadOnlyField: true })
  ];
}

/** Built-in names that item writes may carry (round-tripped reads) and that are ignored. */
export const IGNORED_WRITE_PROPS: string[] = [
  'Id', 'ID', 'Created', 'Modified', 'AuthorId', 'EditorId', 'AuthorStringId', 'EditorStringId', 'GUID', 'Attachments',
  'ContentTypeId', 'FileSystemObjectType', 'OData__UIVersionString', 'ServerRedirectedEmbedUri', 'ServerRedirectedEmbedUrl',
  'ComplianceAssetId', 'FileRef', '__metadata'
];

function escapeXml(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function unescapeXml(v: string): string {
  return v
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCharCode(parseInt(d, 10)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

function isTrue(v: string | undefined): boolean {
  return !!v && /^(true|1)$/i.test(v);
}

/** Sets (or adds) an attribute on the root <Field> element of a SchemaXml string. */
export function setXmlAttr(xml: string, name: string, value: string): string {
  const re = new RegExp(`(<Field\\b[^>]*?\\s${name}=")[^"]*(")`);
  if (re.test(xml)) return xml.replace(re, `$1${escapeXml(value)}$2`);
  return xml.replace(/<Field\b/, `<Field ${name}="${escapeXml(value)}"`);
}

/** Builds a field from CAML as sent to fields/createFieldAsXml. */
export function fieldFromSchemaXml(xml: string): IField {
  const root = /^\s*<Field\b([^>]*?)(\/?)>/.exec(xml);
  if (!root) throw badRequest('The SchemaXml is not a valid field definition: a <Field> element is expected.', CODE_ARGUMENT);
  const attrs: Record<string, string> = {};
  const re = /([A-Za-z_:][\w:.-]*)\s*=\s*"([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(root[1])) !== null) attrs[m[1]] = unescapeXml(m[2]);
  const type = attrs.Type;
  if (!type || FIELD_TYPES_FROM_XML.indexOf(type) < 0) {
    throw badRequest(`Field type ${type || '(none)'} is not installed properly. Go to the list settings page to delete this field.`, CODE_SPEXCEPTION);
  }
  const name = attrs.Name || attrs.StaticName || (attrs.DisplayName || '').replace(/[^A-Za-z0-9_]/g, '');
  if (!name) throw badRequest('The SchemaXml has no Name or DisplayName.', CODE_ARGUMENT);
  const id = (attrs.ID || '').replace(/[{}]/g, '').toLowerCase() || newGuid();
  let schemaXml = xml.trim();
  if (!attrs.ID) schemaXml = setXmlAttr(schemaXml, 'ID', `{${id}}`);
  schemaXml = setXmlAttr(schemaXml, 'SourceID', '{' + '00000000-0000-0000-0000-000000000000' + '}');
  const field: IField = {
    Id: id,
    InternalName: name,
    StaticName: attrs.StaticName || name,
    Title: attrs.DisplayName || name,
    TypeAsString: type === 'Lookup' && isTrue(attrs.Mult) ? 'LookupMulti' : type === 'User' && isTrue(attrs.Mult) ? 'UserMulti' : type,
    Description: attrs.Description || '',
    Required: isTrue(attrs.Required),
    Indexed: isTrue(attrs.Indexed),
    Hidden: isTrue(attrs.Hidden),
    ReadOnlyField: isTrue(attrs.ReadOnly),
    FromBaseType: false,
    DefaultValue: null,
    SchemaXml: schemaXml,
    EnforceUniqueValues: isTrue(attrs.EnforceUniqueValues),
    CustomFormatter: attrs.CustomFormatter || null
  };
  const def = /<Default>([\s\S]*?)<\/Default>/.exec(xml);
  if (def) field.DefaultValue = unescapeXml(def[1]);
  if (type === 'Choice') {
    const choices: string[] = [];
    const cre = /<CHOICE>([\s\S]*?)<\/CHOICE>/g;
    while ((m = cre.exec(xml)) !== null) choices.push(unescapeXml(m[1]));
    field.Choices = choices;
  }
  if (type === 'Number' || type === 'Currency') {
    if (attrs.Min !== undefined && attrs.Min !== '') field.MinimumValue = Number(attrs.Min);
    if (attrs.Max !== undefined && attrs.Max !== '') field.MaximumValue = Number(attrs.Max);
  }
  if (type === 'Note') field.RichText = isTrue(attrs.RichText);
  if (type === 'Text') field.MaxLength = attrs.MaxLength ? parseInt(attrs.MaxLength, 10) : 255;
  if (type === 'Lookup' || type === 'LookupMulti') {
    const list = (attrs.List || '').replace(/[{}]/g, '').toLowerCase();
    if (!/^[0-9a-f-]{36}$/.test(list)) throw badRequest(`The lookup field ${name} needs List="{guid}" of its target list.`, CODE_ARGUMENT);
    field.LookupList = `{${list}}`;
    field.LookupField = attrs.ShowField || 'Title';
    field.AllowMultipleValues = type === 'LookupMulti' || isTrue(attrs.Mult);
  }
  if (type === 'User' || type === 'UserMulti') field.AllowMultipleValues = type === 'UserMulti' || isTrue(attrs.Mult);
  return field;
}

/** The list id a lookup field points at (no braces, lower case). */
export function lookupListId(f: IField): string {
  return (f.LookupList || '').replace(/[{}]/g, '').toLowerCase();
}

export function isLookup(f: IField): boolean {
  return f.TypeAsString === 'Lookup' || f.TypeAsString === 'LookupMulti';
}

export function isUser(f: IField): boolean {
  return f.TypeAsString === 'User' || f.TypeAsString === 'UserMulti';
}

export function isMulti(f: IField): boolean {
  return f.TypeAsString === 'LookupMulti' || f.TypeAsString === 'UserMulti';
}

/** Lookups and persons are written and read as `<Name>Id`. */
export function isIdValued(f: IField): boolean {
  return (isLookup(f) || isUser(f)) && f.InternalName !== 'FileRef';
}

const DBL_MAX = 1.79769313486232e308;

/** The REST JSON of a field (SP.Field and its subtypes). */
export function fieldJson(f: IField, webId: string): Record<string, unknown> {
  const t = f.TypeAsString;
  const json: Record<string, unknown> = {
    AutoIndexed: false,
    CanBeDeleted: !f.FromBaseType,
    ClientSideComponentId: '00000000-0000-0000-0000-000000000000',
    ClientSideComponentProperties: null,
    ClientValidationFormula: null,
    ClientValidationMessage: null,
    CustomFormatter: f.CustomFormatter || null,
    DefaultFormula: null,
    DefaultValue: f.DefaultValue,
    Description: f.Description,
    Direction: 'none',
    EnforceUniqueValues: !!f.EnforceUniqueValues,
    EntityPropertyName: f.InternalName,
    Filterable: true,
    FromBaseType: f.FromBaseType,
    Group: f.FromBaseType ? '_Hidden' : 'Custom Columns',
    Hidden: f.Hidden,
    Id: f.Id,
    Indexed: f.Indexed || f.InternalName === 'ID',
    IndexStatus: 0,
    InternalName: f.InternalName,
    IsModern: false,
    JSLink: null,
    PinnedToFiltersPane: false,
    ReadOnlyField: f.ReadOnlyField,
    Required: f.Required,
    SchemaXml: f.SchemaXml,
    Sealed: f.FromBaseType,
    ShowInFiltersPane: 0,
    Sortable: !isMulti(f),
    StaticName: f.StaticName,
    Title: f.Title,
    FieldTypeKind: KIND[t] || 0,
    TypeAsString: t,
    TypeDisplayName: t === 'LookupMulti' ? 'Lookup' : t,
    TypeShortDescription: t,
    ValidationFormula: null,
    ValidationMessage: null
  };
  if (t === 'Text') json.MaxLength = f.MaxLength || 255;
  if (t === 'Choice') {
    json.Choices = f.Choices || [];
    json.FillInChoice = false;
    json.EditFormat = 0;
    json.Mappings = null;
  }
  if (t === 'Note') {
    json.AllowHyperlink = false;
    json.AppendOnly = false;
    json.NumberOfLines = 6;
    json.RestrictedMode = !f.RichText;
    json.RichText = !!f.RichText;
    json.UnlimitedLengthInDocumentLibrary = false;
  }
  if (t === 'Number' || t === 'Currency') {
    json.CommaSeparator = false;
    json.CustomUnitName = '';
    json.CustomUnitOnRight = false;
    json.DisplayFormat = 0;
    json.MaximumValue = f.MaximumValue !== undefined ? f.MaximumValue : DBL_MAX;
    json.MinimumValue = f.MinimumValue !== undefined ? f.MinimumValue : -DBL_MAX;
    json.ShowAsPercentage = false;
    json.Unit = 'None';
  }
  if (t === 'DateTime') {
    json.DateTimeCalendarType = 1;
    json.DateFormat = null;
    json.DisplayFormat = /Format="DateOnly"/.test(f.SchemaXml) ? 0 : 1;
    json.FriendlyDisplayFormat = 0;
  }
  if (isLookup(f) || isUser(f)) {
    json.AllowMultipleValues = !!f.AllowMultipleValues;
    json.DependentLookupInternalNames = [];
    json.IsDependentLookup = false;
    json.IsRelationship = isLookup(f);
    json.LookupField = isUser(f) ? 'ImnName' : f.LookupField || '';
    json.LookupList = isUser(f) ? '{00000000-0000-0000-0000-000000000000}' : f.LookupList || '';
    json.LookupWebId = webId;
    json.PrimaryFieldId = null;
    json.RelationshipDeleteBehavior = 0;
    json.UnlimitedLengthInDocumentLibrary = false;
  }
  if (isUser(f)) {
    json.AllowDisplay = true;
    json.Presence = true;
    json.SelectionGroup = 0;
    json.SelectionMode = 0;
  }
  return json;
}

/** Field properties settable with MERGE on fields/getByInternalNameOrTitle(...). */
const FIELD_SETTABLE: string[] = [
  'Title', 'Description', 'Indexed', 'Required', 'Hidden', 'DefaultValue', 'Choices', 'MinimumValue', 'MaximumValue',
  'CustomFormatter', 'EnforceUniqueValues', 'MaxLength', 'RichText', 'ValidationFormula', 'ValidationMessage', 'Group',
  'JSLink', 'ReadOnlyField', 'FillInChoice', 'EditFormat', 'DisplayFormat', 'NumberOfLines', 'LookupField', 'SelectionMode',
  'ClientSideComponentId', 'ClientSideComponentProperties', 'ShowInFiltersPane', 'FieldTypeKind'
];

/**
 * Column types SharePoint cannot index (FIDELITY F-08) among those the local server knows:
 * multiple lines of text, and lookups or persons allowing several values.
 */
const NOT_INDEXABLE = ['Note', 'LookupMulti', 'UserMulti'];

/** FIDELITY F-08: setting Indexed on a column that cannot be indexed. */
export function checkIndexable(f: IField): void {
  if (NOT_INDEXABLE.indexOf(f.TypeAsString) >= 0) {
    throw new SPError(500, '-2147467259, Microsoft.SharePoint.SPException', 'Cannot complete this action.\n\nPlease try again.');
  }
}

/** Applies a field MERGE body; validates all keys (and an index request) first, so a refusal changes nothing. */
export function updateField(f: IField, body: Record<string, unknown>): void {
  for (const k of Object.keys(body)) {
    if (k === '__metadata') continue;
    if (FIELD_SETTABLE.indexOf(k) < 0) throw unknownProperty(k, fieldODataType(f));
  }
  if (body.Indexed === true) checkIndexable(f);
  const bool = (k: string): boolean => {
    const v = body[k];
    if (typeof v !== 'boolean') throw badRequest(`Cannot convert a primitive value to the expected type 'Edm.Boolean'. See the inner exception for more details.`);
    return v;
  };
  if ('Title' in body) {
    f.Title = String(body.Title);
    f.SchemaXml = setXmlAttr(f.SchemaXml, 'DisplayName', f.Title);
  }
  if ('Description' in body) {
    f.Description = String(body.Description ?? '');
    f.SchemaXml = setXmlAttr(f.SchemaXml, 'Description', f.Description);
  }
  if ('Indexed' in body) {
    f.Indexed = bool('Indexed');
    f.SchemaXml = setXmlAttr(f.SchemaXml, 'Indexed', f.Indexed ? 'TRUE' : 'FALSE');
  }
  if ('Required' in body) {
    f.Required = bool('Required');
    f.SchemaXml = setXmlAttr(f.SchemaXml, 'Required', f.Required ? 'TRUE' : 'FALSE');
  }
  if ('Hidden' in body) f.Hidden = bool('Hidden');
  if ('EnforceUniqueValues' in body) f.EnforceUniqueValues = bool('EnforceUniqueValues');
  if ('DefaultValue' in body) f.DefaultValue = body.DefaultValue === null ? null : String(body.DefaultValue);
  if ('CustomFormatter' in body) f.CustomFormatter = body.CustomFormatter === null ? null : String(body.CustomFormatter);
  if ('Choices' in body) {
    const c = body.Choices as unknown;
    const arr = Array.isArray(c) ? c : c && typeof c === 'object' && Array.isArray((c as { results?: unknown[] }).results) ? (c as { results: unknown[] }).results : null;
    if (!arr) throw badRequest("Cannot convert the value to the expected type 'Collection(Edm.String)'.");
    f.Choices = arr.map(String);
  }
  if ('MinimumValue' in body) f.MinimumValue = Number(body.MinimumValue);
  if ('MaximumValue' in body) f.MaximumValue = Number(body.MaximumValue);
  if ('MaxLength' in body) f.MaxLength = Number(body.MaxLength);
  if ('RichText' in body) f.RichText = bool('RichText');
}

const ISO_DATE = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?)?$/;

/** SharePoint's DateTime wire format: seconds precision, UTC. */
export function toSpDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function numberOf(v: unknown): number | null {
  if (typeof v === 'number' && isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && isFinite(Number(v))) return Number(v);
  return null;
}

function idsOf(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object' && Array.isArray((v as { results?: unknown[] }).results)) return (v as { results: unknown[] }).results;
  return null;
}

/**
 * Validates and normalises one written value. Returns the value to store.
 * Throws SPError 400 in SharePoint's style for wrong types. Choices, Min/Max and
 * Required are not checked: SharePoint's forms check them, REST does not (FIDELITY V-02, V-03).
 * `jsonLight`: the body was JSON light, where a collection is a plain array (FIDELITY W-02).
 */
export function normaliseValue(f: IField, raw: unknown, users: IUser[], jsonLight: boolean = false): unknown {
  const t = f.TypeAsString;
  const typeError = (edm: string): SPError =>
    badRequest(`Cannot convert a primitive value to the expected type '${edm}'. See the inner exception for more details.`);
  // JSON light has no null collection: clearing a multi column takes [] (FIDELITY W-07).
  if (raw === null && isMulti(f) && jsonLight) {
    throw badRequest("An unexpected 'PrimitiveValue' node was found when reading from the JSON reader. A 'StartArray' node was expected.");
  }
  if (raw === null || raw === undefined) return isMulti(f) ? [] : null;
  switch (t) {
    case 'Text':
    case 'Note': {
      if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') throw typeError('Edm.String');
      const s = String(raw);
      if (t === 'Text' && s.length > (f.MaxLength || 255)) {
        // SharePoint's generic answer names no field (FIDELITY V-04).
        throw new SPError(500, CODE_INVALID_TEXT, 'Invalid text value. A text field contains invalid data. Please check the value and try again.');
      }
      return s;
    }
    case 'Choice': {
      if (typeof raw !== 'string') throw typeError('Edm.String');
      return raw === '' ? null : raw;
    }
    case 'Number':
    case 'Currency': {
      const n = numberOf(raw);
      if (n === null) throw typeError('Edm.Double');
      return n;
    }
    case 'Boolean': {
      if (typeof raw === 'boolean') return raw;
      if (raw === 1 || raw === 0) return raw === 1;
      throw typeError('Edm.Boolean');
    }
    case 'DateTime': {
      if (typeof raw !== 'string' || !ISO_DATE.test(raw)) throw typeError('Edm.DateTime');
      const d = new Date(/T.*(Z|[+-]\d\d:\d\d)$/.test(raw) || !/T/.test(raw) ? raw : raw + 'Z');
      if (isNaN(d.getTime())) throw typeError('Edm.DateTime');
      return toSpDate(d);
    }
    case 'User':
    case 'Lookup': {
      const n = numberOf(raw);
      if (n === null || !Number.isInteger(n)) throw typeError('Edm.Int32');
      if (n <= 0) return null;
      if (t === 'User' && !users.some((u) => u.Id === n)) throw badRequest('The user does not exist or is not unique.', CODE_ARGUMENT);
      return n;
    }
    case 'UserMulti':
    case 'LookupMulti': {
      if (jsonLight && raw && typeof raw === 'object' && !Array.isArray(raw)) {
        throw badRequest("An unexpected 'StartObject' node was found when reading from the JSON reader. A 'StartArray' node was expected.");
      }
      const arr = idsOf(raw);
      if (!arr) throw typeError('Collection(Edm.Int32)');
      const out: number[] = [];
      for (const x of arr) {
        const n = numberOf(x);
        if (n === null || !Number.isInteger(n)) throw typeError('Edm.Int32');
        if (t === 'UserMulti' && !users.some((u) => u.Id === n)) throw badRequest('The user does not exist or is not unique.', CODE_ARGUMENT);
        if (out.indexOf(n) < 0) out.push(n);
      }
      return out;
    }
    default:
      throw badRequest(`The field '${f.InternalName}' cannot be written.`);
  }
}

/** The stored value of a field's DefaultValue for a new item. */
export function defaultValueOf(f: IField): unknown {
  if (f.DefaultValue === null || f.DefaultValue === undefined || f.DefaultValue === '') return isMulti(f) ? [] : null;
  switch (f.TypeAsString) {
    case 'Boolean': return /^(1|true)$/i.test(f.DefaultValue);
    case 'Number':
    case 'Currency': return Number(f.DefaultValue);
    case 'Text':
    case 'Note':
    case 'Choice': return f.DefaultValue;
    default: return null;
  }
}

/** SharePoint's XML-encoding of names in entity type names (space -> _x0020_). */
export function encodeEntityName(name: string): string {
  let out = '';
  for (const ch of name) {
    if (/[A-Za-z0-9]/.test(ch)) out += ch;
    else out += `_x${ch.charCodeAt(0).toString(16).padStart(4, '0')}_`;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** List URL name from a title: characters not allowed in URLs removed. */
export function urlNameFromTitle(title: string): string {
  const s = title.replace(/[~"#%&*:<>?/\\{|}.']/g, '').trim();
  return s || 'List';
}
