/**
 * SP.Utilities.Utility.SendEmail (what PnPjs' `sp.utility.sendEmail` posts) and the local outbox: SharePoint
 * sends only to users of the site who are still in the tenant (FIDELITY M-01..M-03); here every accepted message
 * is kept in the data folder (site.json, `outbox`) and shown at `/_outbox` (JSON) and `/outbox` (page).
 */
import { IApiResponse, IContext, parseBody, voidResult } from '../context';
import { DIRECTORY, TENANT_PEOPLE } from '../directory';
import { badRequest, SPError } from '../fields';
import { IOutboxMessage, ISiteData } from '../store';

/** SharePoint's answer when a recipient cannot be resolved to a user of the site (FIDELITY M-02). */
export function noValidRecipient(): SPError {
  return new SPError(500, '-2146232832, Microsoft.SharePoint.SPException', 'The e-mail message cannot be sent. Make sure the e-mail has a valid recipient.');
}

function addresses(v: unknown): string[] {
  const arr = Array.isArray(v) ? v : v && typeof v === 'object' && Array.isArray((v as { results?: unknown[] }).results) ? (v as { results: unknown[] }).results : [];
  return arr.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter((x) => x.length > 0);
}

/** A user of the site (User Information List) whose account still exists in the tenant. */
export function isMailableUser(site: ISiteData, address: string): boolean {
  const a = address.toLowerCase();
  const user = site.users.find((u) => (u.PrincipalType === undefined || u.PrincipalType === 1) && (u.Email.toLowerCase() === a || u.LoginName.toLowerCase().endsWith(`|${a}`)));
  if (!user) return false;
  if ((site.departed || []).some((d) => d.toLowerCase() === user.LoginName.toLowerCase())) return false;
  return TENANT_PEOPLE.concat(DIRECTORY.map((d) => d.user)).some((p) => p.LoginName.toLowerCase() === user.LoginName.toLowerCase());
}

export function postSendEmail(c: IContext): IApiResponse {
  const body = parseBody(c.req);
  const p = body.properties;
  if (!p || typeof p !== 'object') throw badRequest("The parameter 'properties' is missing or not valid.");
  const props = p as Record<string, unknown>;
  const to = addresses(props.To);
  const cc = addresses(props.CC);
  const bcc = addresses(props.BCC);
  const all = to.concat(cc, bcc);
  if (!all.length || !all.every((a) => isMailableUser(c.site.store.site, a))) throw noValidRecipient();
  const site = c.site.store.site;
  const outbox = site.outbox || (site.outbox = []);
  const message: IOutboxMessage = {
    id: outbox.length + 1,
    sentAt: new Date().toISOString(),
    sentBy: c.site.currentUser().LoginName,
    from: typeof props.From === 'string' ? props.From : undefined,
    to,
    cc,
    bcc,
    subject: typeof props.Subject === 'string' ? props.Subject : '',
    body: typeof props.Body === 'string' ? props.Body : ''
  };
  outbox.push(message);
  c.site.store.markSite();
  return voidResult(c);
}
