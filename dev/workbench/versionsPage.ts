/**
 * SharePoint's version history page of a list item, `<site>/_layouts/15/Versions.aspx?list={<id>}&ID=<n>`
 * (FIDELITY.md X-06), served minimally: a table of the item's versions as the REST endpoint
 * `lists/getById('<id>')/items(<n>)/versions` answers them, read over HTTP as the
 * requesting user (their cookie or X-LocalSP-User header is passed on).
 */
import * as http from 'http';

interface IVersionRow {
  VersionLabel?: string;
  Modified?: string;
  IsCurrentVersion?: boolean;
  Title?: string | null;
  Editor?: { LookupValue?: string } | null;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;margin:24px;color:#323130}table{border-collapse:collapse}th,td{text-align:left;padding:6px 12px;border-bottom:1px solid #edebe9}</style>
</head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

/** True when `pathname` is the version history page of the site. */
export function isVersionsPage(pathname: string, sitePath: string): boolean {
  return pathname.replace(/\/+$/, '').toLowerCase() === `${sitePath.toLowerCase()}/_layouts/15/versions.aspx`;
}

export async function serveVersionsPage(req: http.IncomingMessage, res: http.ServerResponse, url: URL, siteUrl: string): Promise<void> {
  const send = (status: number, html: string): void => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  };
  const listId = (url.searchParams.get('list') || url.searchParams.get('List') || '').replace(/^\{|\}$/g, '');
  const id = Number(url.searchParams.get('ID') || url.searchParams.get('id'));
  const title = 'Versiegeschiedenis / Version history';
  if (!/^[0-9a-f-]{36}$/i.test(listId) || !Number.isInteger(id) || id < 1) {
    send(400, page(title, '<p>Ongeldige parameters: list={lijst-id}&amp;ID={item-id}.</p>'));
    return;
  }
  const headers: Record<string, string> = { Accept: 'application/json;odata=nometadata' };
  if (req.headers.cookie) headers.Cookie = req.headers.cookie;
  const user = req.headers['x-localsp-user'];
  if (typeof user === 'string') headers['X-LocalSP-User'] = user;
  const api = `${siteUrl}/_api/web/lists/getById('${listId}')/items(${id})/versions`;
  const r = await fetch(api, { headers });
  if (!r.ok) {
    const text = await r.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { 'odata.error': { message: { value: string } } })['odata.error'].message.value;
    } catch {
      // not SharePoint's JSON error: show it as it came
    }
    send(r.status, page(title, `<p role="alert">${esc(message)}</p>`));
    return;
  }
  const rows = ((await r.json()) as { value: IVersionRow[] }).value;
  const body = rows
    .map(
      (v) =>
        `<tr><td>${esc(v.VersionLabel || '')}${v.IsCurrentVersion ? ' (huidig)' : ''}</td><td>${esc(v.Modified || '')}</td><td>${esc(
          (v.Editor && v.Editor.LookupValue) || ''
        )}</td><td>${esc(v.Title || '')}</td></tr>`
    )
    .join('');
  send(
    200,
    page(
      title,
      `<p>Item ${id}</p><table><caption>${rows.length} versie(s)</caption><thead><tr><th scope="col">Versie</th><th scope="col">Gewijzigd</th><th scope="col">Gewijzigd door</th><th scope="col">Titel</th></tr></thead><tbody>${body}</tbody></table>`
    )
  );
}
