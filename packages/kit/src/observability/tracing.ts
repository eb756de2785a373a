import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tracingSettingsOf } from './tracing-environment';
import { tracingStarted } from './tracing-state';

/**
 * The process's name for its spans: the package of the script it runs
 * (`@shequ/governance` → `governance`, `@shequ/gateway` → `gateway`).
 */
function serviceNameOf(script: string | undefined): string {
  for (let folder = dirname(script ?? '.'); ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
      return typeof name === 'string' ? name.replace(/^@shequ\//, '') : 'shequ';
    }
    if (dirname(folder) === folder) {
      return 'shequ';
    }
  }
}

/**
 * `@shequ/kit/tracing`: imported first by every process's `main`, so that
 * OpenTelemetry patches node:http and pg before anything loads them. Off —
 * and the SDK not even loaded — unless OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set.
 */
// The one reading of the environment that must come before the process's own: see above.
// eslint-disable-next-line no-process-env
const settings = tracingSettingsOf(process.env);
if (settings) {
  // Loaded synchronously, and only when tracing: an import() would let the modules to patch load first.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTracingSdk } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  tracingStarted(startTracingSdk(settings.serviceName ?? serviceNameOf(process.argv[1])));
}
