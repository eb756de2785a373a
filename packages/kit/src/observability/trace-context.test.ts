import type { IncomingMessage } from 'node:http';
import { formatTraceparent, parseTraceparent, parseTracestate, requestTraceContext } from './trace-context';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';
const VALID = `00-${TRACE_ID}-${PARENT_ID}-01`;

describe('parseTraceparent', () => {
  it('reads a W3C traceparent', () => {
    expect(parseTraceparent(VALID)).toEqual({ traceId: TRACE_ID, parentId: PARENT_ID, flags: '01' });
    expect(parseTraceparent(`00-${TRACE_ID}-${PARENT_ID}-00`)?.flags).toBe('00');
  });

  it('reads a later version, ignoring the fields it appends', () => {
    expect(parseTraceparent(`cc-${TRACE_ID}-${PARENT_ID}-01-what-the-future-adds`)).toEqual({ traceId: TRACE_ID, parentId: PARENT_ID, flags: '01' });
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['not one', 'hello'],
    ['uppercase hex', VALID.toUpperCase()],
    ['version ff', `ff-${TRACE_ID}-${PARENT_ID}-01`],
    ['version 00 with a fifth field', `${VALID}-extra`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${PARENT_ID}-01`],
    ['an all-zero parent id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['a short trace id', `00-${TRACE_ID.slice(1)}-${PARENT_ID}-01`],
    ['a non-hex parent id', `00-${TRACE_ID}-00f067aa0ba902bz-01`],
    ['two headers joined', `${VALID}, ${VALID}`],
    ['SQL', "00-' OR 1=1 --"],
  ])('ignores one that is %s', (_, value) => {
    expect(parseTraceparent(value)).toBeNull();
  });

  it('writes version 00 for the next hop', () => {
    expect(formatTraceparent({ traceId: TRACE_ID, parentId: PARENT_ID, flags: '01' })).toBe(VALID);
  });
});

describe('parseTracestate', () => {
  it('keeps a well-formed list, members trimmed', () => {
    expect(parseTracestate('rojo=00f067aa0ba902b7, congo=t61rcWkgMzE')).toBe('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE');
    expect(parseTracestate('tenant@vendor=value')).toBe('tenant@vendor=value');
  });

  it.each([
    ['a member without a value', 'rojo'],
    ['an uppercase key', 'Rojo=1'],
    ['a value holding "="', 'rojo=a=b'],
    ['more than 32 members', Array.from({ length: 33 }, (_, index) => `k${index}=v`).join(',')],
    ['longer than 512 characters', `rojo=${'a'.repeat(600)}`],
  ])('drops the whole header when it has %s', (_, value) => {
    expect(parseTracestate(value)).toBeUndefined();
  });
});

describe('requestTraceContext', () => {
  const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

  it("takes the caller's valid traceparent and tracestate", () => {
    expect(requestTraceContext(request({ traceparent: VALID, tracestate: 'rojo=1' }))).toEqual({ traceId: TRACE_ID, parentId: PARENT_ID, flags: '01', traceState: 'rojo=1', source: 'caller' });
  });

  it('makes a new trace for a malformed traceparent, and drops its tracestate', () => {
    const made = requestTraceContext(request({ traceparent: `00-${TRACE_ID}-${PARENT_ID}`, tracestate: 'rojo=1' }));
    expect(made.source).toBe('new');
    expect(made.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(made.parentId).toMatch(/^[0-9a-f]{16}$/);
    expect(made.traceId).not.toBe(TRACE_ID);
    expect(made.traceState).toBeUndefined();
  });

  it('gives the same answer every time for one request', () => {
    const anonymous = request({});
    expect(requestTraceContext(anonymous)).toBe(requestTraceContext(anonymous));
    expect(requestTraceContext(anonymous).traceId).not.toBe(requestTraceContext(request({})).traceId);
  });
});
