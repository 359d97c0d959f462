/** Scopes the stateful routes check, granted by default even without a spec. */
export const CORE_SCOPES: readonly string[] = [
  'read:users', 'create:users', 'update:users', 'delete:users',
];
