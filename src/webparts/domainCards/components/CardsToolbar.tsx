import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Dropdown, IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { ISearchBox, SearchBox } from '@fluentui/react/lib/SearchBox';
import { Toggle } from '@fluentui/react/lib/Toggle';
import * as strings from 'DomainCardsWebPartStrings';
import { IDomainReport, IReportData } from '../../../model/types';
import { statusLabel } from './DetailPanel';
import { filterOptions, filtersActive, IFilters, NO_FILTERS } from './filters';
import { anchorFor, focusCard } from './focus';
import { IDomainCardsClassNames } from './styles';

export function Toolbar(props: {
  cn: IDomainCardsClassNames;
  year: number;
  years: number[];
  onYear: (y: number) => void;
  refreshing: boolean;
  onRefresh: () => void;
  reportActions: React.ReactNode;
}): JSX.Element {
  const options: IDropdownOption[] = props.years.map((y) => ({ key: y, text: String(y) }));
  return (
    <div className={props.cn.toolbarRow}>
      <Dropdown
        className={props.cn.yearPicker}
        label={strings.YearLabel}
        options={options}
        selectedKey={props.year}
        onChange={(_e, o) => {
          if (o) props.onYear(Number(o.key));
        }}
      />
      <DefaultButton text={strings.Refresh} onClick={props.onRefresh} disabled={props.refreshing} allowDisabledFocus />
      <span className={props.cn.refreshing} role="status">
        {props.refreshing ? strings.Refreshing : ''}
      </span>
      {props.reportActions}
    </div>
  );
}

export function FilterBar(props: {
  cn: IDomainCardsClassNames;
  data: IReportData;
  filters: IFilters;
  onChange: (f: IFilters) => void;
  userId: number | undefined;
}): JSX.Element {
  const { cn, filters, onChange } = props;
  const options = React.useMemo(() => filterOptions(props.data), [props.data]);
  const search = React.useRef<ISearchBox>(null);
  const dropdown = (label: string, values: string[], value: string | undefined, set: (v: string | undefined) => void, text?: (v: string) => string): JSX.Element | undefined =>
    values.length === 0 ? undefined : (
      <Dropdown
        className={cn.filterDropdown}
        label={label}
        selectedKey={value || ''}
        options={[{ key: '', text: strings.AllOption }].concat(values.map((v) => ({ key: v, text: text ? text(v) : v })))}
        onChange={(_e, o) => set(o && o.key !== '' ? String(o.key) : undefined)}
      />
    );
  const clear = (): void => {
    onChange(NO_FILTERS);
    // The button turns disabled under the keyboard: focus goes to the search box, not the page top.
    if (search.current) search.current.focus();
  };
  return (
    <div className={cn.filters} role="search" aria-label={strings.FiltersLabel}>
      <div className={cn.search}>
        <SearchBox
          componentRef={search}
          ariaLabel={strings.SearchLabel}
          placeholder={strings.SearchPlaceholder}
          value={filters.text}
          onChange={(_e, v) => onChange({ ...filters, text: v || '' })}
          onClear={() => onChange({ ...filters, text: '' })}
          clearButtonProps={{ ariaLabel: strings.ClearSearch }}
        />
      </div>
      {dropdown(strings.OwnerFilter, options.owners, filters.owner, (v) => onChange({ ...filters, owner: v }))}
      {dropdown(strings.OrgFilter, options.orgs, filters.org, (v) => onChange({ ...filters, org: v }))}
      {dropdown(strings.StatusFilter, options.statuses, filters.status, (v) => onChange({ ...filters, status: v }), statusLabel)}
      {props.userId !== undefined && (
        <Toggle
          label={strings.MyActionsFilter}
          inlineLabel={true}
          checked={filters.mine !== undefined}
          onChange={(_e, checked) => onChange({ ...filters, mine: checked ? props.userId : undefined })}
        />
      )}
      <DefaultButton text={strings.ClearFilters} disabled={!filtersActive(filters)} onClick={clear} />
    </div>
  );
}

/** Links to each card on a multi-domain page. */
export function DomainNav(props: { cn: IDomainCardsClassNames; domains: IDomainReport[] }): JSX.Element {
  const { cn } = props;
  return (
    <nav aria-label={strings.DomainNav}>
      <ul className={cn.nav}>
        {props.domains.map((d) => (
          <li key={d.domain.id}>
            <a
              className={cn.navLink}
              href={`#${anchorFor(d.domain)}`}
              onClick={(e) => {
                e.preventDefault();
                focusCard(anchorFor(d.domain));
              }}
            >
              {d.domain.shortTitle || d.domain.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
