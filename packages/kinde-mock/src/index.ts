export { createSandboxApp, type SandboxApp } from './app.ts';
export { startSandbox } from './start.ts';
export type {
  Faults,
  IssueTokenOptions,
  RecordedRequest,
  Sandbox,
  SandboxOptions,
  SandboxStats,
} from './options.ts';
export { loadSpec, loadSpecSync, type OpenApiDoc } from './spec/load-spec.ts';
export { listOperations, allScopes, type SpecOperation } from './spec/operations.ts';
