/** The whole schema: one file per stage's tables, re-exported here for Drizzle and the stages. */
export * from './foundation.ts';
export * from './linkage.ts';
export * from './scoring.ts';
export * from './rights.ts';
export * from './access.ts';
export * from './casework.ts';
export * from './worklist.ts';
