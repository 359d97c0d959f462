import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import { environmentQuery } from '../environments/environment-queries.ts';
import { resolvableNames, variableSuggestions, type VariableSuggestion } from '../../lib/variables.ts';
import { MASK } from '../demo/core-demo.ts';

export interface EnvironmentVariables {
  environmentId: string | null;
  environmentName: string | null;
  /** False while the environment is still loading: don't flag anything yet. */
  loaded: boolean;
  resolvable: ReadonlySet<string>;
  suggestions: VariableSuggestion[];
}

/** The active environment's variables as the editor needs them: what resolves and what to suggest. */
export function useEnvironmentVariables(): EnvironmentVariables {
  const environmentId = useAppStore((s) => s.activeEnvironmentId);
  const presenting = useAppStore((s) => s.presentationMode);
  const { data } = useQuery({ ...environmentQuery(environmentId ?? ''), enabled: environmentId !== null });
  return useMemo(
    () => ({
      environmentId,
      environmentName: data?.name ?? null,
      // A viewer's environments come without variables: flag nothing rather than everything.
      loaded: environmentId === null || (data !== undefined && !(data as { variablesHidden?: boolean }).variablesHidden),
      resolvable: resolvableNames(data?.variables),
      // Presentation mode: the autocomplete names variables without showing their values.
      suggestions: variableSuggestions(data?.variables).map((s) => (presenting && !s.secret && !s.name.startsWith('$') ? { ...s, detail: MASK } : s)),
    }),
    [environmentId, data, presenting],
  );
}
