/** What a started tracing SDK offers the rest of the process. */
interface RunningTracing {
  /** Exports the spans still buffered and stops. */
  shutdown(): Promise<void>;
}

let running: RunningTracing | null = null;

/** Called once by the tracing entry (`@shequ/kit/tracing`) when it started OpenTelemetry. */
export function tracingStarted(tracing: RunningTracing): void {
  running = tracing;
}

/**
 * Whether OpenTelemetry traces this process. When it does, its HTTP client
 * instrumentation writes `traceparent` on every outgoing request itself (its
 * own span as the parent); when not, the gateway forwards the request's trace
 * context by hand.
 */
export function tracingEnabled(): boolean {
  return running !== null;
}

/** Sends the spans still buffered before the process exits; a no-op without tracing. */
export async function stopTracing(): Promise<void> {
  const tracing = running;
  running = null;
  await tracing?.shutdown().catch(() => undefined);
}
