export { readEnvironment, type PlatformSettings } from './environment';
export { startNodeProcess, waitUntilReady, stopProcess, type ManagedProcess } from './child-process';
