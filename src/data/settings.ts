import { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import { ISiteSettings, settingsFromRows } from '../model/settings';
import { listOf } from './lists';

const SELECT = ['Id', 'Title', 'Waarde'];

/**
 * Queues the read of the control team's settings (list Instellingen) in a batch. A site
 * provisioned before the list existed has none: read as no settings, never as an error.
 */
export function queueSettingsRead(batched: SPFI): Promise<ISiteSettings> {
  return listOf(batched, 'settings')
    .items.select(...SELECT)
    .top(100)()
    .then(
      (rows: Array<{ Title?: unknown; Waarde?: unknown }>) => settingsFromRows(rows),
      () => ({})
    );
}

/** Sets one setting: updates its item, or adds it when there is none yet. */
export async function writeSetting(sp: SPFI, name: string, value: string): Promise<void> {
  const list = listOf(sp, 'settings');
  const rows: Array<{ Id: number; Title?: string }> = await list.items.select(...SELECT).top(100)();
  const existing = rows.filter((r) => (r.Title || '').trim().toLowerCase() === name.toLowerCase())[0];
  if (existing) await list.items.getById(existing.Id).update({ Waarde: value });
  else await list.items.add({ Title: name, Waarde: value });
}
