export { readEnvironment, type PlatformSettings } from './environment';
export { startNodeProcess, waitUntilReady, stopProcess, type ManagedProcess } from './child-process';
export { Supervisor, type SupervisedChild, type SupervisorOptions } from './supervisor';
export { DatabaseSupervisor, type DatabaseSupervisorOptions, type RestartableServer } from './database-supervisor';
export { departmentRoles, departmentRolesSql, DEFAULT_ROLE_PREFIX, type DepartmentRole, type DepartmentRolesOptions, type RolePasswords } from './migrate/department-roles';
export { GATEWAY_NODE_OPTIONS } from './infra/deployment';
