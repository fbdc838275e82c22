/** The whole database schema. drizzle-kit reads this to generate migrations in ../migrations. */
export * from './organisation.ts';
export * from './people.ts';
export * from './accounts.ts';
export * from './goals.ts';
export * from './statistics.ts';
export * from './imports.ts';
export * from './competitors.ts';
export * from './rollups.ts';
export * from './kpi-results.ts';
export * from './evaluations.ts';
export * from './reports.ts';
export * from './audit.ts';
export * from './column-mappings.ts';
export * from './identities.ts';
export * from './dashboard-changes.ts';
