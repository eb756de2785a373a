import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { context, isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * A request's place in a distributed trace (W3C Trace Context): the trace it
 * belongs to and the span the next hop's work is a child of.
 */
export interface TraceContext {
  /** 32 lowercase hex digits, not all zero. */
  traceId: string;
  /** 16 lowercase hex digits: the caller's span, this process's own span when tracing, or one made up for the hop. */
  parentId: string;
  /** trace-flags, two hex digits ('01': sampled). */
  flags: string;
  /** The vendors' `tracestate` list, forwarded as received when well-formed. */
  traceState?: string;
  /** Where it came from: the caller's `traceparent`, this process's active span, or made here. */
  source: 'caller' | 'span' | 'new';
}

// version-traceid-parentid-flags; a later version may append fields after a dash.
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ZERO_TRACE_ID = '0'.repeat(32);
const ZERO_PARENT_ID = '0'.repeat(16);

/**
 * A `traceparent` header as the W3C specification reads it, or null when it
 * is not one (a malformed header is ignored, never an error): lowercase hex
 * only, version `ff` invalid, version `00` exactly four fields, ids not all
 * zero. Two headers (joined with a comma) are not one.
 */
export function parseTraceparent(value: unknown): Omit<TraceContext, 'source'> | null {
  if (typeof value !== 'string') {
    return null;
  }
  const match = TRACEPARENT.exec(value.trim());
  if (!match) {
    return null;
  }
  const [, version, traceId, parentId, flags, rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined) || traceId === ZERO_TRACE_ID || parentId === ZERO_PARENT_ID) {
    return null;
  }
  return { traceId, parentId, flags };
}

const TRACESTATE_KEY = /^([a-z][_0-9a-z\-*/]{0,255}|[a-z0-9][_0-9a-z\-*/]{0,240}@[a-z][_0-9a-z\-*/]{0,13})$/;
const TRACESTATE_VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
const MAX_TRACESTATE_MEMBERS = 32;
const MAX_TRACESTATE_LENGTH = 512;

/** A `tracestate` header whose every member is well-formed, as received; anything else is dropped whole. */
export function parseTracestate(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_TRACESTATE_LENGTH) {
    return undefined;
  }
  const members = value.split(',').map((member) => member.trim()).filter((member) => member !== '');
  if (members.length === 0 || members.length > MAX_TRACESTATE_MEMBERS) {
    return undefined;
  }
  const wellFormed = members.every((member) => {
    const equals = member.indexOf('=');
    return equals > 0 && TRACESTATE_KEY.test(member.slice(0, equals)) && TRACESTATE_VALUE.test(member.slice(equals + 1));
  });
  return wellFormed ? members.join(',') : undefined;
}

/** The `traceparent` header for the next hop (version 00, whatever version arrived). */
export function formatTraceparent(trace: Pick<TraceContext, 'traceId' | 'parentId' | 'flags'>): string {
  return `00-${trace.traceId}-${trace.parentId}-${trace.flags}`;
}

/**
 * A trace of this process's own, for a request that came without one: flagged
 * sampled, so a next hop that traces records its part.
 */
export function newTraceContext(): TraceContext {
  // Random hex from randomUUID, which draws on entropy Node fetches 128 ids at a time: randomBytes asked the kernel on
  // every call, 2.6 % of the gateway's busy time under writes. A version-4 id fixes 6 of its 128 bits; 122 random bits remain.
  const traceId = randomUUID().replaceAll('-', '');
  return { traceId, parentId: randomUUID().replaceAll('-', '').slice(0, 16), flags: '01', source: 'new' };
}

/** The OpenTelemetry span active now (tracing on: the request's server span), as a trace context. */
function activeSpanTrace(): TraceContext | null {
  const span = trace.getSpanContext(context.active());
  if (!span || !isSpanContextValid(span)) {
    return null;
  }
  const traceState = span.traceState?.serialize();
  return { traceId: span.traceId, parentId: span.spanId, flags: span.traceFlags.toString(16).padStart(2, '0'), ...(traceState ? { traceState } : {}), source: 'span' };
}

const traces = new WeakMap<IncomingMessage, TraceContext>();

/**
 * The trace a request belongs to, the same every time it is asked for: with
 * tracing on, its server span's (which OpenTelemetry already made a child of
 * a valid incoming `traceparent`); else the caller's valid `traceparent` (and
 * `tracestate`); else a new one. Ask first while the request's span is
 * active: the HTTP server does, as the request arrives.
 */
export function requestTraceContext(request: IncomingMessage): TraceContext {
  let found = traces.get(request);
  if (!found) {
    const fromCaller = parseTraceparent(request.headers.traceparent);
    const traceState = fromCaller ? parseTracestate(request.headers.tracestate) : undefined;
    found = activeSpanTrace() ?? (fromCaller ? { ...fromCaller, ...(traceState ? { traceState } : {}), source: 'caller' } : newTraceContext());
    traces.set(request, found);
  }
  return found;
}
