/**
 * Internal names of fields created from CAML (fields/createFieldAsXml), as SharePoint
 * Online assigns them. See FIDELITY.md, rows "Field internal names".
 */

/** SP.AddFieldOptions.AddFieldInternalNameHint: take the internal name from Name/StaticName. */
export const ADD_FIELD_INTERNAL_NAME_HINT = 8;
/** SP.AddFieldOptions.AddFieldToDefaultView. */
export const ADD_FIELD_TO_DEFAULT_VIEW = 16;

/** SharePoint cuts generated internal names at 32 characters, counted after encoding. */
export const INTERNAL_NAME_MAX = 32;

/**
 * Encodes a display name the way SharePoint does: every character other than
 * A-Z, a-z, 0-9 and '_' becomes _xHHHH_ (UTF-16 code unit, lower-case hex), and a
 * leading digit is encoded too (an internal name is an XML name).
 */
export function encodeInternalName(displayName: string): string {
  let out = '';
  for (let i = 0; i < displayName.length; i++) {
    const ch = displayName.charAt(i);
    const keep = /[A-Za-z_]/.test(ch) || (i > 0 && /[0-9]/.test(ch));
    out += keep ? ch : `_x${displayName.charCodeAt(i).toString(16).padStart(4, '0')}_`;
  }
  return out;
}

/**
 * The internal name SharePoint gives a new list field: from DisplayName (encoded,
 * cut at 32 characters, even inside an escape) unless the hint option is set, in
 * which case Name (else StaticName) is used as given. A name already on the list
 * gets a counter appended, starting at 0 (e.g. Status0).
 */
export function assignInternalName(
  attrs: { Name?: string; StaticName?: string; DisplayName?: string },
  options: number,
  taken: (name: string) => boolean
): string {
  const hinted = (options & ADD_FIELD_INTERNAL_NAME_HINT) !== 0 ? attrs.Name || attrs.StaticName : undefined;
  const base = hinted || encodeInternalName(attrs.DisplayName || attrs.Name || attrs.StaticName || '').slice(0, INTERNAL_NAME_MAX);
  if (!taken(base)) return base;
  for (let n = 0; ; n++) {
    if (!taken(`${base}${n}`)) return `${base}${n}`;
  }
}
