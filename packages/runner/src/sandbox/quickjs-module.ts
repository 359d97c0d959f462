import variant from '@jitl/quickjs-singlefile-mjs-release-sync';
import { newQuickJSWASMModuleFromVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';

let loading: Promise<QuickJSWASMModule> | undefined;

/**
 * The QuickJS WebAssembly module, compiled once per process. The single-file variant carries its
 * WASM inside the JavaScript, so it loads offline and survives being bundled (the server's dist).
 */
export function quickJs(): Promise<QuickJSWASMModule> {
  loading ??= newQuickJSWASMModuleFromVariant(variant).catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}
