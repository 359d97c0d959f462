import type { UserRecord } from '../store/types.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

// Inline styles only: the page is served with a CSP that allows nothing else.
const STYLE = `
body{margin:0;font:15px/1.45 system-ui,sans-serif;background:#f4f4f5;color:#18181b;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border:1px solid #e4e4e7;border-radius:12px;padding:28px 32px;width:min(420px,92vw);box-shadow:0 1px 3px #0001}
h1{font-size:20px;margin:0 0 4px}p{margin:0 0 16px;color:#52525b}.tag{font-size:12px;color:#71717a;text-transform:uppercase;letter-spacing:.06em}
ul{list-style:none;padding:0;margin:0 0 16px;display:grid;gap:6px}
button{font:inherit;cursor:pointer;border-radius:8px;border:1px solid #d4d4d8;background:#fff;padding:8px 12px;width:100%;text-align:left}
button:hover{background:#f4f4f5}button.primary{background:#18181b;color:#fff;border-color:#18181b;text-align:center}
button.link{border:0;background:none;color:#52525b;text-align:center;text-decoration:underline}
label{display:block;font-size:13px;margin:0 0 4px}input{font:inherit;box-sizing:border-box;width:100%;padding:8px 10px;border:1px solid #d4d4d8;border-radius:8px;margin:0 0 8px}
small{color:#71717a}.err{color:#b91c1c}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><title>${escape(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** Headers for the sandbox's own pages: nothing but the inline style may load. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
  'cache-control': 'no-store',
} as const;

/**
 * Kinde's sign-in screen, reduced to what a test needs: pick a seeded user or type an email (a new
 * one is signed up, as Kinde's sign-up would), or cancel, which answers the app `access_denied`.
 */
export function signInPage(input: { requestId: string; appName: string; users: UserRecord[]; loginHint: string | null; error?: string }): string {
  const users = input.users
    .filter((u) => u.email)
    .map(
      (u) =>
        `<li><button type="submit" formnovalidate name="user_id" value="${escape(u.id)}">${escape([u.first_name, u.last_name].join(' '))} <small>${escape(u.email!)}</small></button></li>`,
    )
    .join('');
  return page(
    'Sign in · Kinde sandbox',
    `<div class="tag">Kinde sandbox</div><h1>Sign in to ${escape(input.appName)}</h1>
<p>No passwords here: pick a sandbox user, or type any email to sign in (or up) as that person.</p>
<form method="post" action="/oauth2/auth/sign-in">
<input type="hidden" name="request_id" value="${escape(input.requestId)}">
<ul aria-label="Sandbox users">${users}</ul>
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="off" value="${escape(input.loginHint ?? '')}" placeholder="you@example.com">
${input.error ? `<p class="err" role="alert">${escape(input.error)}</p>` : ''}
<button class="primary" type="submit" name="action" value="email">Continue</button>
<button class="link" type="submit" formnovalidate name="action" value="deny">Cancel and go back</button>
</form>`,
  );
}

/** The page Kinde shows instead of redirecting when the client or redirect URI is not right. */
export function errorPage(title: string, message: string): string {
  return page(`${title} · Kinde sandbox`, `<div class="tag">Kinde sandbox</div><h1>${escape(title)}</h1><p>${escape(message)}</p>`);
}
