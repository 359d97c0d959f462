import { useEffect, useRef } from 'react';

/**
 * Actions owned by a mounted component (the request editor's send, the code dialog of the active
 * tab) that the palette and the global shortcuts can run. The latest registration wins, so the
 * active tab's editor is the one that sends.
 */
export type CommandId = 'request.send' | 'request.save' | 'request.code' | 'response.share';

const handlers = new Map<CommandId, (() => void)[]>();
const listeners = new Set<() => void>();

/** Registers `handler` for `id` while the component is mounted (always calling its latest version). */
export function useCommandHandler(id: CommandId, handler: () => void, enabled = true): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const run = () => ref.current();
    handlers.set(id, [...(handlers.get(id) ?? []), run]);
    notify();
    return () => {
      handlers.set(id, (handlers.get(id) ?? []).filter((h) => h !== run));
      notify();
    };
  }, [id, enabled]);
}

/** Runs the command; false when nothing on screen can run it now. */
export function runCommand(id: CommandId): boolean {
  const list = handlers.get(id);
  const handler = list?.[list.length - 1];
  if (!handler) return false;
  handler();
  return true;
}

export function hasCommand(id: CommandId): boolean {
  return (handlers.get(id)?.length ?? 0) > 0;
}

/** For useSyncExternalStore: re-render when commands come and go. */
export function subscribeCommands(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  for (const l of listeners) l();
}
