/**
 * The new / edit / display form of a list item, as SharePoint's list forms behave:
 * client-side validation before sending (same rules as the server), MERGE with the
 * item's etag, the conflict message on 412, server errors in a message bar, and after
 * saving back to Source.
 */
import * as React from 'react';
import { CommandBarButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { Text } from '@fluentui/react/lib/Text';
import { IFieldSchema, IListSchema } from '../../src/schema/schema';
import { IValidationError, validateItem } from '../../tools/schema/validation';
import { FieldControl, FieldDisplay, fieldInputId } from './FieldControl';
import { IListPageService, ILookupOption, serverMessage, statusOf } from './service';
import { IFormsStrings } from './strings';
import { IListPageConfig, listPageUrl } from './urls';
import { changedRestValues, formFields, FormValue, FormValues, formValuesFromItem, newFormValues, restValuesFromForm } from './values';

export interface IListFormProps {
  cfg: IListPageConfig;
  list: IListSchema;
  service: IListPageService;
  strings: IFormsStrings;
  navigate: (url: string) => void;
}

type LoadState = { kind: 'loading' } | { kind: 'error'; message: string; notFound: boolean } | { kind: 'ready' };

function hasOptions(field: IFieldSchema): boolean {
  return field.type === 'Lookup' || field.type === 'LookupMulti' || field.type === 'User' || field.type === 'UserMulti';
}

export const toolbarStyle: React.CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 4,
  padding: '4px 0',
  marginBottom: 16,
  borderBottom: '1px solid #edebe9',
  minHeight: 40
};

