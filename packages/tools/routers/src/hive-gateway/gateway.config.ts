import { StartupError } from '@shequ/kit';
import { readHiveGatewayEnvironment } from './environment';
import { hiveGatewayConfig } from './hive-gateway-config';

/**
 * The configuration file for Hive Gateway's command line:
 *
 *   hive-gateway supergraph --config-path packages/tools/routers/dist/hive-gateway/gateway.config.js
 *
 * Its settings come from the environment, read and checked once here; a bad
 * variable stops the start with a message naming it, as every Shequ process does.
 */
function configFromEnvironment() {
  try {
    return hiveGatewayConfig(readHiveGatewayEnvironment());
  } catch (error) {
    if (error instanceof StartupError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

export const gatewayConfig = configFromEnvironment();
