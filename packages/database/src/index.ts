export { startEmbeddedServer, postmasterPid, PREFERRED_EMBEDDED_PORT, type EmbeddedServer, type EmbeddedServerOptions } from './embedded-server';
export { findRepositoryRoot } from './repository-root';
export { freePort, isPortFree } from './free-port';
export { runOnServer, withDatabase } from './database-admin';
export { startLocalServer, localDataDir } from './local-server';