export function ListForm(props: IListFormProps): JSX.Element {
  const { cfg, list, service, strings, navigate } = props;
  const page = cfg.page;
  const editable = page === 'NewForm' || page === 'EditForm';
  const fields = React.useMemo(() => formFields(list), [list]);

  const [load, setLoad] = React.useState<LoadState>({ kind: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  const [item, setItem] = React.useState<Record<string, unknown>>({});
  const [original, setOriginal] = React.useState<FormValues>(() => newFormValues(list));
  const [values, setValues] = React.useState<FormValues>(() => newFormValues(list));
  const [etag, setEtag] = React.useState<string>('*');
  const [options, setOptions] = React.useState<Record<string, ILookupOption[]>>({});
  const [fieldErrors, setFieldErrors] = React.useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = React.useState<string[]>([]);
  const [serverError, setServerError] = React.useState<string | undefined>(undefined);
  const [conflict, setConflict] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [focusField, setFocusField] = React.useState<string | undefined>(undefined);

  const message = (e: IValidationError): string => (strings.lang === 'en' ? e.messageEn : e.messageNl);
  const itemId = cfg.id;

  // Load the item (edit and display) and the choices of lookups and persons (new and edit).
  React.useEffect(() => {
    let cancelled = false;
    setLoad({ kind: 'loading' });
    const tasks: Promise<void>[] = [];
    if (page !== 'NewForm' && itemId !== undefined) {
      tasks.push(
        service.loadItem(itemId).then((r) => {
          if (cancelled) return;
          const v = formValuesFromItem(list, r.values);
          setItem(r.values);
          setOriginal(v);
          setValues(v);
          setEtag(r.etag);
        })
      );
    }
    if (editable) {
      const seen: Record<string, Promise<ILookupOption[]>> = {};
      for (const f of fields.filter(hasOptions)) {
        const key = f.type === 'User' || f.type === 'UserMulti' ? '#users' : `${f.lookupList}/${f.lookupField || 'Title'}`;
        if (!seen[key]) seen[key] = f.type === 'User' || f.type === 'UserMulti' ? service.siteUsers() : service.lookupOptions(f);
        tasks.push(
          seen[key].then((opts) => {
            if (!cancelled) setOptions((prev) => ({ ...prev, [f.internalName]: opts }));
          })
        );
      }
    }
    Promise.all(tasks).then(
      () => {
        if (!cancelled) setLoad({ kind: 'ready' });
      },
      (e: unknown) => {
        if (!cancelled) setLoad({ kind: 'error', message: serverMessage(e), notFound: statusOf(e) === 404 });
      }
    );
    return () => {
      cancelled = true;
    };
  }, [attempt, page, itemId, list, service, fields, editable]);

  // Move focus to the first invalid field after a failed save.
  React.useEffect(() => {
    if (!focusField) return;
    const el = document.getElementById(fieldInputId(fields.filter((f) => f.internalName === focusField)[0] || fields[0]));
    if (el) el.focus();
    setFocusField(undefined);
  }, [focusField, fields]);

  const onChange = React.useCallback((field: IFieldSchema, v: FormValue) => {
    setValues((prev) => ({ ...prev, [field.internalName]: v }));
    setFieldErrors((prev) => {
      if (!prev[field.internalName]) return prev;
      const next = { ...prev };
      delete next[field.internalName];
      return next;
    });
  }, []);

  // Without Source: an edited item opens in its display form, a new one in the list view.
  const defaultAfterSave = (): string =>
    page === 'EditForm' && itemId !== undefined
      ? listPageUrl(cfg.siteUrl, list, 'DispForm', { id: itemId, locale: cfg.locale })
      : listPageUrl(cfg.siteUrl, list, 'AllItems', { locale: cfg.locale });
  const close = (): void => navigate(cfg.source || listPageUrl(cfg.siteUrl, list, 'AllItems', { locale: cfg.locale }));

  const save = async (): Promise<void> => {
    if (saving) return;
    const mode = page === 'NewForm' ? 'add' : 'update';
    const body = mode === 'add' ? restValuesFromForm(list, values) : changedRestValues(list, original, values);
    const errors = validateItem(list, body, mode, mode === 'update' ? restValuesFromForm(list, original) : undefined);
    setServerError(undefined);
    setConflict(false);
    if (errors.length) {
      const byField: Record<string, string> = {};
      const general: string[] = [];
      for (const e of errors) {
        if (e.field === undefined) general.push(message(e));
        else if (!byField[e.field]) byField[e.field] = message(e);
      }
      setFieldErrors(byField);
      setFormErrors(general);
      const first = fields.filter((f) => byField[f.internalName])[0];
      if (first) setFocusField(first.internalName);
      return;
    }
    setFieldErrors({});
    setFormErrors([]);
    if (mode === 'update' && Object.keys(body).length === 0) {
      navigate(cfg.source || defaultAfterSave());
      return;
    }
    setSaving(true);
    try {
      if (mode === 'add') {
        await service.addItem(body);
        navigate(cfg.source || defaultAfterSave());
      } else {
        const newEtag = await service.updateItem(itemId as number, body, etag);
        if (newEtag) setEtag(newEtag);
        setOriginal(values);
        navigate(cfg.source || defaultAfterSave());
      }
    } catch (e) {
      if (statusOf(e) === 412) setConflict(true);
      else setServerError(serverMessage(e));
    } finally {
      setSaving(false);
    }
  };

  if (load.kind === 'loading') {
    return <Spinner size={SpinnerSize.large} label={strings.loading} ariaLive="polite" />;
  }
  if (load.kind === 'error') {
    return (
      <MessageBar
        messageBarType={MessageBarType.error}
        isMultiline
        actions={
          load.notFound ? undefined : (
            <div>
              <PrimaryButton onClick={() => setAttempt((a) => a + 1)}>{strings.retry}</PrimaryButton>
            </div>
          )
        }
      >
        {load.notFound ? strings.notFound : `${strings.loadError} ${load.message}`}
      </MessageBar>
    );
  }

  const fieldErrorCount = Object.keys(fieldErrors).length;
  return (
    <div>
      <div role="toolbar" aria-label={strings.commandBar} style={toolbarStyle}>
        {editable ? (
          <>
            <CommandBarButton text={saving ? strings.saving : strings.save} onClick={() => void save()} disabled={saving} data-command="save" />
            <CommandBarButton text={strings.cancel} onClick={close} disabled={saving} data-command="cancel" />
          </>
        ) : (
          <>
            <CommandBarButton
              text={strings.edit}
              href={listPageUrl(cfg.siteUrl, list, 'EditForm', { id: itemId, source: cfg.source, locale: cfg.locale })}
              data-command="edit"
            />
            <CommandBarButton text={strings.close} onClick={close} data-command="close" />
          </>
        )}
      </div>
      <div aria-live="polite">
        {conflict && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            {strings.conflict}
          </MessageBar>
        )}
        {serverError !== undefined && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            {`${strings.saveError} ${serverError}`}
          </MessageBar>
        )}
        {formErrors.map((m, i) => (
          <MessageBar key={i} messageBarType={MessageBarType.error} isMultiline>
            {m}
          </MessageBar>
        ))}
        {fieldErrorCount > 0 && (
          <MessageBar messageBarType={MessageBarType.warning} isMultiline>
            {strings.fixErrors}
          </MessageBar>
        )}
      </div>
      {editable ? (
        <form
          noValidate
          style={{ marginTop: 16 }}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {fields.some((f) => f.required) && (
            <Text variant="small" block style={{ marginBottom: 12 }}>
              {strings.requiredLegend}
            </Text>
          )}
          {fields.map((f) => (
            <FieldControl
              key={f.internalName}
              field={f}
              value={values[f.internalName]}
              onChange={onChange}
              strings={strings}
              error={fieldErrors[f.internalName]}
              options={f.type === 'Lookup' || f.type === 'LookupMulti' || f.type === 'User' || f.type === 'UserMulti' ? options[f.internalName] : undefined}
              disabled={saving}
            />
          ))}
          <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
            <PrimaryButton type="submit" text={saving ? strings.saving : strings.save} disabled={saving} />
            <CommandBarButton text={strings.cancel} onClick={close} disabled={saving} />
          </div>
        </form>
      ) : (
        <div style={{ marginTop: 16 }}>
          {fields.map((f) => (
            <FieldDisplay key={f.internalName} field={f} item={item} strings={strings} />
          ))}
        </div>
      )}
    </div>
  );
}
