/** @jest-environment ./tests/dev/environment.js */
/** SP.Utilities.Utility.SendEmail on the local server and its outbox (FIDELITY M-01..M-03). */
import '@pnp/sp/webs';
import '@pnp/sp/site-users/web';
import '@pnp/sp/sputilities';
import { createSp } from '../../tools/data/node';
import { ITestServer, startTestServer } from '../helpers/localServer';

let srv: ITestServer;

beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.stop();
});

async function errorOf(p: Promise<unknown>): Promise<{ status?: number; message: string }> {
  try {
    await p;
  } catch (e) {
    return { status: (e as { status?: number }).status, message: (e as Error).message };
  }
  return { message: 'ok' };
}

async function outbox(): Promise<Array<{ to: string[]; subject: string; body: string }>> {
  return (await fetch(`${srv.url}/_outbox`)).json() as Promise<Array<{ to: string[]; subject: string; body: string }>>;
}

describe('SP.Utilities.Utility.SendEmail', () => {
  it('[M-01] sends an HTML message to users of the site, also when a reader calls it; the outbox keeps it', async () => {
    await createSp(srv.siteUrl, undefined, 'koen').utility.sendEmail({ To: ['ann.janssens@stad.example'], Subject: 'Test', Body: '<p>Hallo <b>Ann</b></p>' });
    // The verbose shape ({results: [...]}) that older code posts.
    const digest = await (await fetch(`${srv.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { accept: 'application/json;odata=nometadata', 'X-LocalSP-User': 'ann' } })).json() as { FormDigestValue: string };
    const res = await fetch(`${srv.siteUrl}/_api/SP.Utilities.Utility.SendEmail`, {
      method: 'POST',
      headers: { accept: 'application/json;odata=verbose', 'content-type': 'application/json;odata=verbose', 'X-RequestDigest': digest.FormDigestValue, 'X-LocalSP-User': 'ann' },
      body: JSON.stringify({ properties: { __metadata: { type: 'SP.Utilities.EmailProperties' }, To: { results: ['koen.wouters@stad.example'] }, Subject: 'Tweede', Body: 'x' } })
    });
    expect(res.status).toBe(200);
    const sent = await outbox();
    expect(sent.map((m) => [m.to, m.subject])).toEqual([[['ann.janssens@stad.example'], 'Test'], [['koen.wouters@stad.example'], 'Tweede']]);
    expect(sent[0].body).toBe('<p>Hallo <b>Ann</b></p>');
    const page = await (await fetch(`${srv.url}/outbox`)).text();
    expect(page).toContain('Tweede');
    expect(srv.store.outbox()).toHaveLength(2);
  });

  it('[M-02] refuses a recipient who is not a user of the site (an outside address, a colleague not yet on the site); nothing is sent', async () => {
    const sp = createSp(srv.siteUrl, undefined, 'ann');
    for (const to of ['iemand@gmail.com', 'jan.peeters@stad.example']) {
      const e = await errorOf(sp.utility.sendEmail({ To: [to], Subject: 'Nee', Body: 'x' }));
      expect(e.status).toBe(500);
      expect(e.message).toContain('The e-mail message cannot be sent. Make sure the e-mail has a valid recipient.');
    }
    // Once the colleague is a user of the site (ensureUser), mail reaches them.
    await sp.web.ensureUser('i:0#.f|membership|jan.peeters@stad.example');
    await sp.utility.sendEmail({ To: ['jan.peeters@stad.example'], Subject: 'Ja', Body: 'x' });
    expect((await outbox()).map((m) => m.subject)).toEqual(['Test', 'Tweede', 'Ja']);
  });

  it('[M-03] refuses a user who left the tenant, though still in the site\'s user list', async () => {
    await srv.store.removeFromTenant('i:0#.f|membership|jan.peeters@stad.example');
    const e = await errorOf(createSp(srv.siteUrl, undefined, 'ann').utility.sendEmail({ To: ['jan.peeters@stad.example'], Subject: 'Weg', Body: 'x' }));
    expect(e.status).toBe(500);
    expect((await outbox()).map((m) => m.subject)).not.toContain('Weg');
  });
});
