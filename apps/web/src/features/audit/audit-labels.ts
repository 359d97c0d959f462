/** How each audit action reads in the panel. */
export const ACTION_LABELS: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_out': 'Signed out',
  'auth.sign_out_everywhere': 'Signed out everywhere',
  'auth.password_changed': 'Changed password',
  'auth.owner_created': 'Created the owner account',
  'member.invited': 'Invited a member',
  'member.joined': 'Joined by invite',
  'member.removed': 'Removed a member',
  'member.role_changed': 'Changed a role',
  'invite.revoked': 'Withdrew an invite',
  'environment.created': 'Created an environment',
  'environment.updated': 'Changed an environment',
  'environment.deleted': 'Deleted an environment',
  'environment.imported': 'Imported into an environment',
  'collection.created': 'Created a collection',
  'collection.updated': 'Changed a collection',
  'collection.deleted': 'Deleted a collection',
  'collection.restored': 'Restored a collection',
  'request.saved': 'Saved a request',
  'request.deleted': 'Deleted a request',
  send: 'Sent a request',
  'run.started': 'Ran a collection',
  'share.created': 'Shared a response',
  'share.revoked': 'Revoked a share',
};

/** One line of an event's detail: `status 200 · secrets changed: KINDE_CLIENT_SECRET`. */
export function describeDetail(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join(' · ');
}
