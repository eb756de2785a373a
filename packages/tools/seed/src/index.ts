export { seedDatabase, migrateAll, isDatabaseEmpty, type SeedOptions } from './seed';
export { SCALES, isScaleName, type Scale, type ScaleName } from './scales';
export { generateRegions, SYNTHETIC_MARK, type RegionRow, type CommunityRow } from './governance/regions';
export { Random, apportion } from './random';
export { bulkInsert, type ColumnSpec } from './bulk-insert';
export type { SeedContext, DepartmentSeeder } from './seed-context';
