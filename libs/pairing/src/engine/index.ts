/**
 * The pure pairing engine: no database, no Nest. See libs/pairing/METHOD.md for every
 * choice the founding report leaves open.
 */
export * from './types';
export * from './weights';
export * from './prepare';
export * from './score';
export * from './explain';
export * from './batch';
export * from './rank';
export * from './typology';
