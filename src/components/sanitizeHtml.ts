/**
 * Rich text from the lists (note fields with rich text) is untrusted: anyone with edit
 * rights on the data site writes it. Everything rendered as HTML passes through here.
 */
import * as purifyModule from 'dompurify';
import type { DOMPurify as DOMPurifyApi } from 'dompurify';
import { safeUrl } from '../model/links';

// The SPFx tsconfig has no allowSyntheticDefaultImports; webpack hands out the ES module
// (a namespace with `default`), jest the CommonJS one: accept both shapes.
const DOMPurify: DOMPurifyApi = ((purifyModule as unknown as { default?: DOMPurifyApi }).default ||
  (purifyModule as unknown as DOMPurifyApi));

/** Besides web links (the link rule, safeUrl): mail and phone links and anchors in the text itself. */
const OTHER_SAFE_LINK: RegExp = /^(?:mailto:|tel:|#)/i;

/** Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"). */
function stripControls(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 32) out += value.charAt(i);
  }
  return out;
}

let hooked: boolean = false;
/** Hosts images may load from during the current sanitize call (the hooks are global). */
let imageHosts: string[] = [];

function hostOf(url: string): string | undefined {
  const m = /^https?:\/\/([^/?#]+)/i.exec(url);
  return m ? m[1].toLowerCase() : undefined;
}

/**
 * Images load only from the tenant: a path on this site, the page's own host, the data
 * site's host or *.sharepoint.com. An image elsewhere would tell a stranger who read the
 * card and when (a tracking pixel); data: images can carry anything.
 */
function imageAllowed(src: string): boolean {
  const url = safeUrl(src);
  if (!url) return false;
  const host = hostOf(url);
  if (!host) return true; // a site-relative path: same origin
  if (/(^|\.)sharepoint\.com(:443)?$/.test(host)) return true;
  return imageHosts.indexOf(host) >= 0;
}

function ensureHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node: Element) => {
    if (node.tagName === 'IMG' && !imageAllowed(node.getAttribute('src') || '')) {
      // Replaced by its alt text, so the sentence around it still reads.
      const alt = (node.getAttribute('alt') || '').trim();
      if (node.parentNode) {
        if (alt) node.parentNode.replaceChild(node.ownerDocument.createTextNode(alt), node);
        else node.parentNode.removeChild(node);
      }
      return;
    }
    if (node.tagName === 'A') {
      const raw = node.getAttribute('href') || '';
      const href = stripControls(raw);
      // DOMPurify already drops javascript:; the link rule of every other link decides the rest
      // (data:, vbscript:, "//host", plain http to another host go), mail and phone links stay.
      if (raw && !safeUrl(raw) && !OTHER_SAFE_LINK.test(href)) node.removeAttribute('href');
      if (node.getAttribute('href')) {
        // Links open outside the card (never replacing the Teams tab) without opener access.
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    }
  });
}

/**
 * Sanitised HTML: no script/style/iframe/form, no event handlers, only links the link rule accepts
 * (https, a path on the site) and mailto/tel/#anchors, images only from the tenant (see imageAllowed; `siteUrl` is the data site, whose host counts).
 */
export function sanitizeHtml(html: string | undefined, siteUrl?: string): string {
  if (!html) return '';
  ensureHooks();
  imageHosts = [siteUrl ? hostOf(siteUrl) : undefined, typeof window !== 'undefined' && window.location ? window.location.host.toLowerCase() : undefined].filter(
    (h): h is string => !!h
  );
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'svg', 'math'],
    FORBID_ATTR: ['style', 'srcset'],
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ['target']
  });
}
