/**
 * Maturiteitsinschatting (self-assessment after Audit Vlaanderen's leidraad organisatiebeheersing): rounds,
 * individual scores, consensus and the comparison between rounds. Pure: no I/O. One module per concept.
 */
export * from './types';
export * from './status';
export * from './units';
export * from './trust';
export * from './stats';
export * from './scale';
export * from './progress';
export * from './consensus';
export * from './results';
export * from './radar';
export * from './report';
export * from './targets';
