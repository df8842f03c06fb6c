/**
 * The few WebAssembly JS-API members this stage uses, typed here because the project compiles
 * without the DOM library (where TypeScript declares them).
 */
export interface WasmMemory { readonly buffer: ArrayBuffer }
export interface WasmModule { readonly __module?: never }

interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
}

/** The runtime's WebAssembly object. */
export const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
