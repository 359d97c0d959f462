import { describe, expect, it } from 'vitest';
import { disarmHandlers } from './markdown.ts';

describe('disarmHandlers', () => {
  it('renames inline event handlers inside tags', () => {
    expect(disarmHandlers('<img src=x onerror="alert(1)"><a href="#" ONCLICK=\'x()\'>a</a>')).toBe(
      '<img src=x data-disarmed-onerror="alert(1)"><a href="#" data-disarmed-onCLICK=\'x()\'>a</a>',
    );
  });

  it('leaves text between tags alone', () => {
    expect(disarmHandlers('<p>set online=true in the body</p>')).toBe('<p>set online=true in the body</p>');
  });
});
