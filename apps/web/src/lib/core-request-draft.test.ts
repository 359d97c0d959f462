import { describe, it, expect } from 'vitest';
import * as core from '@kinde-explorer/core';
import * as draft from './core-request-draft.ts';

describe('core-request-draft', () => {
  it('re-exports the draft helpers @kinde-explorer/core exports', () => {
    for (const name of ['draftTitle', 'newDraft', 'newRow', 'sentTexts', 'toRequestTemplate', 'parseQuery', 'rowsFromUrl', 'splitUrl', 'urlFromRows'] as const) {
      expect(draft[name], name).toBe(core[name]);
    }
  });

  it('builds drafts that the draft schema accepts', () => {
    expect(core.requestDraftSchema.safeParse(draft.newDraft()).success).toBe(true);
  });
});
