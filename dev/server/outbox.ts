/** The local outbox as a page: each message's recipients, subject and HTML body (in a sandboxed frame). */
import { IOutboxMessage } from './store';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function outboxPage(messages: IOutboxMessage[]): string {
  const rows = messages
    .slice()
    .reverse()
    .map(
      (m) => `<article>
<h2>${escapeHtml(m.subject)}</h2>
<p><strong>Aan / To:</strong> ${escapeHtml(m.to.concat(m.cc, m.bcc).join(', '))} · <strong>Verzonden / Sent:</strong> ${escapeHtml(m.sentAt)} · <strong>Door / By:</strong> ${escapeHtml(m.sentBy)}</p>
<iframe sandbox title="${escapeHtml(m.subject)}" srcdoc="${escapeHtml(m.body)}"></iframe>
</article>`
    )
    .join('\n');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Uitgaande e-mail (lokaal)</title>
<style>body{font-family:Segoe UI,Arial,sans-serif;margin:24px;max-width:960px}article{border:1px solid #ccc;padding:8px 16px;margin:12px 0}iframe{width:100%;height:320px;border:1px solid #eee}</style>
</head><body><h1>Uitgaande e-mail (lokaal) / Local outbox</h1>
<p>${messages.length} bericht(en) via SP.Utilities.Utility.SendEmail. JSON: <a href="/_outbox">/_outbox</a></p>
${rows || '<p>Nog geen berichten. / No messages yet.</p>'}
</body></html>`;
}
