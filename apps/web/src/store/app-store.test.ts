import { beforeAll, describe, expect, it } from 'vitest';

// The store persists to localStorage; give it one (the tests run in Node).
const saved = new Map<string, string>();
beforeAll(() => {
  globalThis.localStorage = {
    getItem: (k: string) => saved.get(k) ?? null,
    setItem: (k: string, v: string) => void saved.set(k, v),
    removeItem: (k: string) => void saved.delete(k),
    clear: () => saved.clear(),
    key: () => null,
    length: 0,
  } as Storage;
});

const load = async () => (await import('./app-store.ts')).useAppStore;

describe('app store', () => {
  it('persists request tabs and drafts, never environment tabs', async () => {
    const store = await load();
    const tab = store.getState().openRequestTab();
    store.getState().updateDraft(tab, { url: '{{business_domain}}/api/v1/organizations' });
    store.getState().openEnvironmentTab('env-1');
    const persisted = JSON.parse(saved.get('kinde-explorer:ui')!).state;
    expect(persisted.tabs).toEqual([{ kind: 'request', id: tab }]);
    expect(persisted.drafts[tab].url).toBe('{{business_domain}}/api/v1/organizations');
    // The environment tab was active: after a reload no tab it named is restored as active.
    expect(persisted.activeTabId).toBeNull();
  });

  it('focuses the neighbour when the active tab closes, like a browser', async () => {
    const store = await load();
    const [a, b, c] = [store.getState().openRequestTab(), store.getState().openRequestTab(), store.getState().openRequestTab()];
    store.getState().setActiveTab(b);
    store.getState().closeTab(b);
    expect(store.getState().activeTabId).toBe(c);
    expect(store.getState().drafts[b]).toBeUndefined();
    store.getState().closeTab(c);
    expect(store.getState().activeTabId).toBe(a);
  });

  it('reuses an open environment tab instead of opening a second one', async () => {
    const store = await load();
    const first = store.getState().openEnvironmentTab('env-2');
    store.getState().openRequestTab();
    expect(store.getState().openEnvironmentTab('env-2')).toBe(first);
    expect(store.getState().tabs.filter((t) => t.kind === 'environment' && t.environmentId === 'env-2')).toHaveLength(1);
  });
});
