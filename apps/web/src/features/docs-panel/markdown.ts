import DOMPurify from 'dompurify';
import { marked } from 'marked';

/*
 * Spec descriptions are markdown with some HTML in them (Kinde uses <p>, <code>, <div>). They come
 * from a document anyone can upload, so the HTML marked produces is sanitised before it reaches the
 * DOM: no scripts, event handlers, styles, forms or frames. Images are dropped too: the CSP allows
 * images from 'self' only, and a remote image would also tell a third party who reads the docs.
 */
const FORBID_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'img', 'svg', 'math'];

let hooked = false;
function hookLinks(): void {
  if (hooked) return;
  hooked = true;
  // Links open in a new tab without handing it this page (window.opener).
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.getAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
}

/** Markdown (with inline HTML) to sanitised HTML, safe for dangerouslySetInnerHTML. */
export function renderMarkdown(markdown: string): string {
  hookLinks();
  const html = disarmHandlers(marked.parse(markdown, { async: false, gfm: true, breaks: false }));
  // Parsed inside a <template>, whose content is inert (nothing loads), then sanitised in place.
  const template = document.createElement('template');
  template.innerHTML = `<div>${html}</div>`;
  const root = template.content.firstElementChild;
  if (!root) return '';
  DOMPurify.sanitize(root, { IN_PLACE: true, FORBID_TAGS, FORBID_ATTR: ['style'], ADD_ATTR: ['target'], ALLOW_DATA_ATTR: false });
  return root.innerHTML;
}

/**
 * Renames `on…=` attributes inside tags before any parsing. Chromium checks an inline handler
 * against the CSP as soon as it parses one — even in an inert document — and logs a violation.
 * DOMPurify remains the safety net (it drops the renamed data-* attributes); this only keeps a
 * hostile spec from filling the console.
 */
export function disarmHandlers(html: string): string {
  return html.replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/(\s)on([a-z]+\s*=)/gi, '$1data-disarmed-on$2'));
}
