/** Just enough of the WebAssembly binary format to hand-assemble a small module. */

/** Unsigned LEB128. */
export function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) { out.push(byte); return out; }
    out.push(byte | 0x80);
  }
}

export const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
export const name = (s: string): number[] => vec([...Buffer.from(s, 'utf8')].map((b) => [b]));
export const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

export const T = { i32: 0x7f, i64: 0x7e, f64: 0x7c } as const;

/** The opcodes used here (WebAssembly 1.0 core). */
export const OP = {
  block: 0x02, loop: 0x03, if: 0x04, end: 0x0b, br_if: 0x0d, select: 0x1b, void: 0x40,
  local_get: 0x20, local_set: 0x21, local_tee: 0x22,
  i32_load: 0x28, i64_load: 0x29, i32_store: 0x36, f64_store: 0x39,
  i32_const: 0x41, f64_const: 0x44,
  i32_eqz: 0x45, i32_lt_u: 0x49, f64_lt: 0x63, f64_ge: 0x66,
  i32_add: 0x6a, i32_sub: 0x6b, i32_mul: 0x6c, i32_shl: 0x74,
  i64_popcnt: 0x7b, i64_add: 0x7c, i64_and: 0x83, i64_extend_i32_u: 0xad,
  f64_mul: 0xa2, f64_div: 0xa3, f64_convert_i32_u: 0xb8, f64_convert_i64_u: 0xba,
} as const;

export const get = (i: number): number[] => [OP.local_get, ...uleb(i)];
export const set = (i: number): number[] => [OP.local_set, ...uleb(i)];
export const i32 = (v: number): number[] => [OP.i32_const, ...sleb(v)];
export const f64 = (v: number): number[] => [OP.f64_const, ...new Uint8Array(new Float64Array([v]).buffer)];
/** A load or store with its alignment (log2 bytes) and a constant offset. */
export const mem = (op: number, align: number, offset = 0): number[] => [op, align, ...uleb(offset)];

/** One function: parameter and result types, extra locals, and its body (without the final `end`). */
export interface WasmFunction {
  exportName: string;
  params: number[];
  results: number[];
  locals: number[];
  body: number[];
}

/** A module importing `env.memory` and exporting the given functions. */
export function assembleModule(functions: WasmFunction[]): Uint8Array {
  const types = section(1, vec(functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec(f.results.map((t) => [t]))])));
  const imports = section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(1)]]));
  const funcs = section(3, vec(functions.map((_, i) => uleb(i))));
  const exports = section(7, vec(functions.map((f, i) => [...name(f.exportName), 0x00, ...uleb(i)])));
  const code = section(10, vec(functions.map((f) => {
    const body = [...vec(f.locals.map((t) => [1, t])), ...f.body, OP.end];
    return [...uleb(body.length), ...body];
  })));
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...types, ...imports, ...funcs, ...exports, ...code]);
}
