/**
 * Rich text from the lists (note fields with rich text) is untrusted: anyone with edit
 * rights on the data site writes it. Everything rendered as HTML passes through here.
 */
import * as purifyModule from 'dompurify';
import type { DOMPurify as DOMPurifyApi } from 'dompurify';

// The SPFx tsconfig has no allowSyntheticDefaultImports; webpack hands out the ES module
// (a namespace with `default`), jest the CommonJS one: accept both shapes.
const DOMPurify: DOMPurifyApi = ((purifyModule as unknown as { default?: DOMPurifyApi }).default ||
  (purifyModule as unknown as DOMPurifyApi));

const SAFE_URL: RegExp = /^(?:https?:|mailto:|tel:|#|\/(?!\/)|\.{0,2}\/|[^:]*$)/i;

/** Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"). */
function stripControls(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 32) out += value.charAt(i);
  }
  return out;
}

let hooked: boolean = false;

function ensureHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node: Element) => {
    if (node.tagName === 'A') {
      const href = stripControls(node.getAttribute('href') || '');
      // DOMPurify already drops javascript:; data:, vbscript: and other schemes go too.
      if (href && !SAFE_URL.test(href)) node.removeAttribute('href');
      if (node.getAttribute('href')) {
        // Links open outside the card (never replacing the Teams tab) without opener access.
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    }
  });
}

/** Sanitised HTML: no script/style/iframe/form, no event handlers, only http(s)/mailto/tel/relative links. */
export function sanitizeHtml(html: string | undefined): string {
  if (!html) return '';
  ensureHooks();
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'svg', 'math'],
    FORBID_ATTR: ['style', 'srcset'],
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ['target']
  });
}
