const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

// The server's CSP allows inline styles (not scripts); the page needs neither the SPA nor JavaScript.
const STYLE = `
body{margin:0;font:15px/1.5 system-ui,sans-serif;background:#f6f7f9;color:#1c1f24;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border:1px solid #dde1e6;border-radius:10px;padding:28px 32px;width:min(460px,92vw)}
h1{font-size:19px;margin:0 0 8px}p{margin:0 0 18px;color:#444b55}
a{display:inline-block;background:#1c1f24;color:#fff;border-radius:6px;padding:8px 14px;text-decoration:none}
small{display:block;margin-top:16px;color:#6b7280}
`;

/**
 * The page Kinde's redirect lands on when signing in did not work: what happened, what to do,
 * and the way back to the explorer's sign-in page.
 */
export function kindeProblemPage(input: { title: string; message: string; issuer: string }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><title>${escape(input.title)} · Kinde API Explorer</title><style>${STYLE}</style></head>
<body><main role="alert"><h1>${escape(input.title)}</h1><p>${escape(input.message)}</p><a href="/">Back to sign-in</a><small>Kinde business: ${escape(input.issuer)}</small></main></body></html>`;
}
