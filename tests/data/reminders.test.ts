/** @jest-environment ./tests/dev/environment.js */
/**
 * The reminder run end to end (README, "Voortgang en herinneringen"): rules of src/model/reminders, sent through
 * SP.Utilities.Utility.SendEmail to the local server's outbox, with the sent-log list Herinneringen.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import { ensureSchema } from '../../src/data/ensureSchema';
import { ensurePermissions } from '../../src/data/permissions';
import { createSp } from '../../tools/data/node';
import { addProgressReport, readProgressReports, refuseProgressReport } from '../../src/data/progress';
import { runReminders } from '../../tools/data/reminders';
import { ITestServer, startTestServer } from '../helpers/localServer';

let srv: ITestServer;
const as = (user: string): SPFI => createSp(srv.siteUrl, undefined, user);
const TODAY = new Date(2024, 2, 13); // Wednesday 13 March 2024, week 2024-W11
const KOEN = 10;
const LEES = 11;
let janId: number;

interface IMail {
  to: string[];
  subject: string;
  body: string;
}

async function outbox(): Promise<IMail[]> {
  return (await fetch(`${srv.url}/_outbox`)).json() as Promise<IMail[]>;
}

beforeAll(async () => {
  srv = await startTestServer();
  const sp = as('ann');
  await ensureSchema(sp);
  await ensurePermissions(sp);
  const domain = ((await sp.web.lists.getByTitle('Domeinen').items.add({ Title: 'Bescherming activa', Volgorde: 7 })) as { Id: number }).Id;
  const jan = await sp.web.ensureUser('i:0#.f|membership|jan.peeters@stad.example');
  janId = (jan as unknown as { Id?: number; data?: { Id: number } }).data?.Id ?? (jan as unknown as { Id: number }).Id;
  const add = (Title: string, EigenaarId: number, Deadline: string): Promise<unknown> =>
    sp.web.lists.getByTitle('Acties').items.add({ Title, DomeinenId: [domain], ActieStatus: 'Gepland', JaarGepland: 2023, EigenaarId, Deadline });
  await add('Back-up testen', KOEN, '2024-03-31T00:00:00Z'); // due within 30 days
  await add('Uitrol MFA', KOEN, '2024-01-10T00:00:00Z'); // 63 days overdue: escalated
  await add('Archief opruimen', LEES, '2024-03-01T00:00:00Z'); // 12 days overdue, not escalated
  await add('Later werk', LEES, '2024-12-31T00:00:00Z'); // nothing to say
  await add('Oud dossier', janId, '2024-02-01T00:00:00Z'); // owner who will leave the tenant
  const rec = (await sp.web.lists.getByTitle('Aanbevelingen').items.add({ Title: 'Toegangsbeheer herzien', Prioriteit: 'H', EigenaarId: LEES, Deadline: '2024-09-30T00:00:00Z' })) as { Id: number };
  await addProgressReport(as('lees'), { target: { kind: 'recommendation', id: rec.Id }, state: 'uitgevoerd', comment: 'Klaar' }, 'Toegangsbeheer herzien');
  const report = (await readProgressReports(as('pieter')))[0];
  await refuseProgressReport(as('pieter'), report, 'Voeg het verslag van de herziening toe.');
  await srv.store.removeFromTenant('i:0#.f|membership|jan.peeters@stad.example');
});

afterAll(async () => {
  await srv.stop();
});

describe('npm run reminders (runReminders)', () => {
  it('an interrupted run sends the rest on the next run, nothing twice; a second run the same day sends nothing', async () => {
    let count = 0;
    await expect(
      runReminders(as('ann'), {
        siteUrl: srv.siteUrl,
        today: TODAY,
        onSent: () => {
          if (++count === 2) throw new Error('stopped half-way');
        }
      })
    ).rejects.toThrow('stopped half-way');
    expect(await outbox()).toHaveLength(2);

    const second = await runReminders(as('ann'), { siteUrl: srv.siteUrl, today: TODAY });
    expect(second.alreadySent).toHaveLength(2);
    const mails = await outbox();
    const subjects = mails.map((m) => `${m.to.join(',')}: ${m.subject}`);
    // No message twice.
    expect(new Set(subjects).size).toBe(subjects.length);
    // Koen: one overdue, one due soon. Lies: one overdue and a refusal with its reason.
    const koen = mails.filter((m) => m.to[0] === 'koen.wouters@stad.example');
    expect(koen).toHaveLength(1);
    expect(koen[0].subject).toBe('Organisatiebeheersing: uw acties (1 te laat, 1 binnenkort)');
    expect(koen[0].body).toContain('Uitrol MFA');
    expect(koen[0].body).toContain('63 dagen te laat');
    expect(koen[0].body).toContain('Back-up testen');
    expect(koen[0].body).toContain(`${srv.siteUrl}/Lists/Acties/DispForm.aspx?ID=`);
    const lies = mails.filter((m) => m.to[0] === 'lies.eeckhout@stad.example');
    expect(lies).toHaveLength(1);
    expect(lies[0].subject).toBe('Organisatiebeheersing: uw acties (1 te laat, 1 geweigerd)');
    expect(lies[0].body).toContain('Voeg het verslag van de herziening toe.');
    expect(lies[0].body).not.toContain('Later werk');
    // Escalation to each member of the control team: only what is more than 30 days late.
    const escalated = mails.filter((m) => /meer dan 30 dagen te laat/.test(m.subject));
    expect(escalated.map((m) => m.to[0]).sort()).toEqual(['ann.janssens@stad.example', 'pieter.desmet@stad.example', 'sofie.maes@stad.example']);
    expect(escalated[0].body).toContain('Uitrol MFA');
    expect(escalated[0].body).toContain('Oud dossier');
    expect(escalated[0].body).not.toContain('Archief opruimen');
    // The monthly summary for the algemeen directeur (the site owner).
    const summary = mails.filter((m) => m.subject === 'Organisatiebeheersing: maandoverzicht 2024-03');
    expect(summary.map((m) => m.to[0])).toEqual(['ann.janssens@stad.example']);
    expect(summary[0].body).toContain('Te laat (deadline verstreken)</td><td style="text-align:right">3<');
    // Jan left the tenant: skipped and reported, nothing in the outbox for him.
    expect(second.skipped.map((s) => s.message.to.email)).toEqual(['jan.peeters@stad.example']);
    expect(mails.some((m) => m.to[0] === 'jan.peeters@stad.example')).toBe(false);

    const third = await runReminders(as('ann'), { siteUrl: srv.siteUrl, today: TODAY });
    expect(third.sent).toHaveLength(0);
    expect(third.skipped).toHaveLength(0);
    expect(await outbox()).toHaveLength(mails.length);
  });

  it('the next week the digests go out again (weekly), the monthly summary not (monthly)', async () => {
    const before = (await outbox()).length;
    const next = await runReminders(as('ann'), { siteUrl: srv.siteUrl, today: new Date(2024, 2, 20) });
    expect(next.sent.map((m) => m.kind).sort()).toEqual(['escalatie', 'escalatie', 'escalatie', 'overzicht', 'overzicht']);
    expect((await outbox()).length).toBe(before + 5);
  });
});
