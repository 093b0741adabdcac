/**
 * UI text of the local list forms and views (what SharePoint itself shows in a tenant).
 * Dutch is the default (the tenant's language); English with ?locale=en-us.
 */
export type FormsLocale = 'nl-nl' | 'en-us';

export interface IFormsStrings {
  lang: string;
  pageNewForm: string;
  pageEditForm: string;
  pageDispForm: string;
  pageAllItems: string;
  save: string;
  saving: string;
  cancel: string;
  edit: string;
  close: string;
  newItem: string;
  loadMore: string;
  loading: string;
  retry: string;
  yes: string;
  no: string;
  none: string;
  select: string;
  requiredLegend: string;
  conflict: string;
  loadError: string;
  saveError: string;
  notFound: string;
  fixErrors: string;
  emptyList: string;
  emptyLibrary: string;
  itemsShown: (count: number, more: boolean) => string;
  columnId: string;
  columnName: string;
  columnModified: string;
  download: (name: string) => string;
  openItem: (title: string) => string;
  editItem: (title: string) => string;
  editItemShort: string;
  libraryNewForm: string;
  commandBar: string;
  unknownPage: string;
  noTitle: string;
  optionsLoading: string;
}

const nl: IFormsStrings = {
  lang: 'nl',
  pageNewForm: 'Nieuw item',
  pageEditForm: 'Item bewerken',
  pageDispForm: 'Item weergeven',
  pageAllItems: 'Alle items',
  save: 'Opslaan',
  saving: 'Bezig met opslaan…',
  cancel: 'Annuleren',
  edit: 'Bewerken',
  close: 'Sluiten',
  newItem: 'Nieuw item',
  loadMore: 'Meer laden',
  loading: 'Laden…',
  retry: 'Opnieuw proberen',
  yes: 'Ja',
  no: 'Nee',
  none: '(geen)',
  select: 'Selecteer een optie',
  requiredLegend: 'Velden met een * zijn verplicht.',
  conflict: 'Iemand anders heeft dit item intussen gewijzigd. Vernieuw de pagina; uw wijzigingen werden niet opgeslagen.',
  loadError: 'De gegevens konden niet geladen worden.',
  saveError: 'Het item kon niet opgeslagen worden.',
  notFound: 'Het item bestaat niet (meer). Misschien werd het verwijderd.',
  fixErrors: 'Sommige velden zijn niet correct ingevuld. Verbeter ze en probeer opnieuw.',
  emptyList: 'Deze lijst bevat nog geen items. Kies "Nieuw item" om er een toe te voegen.',
  emptyLibrary: 'Deze bibliotheek bevat nog geen documenten.',
  itemsShown: (count, more) => `${count} ${count === 1 ? 'item' : 'items'} getoond${more ? '; er zijn er meer' : ''}.`,
  columnId: 'ID',
  columnName: 'Naam',
  columnModified: 'Gewijzigd',
  download: (name) => `${name} downloaden`,
  openItem: (title) => `${title} openen`,
  editItem: (title) => `${title} bewerken`,
  editItemShort: 'Bewerken',
  libraryNewForm: 'Documenten voegt u toe door ze te uploaden naar de bibliotheek.',
  commandBar: 'Opdrachten',
  unknownPage: 'Onbekende lijstpagina.',
  noTitle: '(geen titel)',
  optionsLoading: 'Keuzes laden…'
};

const en: IFormsStrings = {
  lang: 'en',
  pageNewForm: 'New item',
  pageEditForm: 'Edit item',
  pageDispForm: 'View item',
  pageAllItems: 'All items',
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  edit: 'Edit',
  close: 'Close',
  newItem: 'New item',
  loadMore: 'Load more',
  loading: 'Loading…',
  retry: 'Try again',
  yes: 'Yes',
  no: 'No',
  none: '(none)',
  select: 'Select an option',
  requiredLegend: 'Fields marked * are required.',
  conflict: 'Someone else changed this item in the meantime. Refresh the page; your changes were not saved.',
  loadError: 'The data could not be loaded.',
  saveError: 'The item could not be saved.',
  notFound: 'The item does not exist (any more). It may have been deleted.',
  fixErrors: 'Some fields are not filled in correctly. Correct them and try again.',
  emptyList: 'This list has no items yet. Choose "New item" to add one.',
  emptyLibrary: 'This library has no documents yet.',
  itemsShown: (count, more) => `${count} ${count === 1 ? 'item' : 'items'} shown${more ? '; there are more' : ''}.`,
  columnId: 'ID',
  columnName: 'Name',
  columnModified: 'Modified',
  download: (name) => `Download ${name}`,
  openItem: (title) => `Open ${title}`,
  editItem: (title) => `Edit ${title}`,
  editItemShort: 'Edit',
  libraryNewForm: 'Add documents by uploading them to the library.',
  commandBar: 'Commands',
  unknownPage: 'Unknown list page.',
  noTitle: '(no title)',
  optionsLoading: 'Loading choices…'
};

export function getStrings(locale?: string): IFormsStrings {
  return (locale || '').toLowerCase() === 'en-us' ? en : nl;
}
