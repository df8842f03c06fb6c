import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { LinkError } from '../link-error.ts';
import { levelSql } from '../levels/levels.ts';
import { pairContext } from '../levels/level-handler.ts';
import { call, type Dialect } from './dialect.ts';
import { duckdbDialect } from './duckdb-dialect.ts';
import { quoteIdent, sqlNumber } from './quote.ts';

describe('dialect', () => {
  it('fails naming the engine when a function is missing', () => {
    const lean: Dialect = { name: 'TinyEngine', functions: { ...duckdbDialect.functions, damerauLevenshtein: undefined } };
    expect(() => levelSql({ kind: 'levenshtein', column: 'x', max_distance: 1, damerau: true }, pairContext(lean)))
      .toThrowError(/the TinyEngine engine has no damerauLevenshtein function/);
    expect(() => call(lean, 'damerauLevenshtein', 'a', 'b')).toThrow(LinkError);
  });

  it('computes Soundex codes in SQL', async () => {
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    const names = { robert: 'R163', rupert: 'R163', ashcraft: 'A261', tymczak: 'T522', pfister: 'P236', lee: 'L000', "o'brien": 'O165' };
    const sql = Object.keys(names).map((n) => `SELECT '${n.replace("'", "''")}' AS n, ${call(duckdbDialect, 'soundex', "'" + n.replace("'", "''") + "'")} AS code`).join(' UNION ALL ');
    const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS();
    expect(Object.fromEntries(rows.map((r) => [r.n, r.code]))).toEqual(names);
    connection.closeSync();
  });
});

describe('quoting', () => {
  it('quotes identifiers and doubles embedded quotes', () => {
    expect(quoteIdent('given_name')).toBe('"given_name"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
  it('renders only finite numbers', () => {
    expect(sqlNumber(0.92)).toBe('0.92');
    expect(sqlNumber(3)).toBe('3');
    expect(() => sqlNumber(Number.NaN)).toThrow();
  });
});
