import { z } from 'zod';

const httpUrl = z
  .string()
  .url()
  .refine((url) => /^https?:\/\//.test(url), 'must be an http:// or https:// URL');

// The exporter sends OTLP over HTTP with JSON bodies; a collector expecting another protocol would refuse every batch.
const jsonProtocol = z.literal('http/json', { errorMap: () => ({ message: 'only http/json is supported (OTLP over HTTP with JSON bodies)' }) });

/**
 * OpenTelemetry's standard variables that Shequ's tracing reads (the SDK reads
 * them itself; they are checked here with every other variable, so a bad one
 * stops the process naming it). Tracing is on when an OTLP endpoint is set.
 */
export const tracingVariables = {
  /** The collector's base URL; traces go to `<endpoint>/v1/traces`. */
  OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl.optional(),
  /** The traces URL itself, used as given. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: httpUrl.optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: jsonProtocol.optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: jsonProtocol.optional(),
  /** The service name on every span; by default the process's own (`gateway`, `governance`, …). */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).optional(),
  OTEL_TRACES_SAMPLER: z.enum(['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio']).optional(),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
};

const tracingEnvironmentSchema = z.object(tracingVariables);

export interface TracingSettings {
  /** OTEL_SERVICE_NAME, when set. */
  serviceName?: string;
}

/**
 * Whether this process traces: an OTLP endpoint is set, the SDK is not
 * disabled, and every tracing variable is valid. An invalid one leaves
 * tracing off here; the process's environment check then stops it, naming
 * the variable.
 */
export function tracingSettingsOf(env: NodeJS.ProcessEnv): TracingSettings | null {
  const parsed = tracingEnvironmentSchema.safeParse(env);
  if (!parsed.success || parsed.data.OTEL_SDK_DISABLED === 'true') {
    return null;
  }
  if (!parsed.data.OTEL_EXPORTER_OTLP_ENDPOINT && !parsed.data.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
    return null;
  }
  return { serviceName: parsed.data.OTEL_SERVICE_NAME };
}
