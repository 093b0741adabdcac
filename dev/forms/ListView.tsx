/**
 * The "Alle items" view of a list (or the documents of a library): Title plus up to five
 * main columns, links to the display and edit forms, "Nieuw item", and paging through
 * large lists (100 at a time, "Meer laden").
 */
import * as React from 'react';
import { CommandBarButton, DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { CheckboxVisibility, DetailsList, DetailsListLayoutMode, IColumn, SelectionMode } from '@fluentui/react/lib/DetailsList';
import { Link } from '@fluentui/react/lib/Link';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { Text } from '@fluentui/react/lib/Text';
import { IFieldSchema, IListSchema } from '../../src/schema/schema';
import { displayText } from './FieldControl';
import { IItemsPager, IListPageService, serverMessage } from './service';
import { IFormsStrings } from './strings';
import { IListPageConfig, listPageUrl } from './urls';
import { toolbarStyle } from './ListForm';
import { formFields } from './values';

export const PAGE_SIZE: number = 100;
const MAX_MAIN_COLUMNS: number = 5;

function columnRank(f: IFieldSchema): number {
  if (f.required) return 0;
  if (f.indexed) return 1;
  if (f.type === 'Choice' || f.type === 'Lookup' || f.type === 'LookupMulti' || f.type === 'User' || f.type === 'UserMulti') return 2;
  return 3;
}

/**
 * The columns a view shows besides Title: up to five, preferring required and indexed
 * columns (what the list is about), then choices, lookups and persons; in schema order;
 * long text is left out.
 */
export function mainColumns(list: IListSchema): IFieldSchema[] {
  const candidates = list.fields.filter((f) => f.type !== 'Note');
  const ranked = candidates
    .map((f, i) => ({ f, i, rank: columnRank(f) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .slice(0, MAX_MAIN_COLUMNS);
  return ranked.sort((a, b) => a.i - b.i).map((x) => x.f);
}

export interface IListViewProps {
  cfg: IListPageConfig;
  list: IListSchema;
  service: IListPageService;
  strings: IFormsStrings;
}

type ViewState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready' };

export function ListView(props: IListViewProps): JSX.Element {
  const { cfg, list, service, strings } = props;
  const library = list.template === 101;
  const [state, setState] = React.useState<ViewState>({ kind: 'loading' });
  const [items, setItems] = React.useState<Record<string, unknown>[]>([]);
  const [hasMore, setHasMore] = React.useState(false);
  const [loadingMore, setLoadingMore] = React.useState(false);
  const [moreError, setMoreError] = React.useState<string | undefined>(undefined);
  const [attempt, setAttempt] = React.useState(0);
  const pager = React.useRef<IItemsPager | undefined>(undefined);

  React.useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    const p = service.items(PAGE_SIZE);
    pager.current = p;
    p.next().then(
      (page) => {
        if (cancelled) return;
        setItems(page.items);
        setHasMore(page.hasMore);
        setState({ kind: 'ready' });
      },
      (e: unknown) => {
        if (!cancelled) setState({ kind: 'error', message: serverMessage(e) });
      }
    );
    return () => {
      cancelled = true;
    };
  }, [service, attempt]);

  const loadMore = async (): Promise<void> => {
    if (!pager.current || loadingMore) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await pager.current.next();
      setItems((prev) => prev.concat(page.items));
      setHasMore(page.hasMore);
    } catch (e) {
      setMoreError(serverMessage(e));
    } finally {
      setLoadingMore(false);
    }
  };

  const titleField = formFields(list)[0];
  const fields = mainColumns(list);
  const titleOf = (it: Record<string, unknown>): string => {
    const t = typeof it.Title === 'string' && it.Title ? it.Title : library && typeof it.FileLeafRef === 'string' ? it.FileLeafRef : '';
    return t || strings.noTitle;
  };
  const idOf = (it: Record<string, unknown>): number => Number(it.Id ?? it.ID);

  const columns: IColumn[] = [];
  if (library) {
    columns.push({
      key: 'FileLeafRef',
      name: strings.columnName,
      fieldName: 'FileLeafRef',
      minWidth: 160,
      maxWidth: 320,
      isResizable: true,
      onRender: (it: Record<string, unknown>) => {
        const name = String(it.FileLeafRef || '');
        return (
          <Link href={String(it.FileRef || '')} download={name} aria-label={strings.download(name)}>
            {name}
          </Link>
        );
      }
    });
  }
  columns.push({
    key: 'Title',
    name: titleField.displayName,
    fieldName: 'Title',
    minWidth: 200,
    maxWidth: 420,
    isResizable: true,
    isRowHeader: true,
    onRender: (it: Record<string, unknown>) => {
      const title = titleOf(it);
      return <Link href={listPageUrl(cfg.siteUrl, list, 'DispForm', { id: idOf(it), locale: cfg.locale })}>{title}</Link>;
    }
  });
  for (const f of fields) {
    columns.push({
      key: f.internalName,
      name: f.displayName,
      fieldName: f.internalName,
      minWidth: f.type === 'Number' || f.type === 'Boolean' ? 110 : 120,
      maxWidth: f.type === 'LookupMulti' || f.type === 'UserMulti' ? 260 : 180,
      isResizable: true,
      isMultiline: f.type === 'LookupMulti' || f.type === 'UserMulti',
      onRender: (it: Record<string, unknown>) => <span>{displayText(f, it, strings)}</span>
    });
  }
  columns.push({
    key: '__edit',
    name: strings.editItemShort,
    minWidth: 70,
    maxWidth: 90,
    onRender: (it: Record<string, unknown>) => (
      <Link href={listPageUrl(cfg.siteUrl, list, 'EditForm', { id: idOf(it), locale: cfg.locale })} aria-label={strings.editItem(titleOf(it))}>
        {strings.editItemShort}
      </Link>
    )
  });

  return (
    <div>
      {!library && (
        <div role="toolbar" aria-label={strings.commandBar} style={toolbarStyle}>
          <CommandBarButton text={strings.newItem} href={listPageUrl(cfg.siteUrl, list, 'NewForm', { locale: cfg.locale })} data-command="new" />
        </div>
      )}
      {library && (
        <Text block variant="small" style={{ marginBottom: 8 }}>
          {strings.libraryNewForm}
        </Text>
      )}
      {state.kind === 'loading' && <Spinner size={SpinnerSize.large} label={strings.loading} ariaLive="polite" />}
      {state.kind === 'error' && (
        <MessageBar
          messageBarType={MessageBarType.error}
          isMultiline
          actions={
            <div>
              <PrimaryButton onClick={() => setAttempt((a) => a + 1)}>{strings.retry}</PrimaryButton>
            </div>
          }
        >
          {`${strings.loadError} ${state.message}`}
        </MessageBar>
      )}
      {state.kind === 'ready' && items.length === 0 && <MessageBar>{library ? strings.emptyLibrary : strings.emptyList}</MessageBar>}
      {state.kind === 'ready' && items.length > 0 && (
        <>
          <DetailsList
            items={items}
            columns={columns}
            getKey={(it: Record<string, unknown>) => String(idOf(it))}
            setKey="items"
            selectionMode={SelectionMode.none}
            checkboxVisibility={CheckboxVisibility.hidden}
            layoutMode={DetailsListLayoutMode.justified}
            onShouldVirtualize={() => false}
            ariaLabelForGrid={list.title}
          />
          <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginTop: 12 }}>
            <Text role="status">{strings.itemsShown(items.length, hasMore)}</Text>
            {hasMore && <DefaultButton text={loadingMore ? strings.loading : strings.loadMore} onClick={() => void loadMore()} disabled={loadingMore} />}
          </div>
          {moreError !== undefined && (
            <MessageBar messageBarType={MessageBarType.error} isMultiline>
              {`${strings.loadError} ${moreError}`}
            </MessageBar>
          )}
        </>
      )}
    </div>
  );
}
