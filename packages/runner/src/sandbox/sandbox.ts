import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';
import type { RequestBody } from '@kinde-explorer/core';
import type { ConsoleEntry, ScriptLimits } from '../types.ts';
import { CHAI_SOURCE } from './chai-source.generated.ts';
import { EVENT_SHIM, PM_PRELUDE } from './pm-prelude.ts';
import { quickJs } from './quickjs-module.ts';

/** A variable scope as scripts see it: Postman lets scripts store numbers and booleans too. */
export type ScopeValues = Record<string, unknown>;
export type ScopeName = 'local' | 'data' | 'environment' | 'collection';

export interface ScriptRequestState {
  url: string;
  method: string;
  headers: { key: string; value: string; enabled?: boolean }[];
  body?: RequestBody | undefined;
}

export interface ScriptResponseState {
  code: number;
  status: string;
  headers: { key: string; value: string }[];
  body: string;
  responseTime: number;
  responseSize: number;
}

/** Everything a script can see. Built by the engine; never holds a secret value or a token. */
export interface ScriptState {
  phase: 'prerequest' | 'test';
  info: { eventName: 'prerequest' | 'test'; iteration: number; iterationCount: number; requestName: string; requestId: string };
  secretKeys: string[];
  vars: Record<ScopeName, ScopeValues>;
  request: ScriptRequestState;
  response?: ScriptResponseState | undefined;
}

export interface ScriptOutcome {
  tests: { name: string; passed: boolean; error?: string }[];
  console: ConsoleEntry[];
  vars: Record<ScopeName, ScopeValues>;
  /** Keys each writable scope changed (set or unset) in this script. */
  changed: Record<'local' | 'environment' | 'collection', Record<string, true>>;
  request: ScriptRequestState;
  /** The script threw, ran out of time or memory, or could not be parsed. */
  error?: string;
  durationMs: number;
}

/** Below the host stack, so QuickJS reports a stack overflow itself before V8 does. */
const MAX_STACK_BYTES = 256 * 1024;

/**
 * One QuickJS runtime and context with chai and the `pm` layer loaded, reused by the scripts of a
 * run (each script gets fresh `pm`, `console` and state). No host function is exposed: state goes
 * in and out as JSON text. A script that ran out of time or memory poisons the context, which is
 * then rebuilt before the next script.
 */
export class ScriptSandbox {
  readonly #module: QuickJSWASMModule;
  readonly #limits: ScriptLimits;
  #runtime: QuickJSRuntime | undefined;
  #vm: QuickJSContext | undefined;
  #kx: { begin: QuickJSHandle; end: QuickJSHandle; self: QuickJSHandle } | undefined;
  #deadline = Number.POSITIVE_INFINITY;
  /** WebAssembly heap size when the script started: QuickJS's own limit misses some string growth. */
  #heapAtStart = 0;
  #overMemory = false;

  private constructor(module: QuickJSWASMModule, limits: ScriptLimits) {
    this.#module = module;
    this.#limits = limits;
  }

  static async create(limits: ScriptLimits): Promise<ScriptSandbox> {
    const sandbox = new ScriptSandbox(await quickJs(), limits);
    sandbox.#boot();
    return sandbox;
  }

