export { seedDatabase, seedEmptyDatabase, migrateAll, isDatabaseEmpty, type SeedOptions } from './seed';
export { SCALES, isScaleName, type Scale, type ScaleName } from '@shequ/kit/testing';
