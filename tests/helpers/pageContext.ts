import { IPageDigest, pageContextSp } from '../../tools/data/browser';
import { createDataAccess } from '../../src/data/createDataAccess';
import { createSummaryAccess } from '../../src/data/createSummaryAccess';
import { IOrgRepository } from '../../src/data/IOrgRepository';
import { ISummarySource } from '../../src/data/ISummarySource';

/** The digest a SharePoint page carries (here: issued by the local server, as the workbench page embeds it). */
export async function pageDigest(siteUrl: string): Promise<IPageDigest> {
  const res = await fetch(`${siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json;odata=nometadata' } });
  const info = (await res.json()) as { FormDigestValue: string; FormDigestTimeoutSeconds: number };
  return { formDigestValue: info.FormDigestValue, formDigestTimeoutSeconds: info.FormDigestTimeoutSeconds };
}

/** A repository and a widget source built the way the web parts build them (SPFx behaviour, page digest). */
export async function onPage(siteUrl: string): Promise<{ repository: IOrgRepository; summary: ISummarySource }> {
  const sp = pageContextSp(siteUrl, await pageDigest(siteUrl));
  return { repository: createDataAccess(sp, siteUrl, 'test').repository, summary: createSummaryAccess(sp, siteUrl, 'test').summary };
}

export interface ILoggedRequest {
  method: string;
  url: string;
  bytes: number;
  /** The response body as text. */
  text: string;
}

/** Records every request PnPjs sends (method, URL, response bytes) until stop(). */
export function recordRequests(): { log: ILoggedRequest[]; stop: () => void } {
  const log: ILoggedRequest[] = [];
  const real = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await real(input, init);
    const body = await res.clone().arrayBuffer();
    log.push({ method: (init && init.method) || 'GET', url: typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url, bytes: body.byteLength, text: Buffer.from(body).toString('utf8') });
    return res;
  }) as typeof fetch;
  return { log, stop: () => (globalThis.fetch = real) };
}
