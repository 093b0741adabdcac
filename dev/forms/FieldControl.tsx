/**
 * One column of a list form: the edit control (new/edit form) or the read-only value
 * (display form), labelled with the schema's display name, a red asterisk when required,
 * the description under it and the validation error bound with aria-describedby.
 */
import * as React from 'react';
import { Dropdown, IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { Label } from '@fluentui/react/lib/Label';
import { Text } from '@fluentui/react/lib/Text';
import { TextField } from '@fluentui/react/lib/TextField';
import { Toggle } from '@fluentui/react/lib/Toggle';
import { IFieldSchema } from '../../src/schema/schema';
import { ILookupOption } from './service';
import { IFormsStrings } from './strings';
import { FormValue, isoToDateInput } from './values';

/** The id of a column's input; its error message has `<id>-errorMessage`. */
export function fieldInputId(field: IFieldSchema): string {
  return `lp-field-${field.internalName}`;
}

export interface IFieldControlProps {
  field: IFieldSchema;
  value: FormValue;
  onChange: (field: IFieldSchema, value: FormValue) => void;
  strings: IFormsStrings;
  error?: string;
  /** Lookup, multi lookup and person columns: the choices (undefined while loading). */
  options?: ILookupOption[];
  disabled?: boolean;
}

const fieldStyle: React.CSSProperties = { marginBottom: 16, maxWidth: 640 };
const descriptionStyle: React.CSSProperties = { display: 'block', color: '#605e5c', marginTop: 4 };

function Description(props: { id: string; text?: string }): JSX.Element | null {
  if (!props.text) return null;
  return (
    <Text id={props.id} variant="small" style={descriptionStyle}>
      {props.text}
    </Text>
  );
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((x): x is string => !!x);
  return list.length ? list.join(' ') : undefined;
}

export function FieldControl(props: IFieldControlProps): JSX.Element {
  const { field, value, onChange, strings, error, options, disabled } = props;
  const id = fieldInputId(field);
  const descId = `${id}-description`;
  const errorId = `${id}-errorMessage`;
  const required = !!field.required;
  const text = typeof value === 'string' ? value : '';

  switch (field.type) {
    case 'Text':
    case 'Note':
    case 'Number':
    case 'DateTime':
      return (
        <div style={fieldStyle} data-field={field.internalName}>
          <TextField
            id={id}
            label={field.displayName}
            required={required}
            description={field.description}
            errorMessage={error}
            value={text}
            disabled={disabled}
            multiline={field.type === 'Note'}
            rows={field.type === 'Note' ? 6 : undefined}
            type={field.type === 'DateTime' ? 'date' : 'text'}
            inputMode={field.type === 'Number' ? 'numeric' : undefined}
            maxLength={field.type === 'Text' ? 255 : undefined}
            onChange={(_e, v) => onChange(field, v || '')}
          />
        </div>
      );
    case 'Boolean':
      return (
        <div style={fieldStyle} data-field={field.internalName}>
          <Toggle
            id={id}
            label={field.displayName}
            onText={strings.yes}
            offText={strings.no}
            checked={value === true}
            disabled={disabled}
            aria-describedby={describedBy(!!field.description && descId, !!error && errorId)}
            onChange={(_e, checked) => onChange(field, !!checked)}
          />
          <Description id={descId} text={field.description} />
          {error && (
            <Text id={errorId} role="alert" variant="small" style={{ color: '#a4262c' }}>
              {error}
            </Text>
          )}
        </div>
      );
    case 'Choice':
    case 'Lookup':
    case 'User':
    case 'UserMulti':
    case 'LookupMulti': {
      const multi = field.type === 'LookupMulti' || field.type === 'UserMulti';
      let dropdownOptions: IDropdownOption[];
      if (field.type === 'Choice') {
        dropdownOptions = (field.choices || []).map((c) => ({ key: c, text: c }));
      } else {
        dropdownOptions = (options || []).map((o) => ({ key: o.id, text: o.title || `#${o.id}` }));
      }
      if (!multi && !required) dropdownOptions = [{ key: '', text: strings.none } as IDropdownOption].concat(dropdownOptions);
      const loading = field.type !== 'Choice' && options === undefined;
      const common = {
        id,
        label: field.displayName,
        required,
        errorMessage: error,
        options: dropdownOptions,
        placeholder: loading ? strings.optionsLoading : strings.select,
        disabled: disabled || loading,
        'aria-describedby': describedBy(!!error && errorId, !!field.description && descId)
      };
      return (
        <div style={fieldStyle} data-field={field.internalName}>
          {multi ? (
            <Dropdown
              {...common}
              multiSelect
              selectedKeys={Array.isArray(value) ? value : []}
              onChange={(_e, option) => {
                if (!option) return;
                const current = Array.isArray(value) ? value : [];
                const key = option.key as number;
                onChange(field, option.selected ? current.concat([key]) : current.filter((k) => k !== key));
              }}
            />
          ) : (
            <Dropdown
              {...common}
              selectedKey={value === null || value === undefined ? '' : (value as string | number)}
              onChange={(_e, option) => {
                if (!option) return;
                if (field.type === 'Choice') onChange(field, String(option.key));
                else onChange(field, option.key === '' ? null : (option.key as number));
              }}
            />
          )}
          <Description id={descId} text={field.description} />
        </div>
      );
    }
    default:
      return <></>;
  }
}

// ---------------------------------------------------------------- display form

function titlesOf(v: unknown, shown: string): string[] {
  const arr = Array.isArray(v)
    ? v
    : v && typeof v === 'object' && Array.isArray((v as { results?: unknown }).results)
      ? (v as { results: unknown[] }).results
      : v && typeof v === 'object'
        ? [v]
        : [];
  return arr
    .map((x) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[shown] : undefined))
    .filter((t): t is string | number => typeof t === 'string' || typeof t === 'number')
    .map(String);
}

