/**
 * Example data for a fresh `npm start` only (never `npm run import`): plausible owners (koen, lees, sofie of the
 * local directory) and deadlines around today for part of the 2023 planning, so "Mijn acties", "te laat" and the
 * reminders show something. Each changed action says so in its Opmerking.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import { listOf } from '../src/data/lists';

const OWNERS = ['i:0#.f|membership|koen.wouters@stad.example', 'i:0#.f|membership|lies.eeckhout@stad.example', 'i:0#.f|membership|sofie.maes@stad.example'];
/** Days from today: two overdue (one past the escalation threshold), two due soon, the rest later. */
const OFFSETS = [-45, -10, 12, 25, 90, 150];
export const EXAMPLE_NOTE = 'Voorbeeldgegevens (npm start): eigenaar en deadline zijn verzonnen.';
const HOW_MANY = 12;

export async function addExampleOwners(sp: SPFI, today: Date = new Date()): Promise<number> {
  const ids: number[] = [];
  for (const login of OWNERS) {
    const u = (await sp.web.ensureUser(login)) as unknown as { Id?: number; data?: { Id: number } };
    ids.push(u.data ? u.data.Id : (u.Id as number));
  }
  const planning: Array<{ Id: number; Opmerking?: string }> = await listOf(sp, 'actions')
    .items.select('Id', 'Opmerking')
    .filter("JaarGepland eq 2023 and ActieStatus ne 'Gerealiseerd'")
    .orderBy('Id')
    .top(HOW_MANY)();
  let n = 0;
  for (const a of planning) {
    const d = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() + OFFSETS[n % OFFSETS.length]));
    await listOf(sp, 'actions')
      .items.getById(a.Id)
      .update({ EigenaarId: ids[n % ids.length], Deadline: d.toISOString(), Opmerking: a.Opmerking ? `${a.Opmerking}\n${EXAMPLE_NOTE}` : EXAMPLE_NOTE });
    n++;
  }
  return n;
}
