/**
 * What a viewer gets instead of an editor's answer, per route (`METHOD path`). Viewers may pick an
 * environment but never see its variables, so the environment answers lose them.
 */
type EnvLike = Record<string, unknown>;

const hideVariables = (env: EnvLike): EnvLike => ({ ...env, variables: [], variablesHidden: true });

export const VIEWER_VIEWS: Readonly<Record<string, (body: unknown) => unknown>> = {
  'GET /api/environments': (body) => {
    const b = body as { environments?: EnvLike[] };
    return { ...b, environments: (b.environments ?? []).map(hideVariables) };
  },
  'GET /api/environments/:id': (body) => hideVariables(body as EnvLike),
};
