import type { DepartmentSeeder } from '../seed-context';

/** Scaffolding: the department's records are written here. */
export const seedServiceDelivery: DepartmentSeeder = async () => undefined;
