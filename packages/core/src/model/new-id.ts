let counter = 0;

/** A short id unique within this page's or process's lifetime and across reloads (tabs, table rows). */
export function newId(prefix = 'id'): string {
  counter += 1;
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}${random}`;
}
