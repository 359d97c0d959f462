import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** The owner invites `email` as `role` in the open Members panel and reads the one-time link. */
export async function inviteMember(owner: Page, email: string, role: 'editor' | 'viewer'): Promise<string> {
  const form = owner.getByRole('form', { name: 'Invite a member' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption(role);
  await form.getByRole('button', { name: 'Create invite link' }).click();
  const link = form.getByLabel('Invite link');
  await expect(link).toHaveValue(/\/join#[\w-]{43}$/);
  return link.inputValue();
}

/** Opens an invite link, picks a name and a password, and waits until the app is there. */
export async function joinByLink(page: Page, link: string, name: string, password: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Join the team' })).toBeVisible();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Choose a password').fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('combobox', { name: 'Environment' })).toBeEnabled();
  expect(new URL(page.url()).pathname).toBe('/');
}