  #boot(): void {
    const runtime = this.#module.newRuntime();
    runtime.setMemoryLimit(this.#limits.memoryBytes);
    runtime.setMaxStackSize(MAX_STACK_BYTES);
    runtime.setInterruptHandler(() => {
      if (this.#module.getWasmMemory().buffer.byteLength - this.#heapAtStart > this.#limits.memoryBytes) this.#overMemory = true;
      return this.#overMemory || performance.now() > this.#deadline;
    });
    const vm = runtime.newContext();
    this.#runtime = runtime;
    this.#vm = vm;
    // Loading chai takes longer than a script may: give set-up its own, generous deadline.
    this.#deadline = performance.now() + 30_000;
    try {
      this.#evalOrThrow(EVENT_SHIM, 'event-shim.js');
      const chai = vm.evalCode(CHAI_SOURCE, 'chai.js', { type: 'module' });
      const ns = vm.unwrapResult(chai);
      vm.setProp(vm.global, '__kx_chai', ns);
      ns.dispose();
      this.#evalOrThrow(PM_PRELUDE, 'pm.js');
      const self = vm.getProp(vm.global, '__kx');
      this.#kx = { self, begin: vm.getProp(self, 'begin'), end: vm.getProp(self, 'end') };
    } catch (err) {
      this.dispose();
      throw new Error(`The script sandbox could not start: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.#deadline = Number.POSITIVE_INFINITY;
    }
  }

  #evalOrThrow(code: string, filename: string): void {
    const vm = this.#vm!;
    const result = vm.evalCode(code, filename);
    vm.unwrapResult(result).dispose();
  }

  /** Runs one script against a state; always returns (a failing script is an outcome, not a throw). */
  run(source: string, state: ScriptState, filename: string): ScriptOutcome {
    if (!this.#vm) this.#boot();
    const vm = this.#vm!;
    const kx = this.#kx!;
    const started = performance.now();
    this.#deadline = started + this.#limits.timeoutMs;
    this.#heapAtStart = this.#module.getWasmMemory().buffer.byteLength;
    this.#overMemory = false;
    let error: string | undefined;
    let poisoned = false;
    /** The host itself threw (e.g. its stack ran out inside WebAssembly): freeing that runtime is unsafe. */
    let broken = false;
    try {
      const input = vm.newString(JSON.stringify(state));
      const begun = vm.callFunction(kx.begin, kx.self, input);
      input.dispose();
      vm.unwrapResult(begun).dispose();

      // One line, so the script's line numbers stay its own; a function scope, so `const` in two
      // scripts of a run does not collide; async, so top-level `await` works as in Postman.
      const result = vm.evalCode(`__kx.settle((async function () {${source}\n})())`, filename);
      if (result.error) {
        error = describeError(vm.dump(result.error));
        result.error.dispose();
      } else {
        result.value.dispose();
        const jobs = this.#runtime!.executePendingJobs();
        if (jobs.error) {
          error = describeError(vm.dump(jobs.error));
          jobs.error.dispose();
        }
      }
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      poisoned = true;
      broken = true;
    }
    if (error !== undefined && (/\binterrupted\b/i.test(error) || /out of memory/i.test(error))) poisoned = true;
    const timedOut = performance.now() > this.#deadline;
    const overMemory = this.#overMemory;

    // Read the results back with limits lifted, so a script that hit them still reports its tests.
    this.#deadline = Number.POSITIVE_INFINITY;
    this.#runtime!.setMemoryLimit(-1);
    let outcome: Omit<ScriptOutcome, 'durationMs' | 'error'> & { scriptError?: string };
    try {
      const ended = vm.callFunction(kx.end, kx.self);
      const json = vm.unwrapResult(ended);
      outcome = JSON.parse(vm.getString(json)) as typeof outcome;
      json.dispose();
    } catch {
      poisoned = true;
      outcome = { tests: [], console: [], vars: state.vars, changed: { local: {}, environment: {}, collection: {} }, request: state.request };
    }
    this.#runtime!.setMemoryLimit(this.#limits.memoryBytes);
    error ??= outcome.scriptError;
    if (error !== undefined) error = explain(error, this.#limits, timedOut, overMemory);
    if (broken) this.#abandon();
    else if (poisoned) this.dispose();
    const { scriptError: _, ...rest } = outcome;
    return { ...rest, ...(error !== undefined ? { error } : {}), durationMs: performance.now() - started };
  }

  /** Drops a runtime whose state cannot be trusted without freeing it (freeing could abort the module). */
  #abandon(): void {
    this.#kx = undefined;
    this.#vm = undefined;
    this.#runtime = undefined;
  }

  dispose(): void {
    try {
      this.#kx?.begin.dispose();
      this.#kx?.end.dispose();
      this.#kx?.self.dispose();
      this.#vm?.dispose();
      this.#runtime?.dispose();
    } catch {
      // A context that ran out of memory may not free cleanly; it is dropped either way.
    }
    this.#kx = undefined;
    this.#vm = undefined;
    this.#runtime = undefined;
  }
}

function describeError(dumped: unknown): string {
  if (dumped && typeof dumped === 'object') {
    const e = dumped as { name?: unknown; message?: unknown };
    if (typeof e.message === 'string') {
      const name = typeof e.name === 'string' && e.name !== 'Error' ? `${e.name}: ` : '';
      return `${name}${e.message}`;
    }
  }
  return String(dumped);
}

function explain(error: string, limits: ScriptLimits, timedOut: boolean, overMemory: boolean): string {
  if (overMemory || /out of memory/i.test(error)) return `the script needed more than ${Math.round(limits.memoryBytes / 1024 / 1024)} MB of memory and was stopped`;
  if (/\binterrupted\b/i.test(error) || timedOut) return `the script ran longer than ${limits.timeoutMs} ms and was stopped (endless loop?)`;
  return error;
}
