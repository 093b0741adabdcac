import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/sputilities';
import { httpStatusOf, sharePointMessage } from '../../src/data/errors';
import { listOf } from '../../src/data/lists';
import { ListItem } from '../../src/data/mapping';
import { CONTROL_TEAM_GROUP } from '../../src/data/permissions';
import { createDataAccess } from '../../src/data/createDataAccess';
import { readProgressReports } from '../../src/data/progress';
import { ITEM_QUERIES } from '../../src/data/queries';
import { IReminderMessage, isoWeek, monthOf, planReminders } from '../model/reminders';
import { IPerson } from '../../src/model/types';

export interface IReminderRunOptions {
  siteUrl: string;
  today?: Date;
  escalationDays?: number;
  /** E-mail of the algemeen directeur (monthly summary); default: the members of the site's Owners group. */
  director?: string;
  /** Only compute, send nothing. */
  dryRun?: boolean;
  /** Called after each message is sent and logged (progress output; tests stop a run here). */
  onSent?: (m: IReminderMessage) => void;
}

export interface IReminderRunResult {
  planned: IReminderMessage[];
  sent: IReminderMessage[];
  /** Sent before (same key in the sent-log): not sent again. */
  alreadySent: IReminderMessage[];
  /** The recipient is not a user of the site or left the tenant: skipped, and logged so it is reported once. */
  skipped: Array<{ message: IReminderMessage; reason: string }>;
  /** A run stopped between logging and sending: not sent again (never twice), check by hand. */
  uncertain: IReminderMessage[];
}

interface IGroupUser {
  Id: number;
  Title: string;
  Email?: string;
  PrincipalType?: number;
}

async function groupPeople(load: () => Promise<IGroupUser[]>): Promise<IPerson[]> {
  try {
    return (await load()).filter((u) => (u.PrincipalType === undefined || u.PrincipalType === 1) && !!u.Email).map((u) => ({ id: u.Id, title: u.Title, email: u.Email }));
  } catch (e) {
    if (httpStatusOf(e) === 404) return [];
    throw e;
  }
}

/** SharePoint refused the recipient (FIDELITY M-02, M-03). */
function isRecipientRefusal(e: unknown): boolean {
  return /valid recipient/i.test(sharePointMessage(e));
}

/**
 * One reminder run: plans the messages (model/reminders) and sends each through SP.Utilities.Utility.SendEmail,
 * one recipient per message. The sent-log (list Herinneringen) makes it idempotent: a log item is written
 * ("bezig") before sending and marked "verzonden" after, so a second run the same week (month, for the summary)
 * sends nothing again, and a run that stopped half-way sends the rest next time.
 */
export async function runReminders(sp: SPFI, options: IReminderRunOptions): Promise<IReminderRunResult> {
  const today = options.today || new Date();
  const { reportData } = createDataAccess(sp, options.siteUrl, 'reminders');
  const [data, reports, controlTeam, owners] = await Promise.all([
    reportData.loadReportData(),
    readProgressReports(sp),
    groupPeople(() => sp.web.siteGroups.getByName(CONTROL_TEAM_GROUP).users.select('Id', 'Title', 'Email', 'PrincipalType')()),
    groupPeople(() => sp.web.associatedOwnerGroup.users.select('Id', 'Title', 'Email', 'PrincipalType')())
  ]);
  const director: IPerson | undefined = options.director
    ? owners.concat(controlTeam).filter((p) => (p.email || '').toLowerCase() === options.director!.toLowerCase())[0] || { id: 0, title: options.director, email: options.director }
    : owners[0];
  const planned = planReminders({ data, reports, today, siteUrl: options.siteUrl, controlTeam, director, escalationDays: options.escalationDays });
  const result: IReminderRunResult = { planned, sent: [], alreadySent: [], skipped: [], uncertain: [] };
  if (options.dryRun) return result;

  const log = listOf(sp, 'reminderLog');
  const q = ITEM_QUERIES.reminderLog;
  const periods = [isoWeek(today), monthOf(today)];
  const logged: ListItem[] = await log.items
    .select(...q.select)
    .filter(periods.map((p) => `Periode eq '${p}'`).join(' or '))
    .top(5000)();
  const byKey: Record<string, ListItem> = {};
  for (const l of logged) byKey[l.Title] = l;

  for (const m of planned) {
    const seen = byKey[m.key];
    if (seen && seen.Verzendstatus === 'bezig') {
      result.uncertain.push(m);
      continue;
    }
    if (seen) {
      result.alreadySent.push(m);
      continue;
    }
    const added = (await log.items.add({ Title: m.key, Periode: m.period, Soort: m.kind, Ontvanger: m.to.email || '', Verzendstatus: 'bezig', Onderwerp: m.subject.slice(0, 255) })) as { Id?: number; ID?: number };
    const logId = (added.Id ?? added.ID) as number;
    try {
      if (!m.to.email) throw new Error('The e-mail message cannot be sent. Make sure the e-mail has a valid recipient.');
      await sp.utility.sendEmail({ To: [m.to.email], Subject: m.subject, Body: m.body });
    } catch (e) {
      if (isRecipientRefusal(e)) {
        await log.items.getById(logId).update({ Verzendstatus: 'overgeslagen' });
        result.skipped.push({ message: m, reason: sharePointMessage(e) });
        continue;
      }
      // Not sent (throttled beyond the retries, server error): forget the log item so the next run sends it.
      await log.items.getById(logId).delete();
      throw e;
    }
    await log.items.getById(logId).update({ Verzendstatus: 'verzonden' });
    result.sent.push(m);
    if (options.onSent) options.onSent(m);
  }
  return result;
}
