import type { IncomingMessage } from 'node:http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';

/** Probes and scrapes: frequent, and no part of anyone's request. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

function untraced(request: IncomingMessage): boolean {
  return UNTRACED_PATHS.has(new URL(request.url ?? '/', 'http://localhost').pathname);
}

/**
 * Starts OpenTelemetry's Node SDK for traces only: spans of incoming and
 * outgoing HTTP (node:http, and Node's fetch through undici, which carries
 * `traceparent` to the next hop) and of every SQL statement sent for a
 * request, exported as OTLP/HTTP JSON to OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT
 * in batches (OTEL_BSP_* as usual). Metrics stay Prometheus' (`/metrics`) and
 * logs pino's, so the SDK's own metric and log pipelines are off.
 */
export function startTracingSdk(serviceName: string): NodeSDK {
  const sdk = new NodeSDK({
    serviceName,
    traceExporter: new OTLPTraceExporter(),
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: untraced }),
      new UndiciInstrumentation(),
      // Statements outside any request (migrations, the pool's own checks) would each be a trace of one span.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  return sdk;
}