/** Visible text of rich text (HTML is never rendered as markup here). */
export function plainText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  if (typeof DOMParser !== 'undefined') {
    const doc = new DOMParser().parseFromString(html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li)>/gi, '\n'), 'text/html');
    return (doc.body.textContent || '').replace(/\n{3,}/g, '\n\n').trim();
  }
  return html.replace(/<[^>]*>/g, '');
}

/** The display text of a column of a stored item (REST JSON with expanded lookups). */
export function displayText(field: IFieldSchema, item: Record<string, unknown>, strings: IFormsStrings): string {
  const v = item[field.internalName];
  switch (field.type) {
    case 'Boolean':
      return v === true ? strings.yes : v === false ? strings.no : '';
    case 'Lookup':
    case 'LookupMulti':
      return titlesOf(v, field.lookupField || 'Title').join('; ');
    case 'User':
      return titlesOf(v, 'Title').join('; ');
    case 'DateTime': {
      if (typeof v !== 'string') return '';
      const d = isoToDateInput(v);
      const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(d);
      return m ? `${parseInt(m[3], 10)}/${parseInt(m[2], 10)}/${m[1]}` : v;
    }
    case 'Note':
      return typeof v === 'string' ? (field.richText ? plainText(v) : v) : '';
    default:
      return v === null || v === undefined ? '' : String(v);
  }
}

export function FieldDisplay(props: { field: IFieldSchema; item: Record<string, unknown>; strings: IFormsStrings }): JSX.Element {
  const { field, item, strings } = props;
  const id = `${fieldInputId(field)}-label`;
  const text = displayText(field, item, strings);
  return (
    <div style={fieldStyle} data-field={field.internalName} role="group" aria-labelledby={id}>
      <Label id={id}>{field.displayName}</Label>
      <div style={{ whiteSpace: 'pre-wrap', minHeight: 20 }}>{text || '\u00a0'}</div>
    </div>
  );
}
