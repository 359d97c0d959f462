import { useCallback, useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { SendResult } from '@kinde-explorer/core';
import { useAppStore } from '../../store/app-store.ts';
import { formatBytes } from '../../lib/format.ts';
import { environmentsQuery } from '../environments/environment-queries.ts';
import { maskPersonalDataInText } from './core-demo.ts';
import { hideValues } from './hide-values.ts';

/** Keeps `<html data-presentation>` in step with the toggle; demo.css scales the type from it. */
export function useApplyPresentation(): void {
  const on = useAppStore((s) => s.presentationMode);
  useEffect(() => {
    const root = document.documentElement;
    if (on) root.dataset.presentation = 'on';
    else delete root.dataset.presentation;
  }, [on]);
}

/**
 * `hide(text)` replaces every plain value of every environment by `••••` while presentation mode
 * is on (secrets never reach the browser, so there is nothing else to hide); otherwise identity.
 */
export function useHideEnvironmentValues(): { presenting: boolean; hide: (text: string) => string } {
  const presenting = useAppStore((s) => s.presentationMode);
  const { data: environments } = useQuery({ ...environmentsQuery(), enabled: presenting });
  const values = useMemo(() => (environments ?? []).flatMap((e) => e.variables.map((v) => v.value)), [environments]);
  const hide = useCallback((text: string) => (presenting ? hideValues(text, values) : text), [presenting, values]);
  return { presenting, hide };
}

/** A response as the viewer holds it; a large body arrives `prepared` by the worker, with `body` empty. */
type ShownResult = SendResult & { prepared?: unknown };

/**
 * The response as demo mode shows it: personal data masked in the body when that is on, and the
 * requested URL's environment values hidden in presentation mode. The same object when neither is on.
 * A large body (prepared off the main thread) is replaced by a note while masking is on: masking
 * megabytes here would freeze the page, and showing them unmasked would defeat the point.
 */
export function useDemoResult<T extends ShownResult>(result: T | undefined): T | undefined {
  const mask = useAppStore((s) => s.maskPersonalData);
  const { presenting, hide } = useHideEnvironmentValues();
  return useMemo(() => {
    if (!result || (!mask && !presenting)) return result;
    // The requested URL may carry an email in its query (`?email=…`).
    const url = hide(mask ? maskPersonalDataInText(result.url).text : result.url);
    if (!mask || result.bodyEncoding !== 'utf8') return { ...result, url };
    if (result.prepared !== undefined) {
      const note = { note: `This ${formatBytes(result.size)} response is hidden while personal data is masked. Turn masking off to see it, or ask for fewer results (page_size).` };
      return { ...result, url, prepared: undefined, body: JSON.stringify(note, null, 2) };
    }
    return { ...result, url, body: maskPersonalDataInText(result.body).text };
  }, [result, mask, presenting, hide]);
}

/**
 * For any text another feature shows (a history entry's URL, a title): email addresses masked
 * while masking is on, environment values hidden in presentation mode; otherwise as it was.
 */
export function useDemoText(): (text: string) => string {
  const mask = useAppStore((s) => s.maskPersonalData);
  const { hide } = useHideEnvironmentValues();
  return useCallback((text: string) => hide(mask ? maskPersonalDataInText(text).text : text), [mask, hide]);
}
