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
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false });
  return DOMPurify.sanitize(html, { FORBID_TAGS, FORBID_ATTR: ['style'], ADD_ATTR: ['target'] });
}
