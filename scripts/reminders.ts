/**
 * npm run reminders -- [--site <url>] [--token <bearer>] [--escalation-days 30] [--director <e-mail>]
 *                      [--today YYYY-MM-DD] [--dry-run]
 *
 * The weekly digests to owners, the escalation to the control team and the monthly summary for the algemeen
 * directeur (rules: src/model/reminders.ts), sent through SharePoint's own SP.Utilities.Utility.SendEmail as the
 * signed-in account. Run it on a schedule (README, "Voortgang en herinneringen"); running it again the same week
 * sends nothing twice, and a run that stopped half-way sends the rest.
 */
import { createSp } from '../tools/data/node';
import { runReminders } from '../tools/data/reminders';
import { DEFAULT_ESCALATION_DAYS } from '../tools/model/reminders';
import { fail, flag, parseArgs, siteFrom, tokenFrom } from './cli';

const USAGE =
  'Gebruik / Usage: npm run reminders -- [--site <url>] [--token <bearer>] [--escalation-days N] [--director <e-mail>] [--today YYYY-MM-DD] [--dry-run]';

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const site = siteFrom(args);
  const daysText = flag(args, 'escalation-days');
  const escalationDays = daysText === undefined ? DEFAULT_ESCALATION_DAYS : Number(daysText);
  if (!Number.isInteger(escalationDays) || escalationDays < 0) usageError(`--escalation-days moet een geheel getal ≥ 0 zijn. / must be a whole number ≥ 0: ${daysText}`);
  const todayText = flag(args, 'today');
  let today = new Date();
  if (todayText !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(todayText);
    if (!m) usageError(`--today verwacht JJJJ-MM-DD. / --today expects YYYY-MM-DD: ${todayText}`);
    today = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  }
  const sp = createSp(site, tokenFrom(args));
  try {
    const result = await runReminders(sp, {
      siteUrl: site,
      today,
      escalationDays,
      director: flag(args, 'director'),
      dryRun: args.flags['dry-run'] === true,
      onSent: (m) => console.log(`Verzonden / sent: ${m.kind} → ${m.to.email} (${m.subject})`)
    });
    for (const m of result.alreadySent) console.log(`Al verzonden / already sent: ${m.kind} → ${m.to.email} (${m.period})`);
    for (const s of result.skipped) console.log(`Overgeslagen / skipped: ${s.message.to.title} <${s.message.to.email || '?'}>: geen gebruiker van de site of uit de tenant vertrokken / not a user of the site or left the tenant (${s.reason})`);
    for (const m of result.uncertain) console.log(`Onzeker / uncertain: ${m.kind} → ${m.to.email}: een vorige run stopte tijdens het verzenden; niet opnieuw verzonden / a previous run stopped while sending; not sent again`);
    if (args.flags['dry-run'] === true) for (const m of result.planned) console.log(`Gepland / planned: ${m.kind} → ${m.to.email} (${m.subject})`);
    console.log(
      `Herinneringen: ${result.sent.length} verzonden, ${result.alreadySent.length} al eerder verzonden, ${result.skipped.length} overgeslagen, ${result.uncertain.length} onzeker. / ` +
        `Reminders: ${result.sent.length} sent, ${result.alreadySent.length} already sent, ${result.skipped.length} skipped, ${result.uncertain.length} uncertain.`
    );
  } catch (e) {
    fail(e, site);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
