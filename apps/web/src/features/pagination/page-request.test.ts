import { describe, expect, it } from 'vitest';
import { newDraft, newRow } from '../../lib/core-request-draft.ts';
import { draftForPage, pageRequest } from './page-request.ts';

describe('page requests', () => {
  const draft = newDraft({ url: '{{business_domain}}/api/v1/users?page_size=5', query: [newRow('page_size', '5')] });

  it('adds next_token to the URL for the next page, keeping page_size', () => {
    expect(draftForPage(draft, 'abc').url).toBe('{{business_domain}}/api/v1/users?page_size=5&next_token=abc');
    expect(pageRequest(draft, 'abc').url).toBe('{{business_domain}}/api/v1/users?page_size=5&next_token=abc');
  });

  it('replaces an earlier token rather than adding a second one', () => {
    const second = { ...draft, ...draftForPage(draft, 'abc') };
    expect(draftForPage(second, 'def').url).toBe('{{business_domain}}/api/v1/users?page_size=5&next_token=def');
  });

  it('asks for the first page without next_token', () => {
    const later = { ...draft, ...draftForPage(draft, 'abc') };
    expect(pageRequest(later, null).url).toBe('{{business_domain}}/api/v1/users?page_size=5');
  });
});
