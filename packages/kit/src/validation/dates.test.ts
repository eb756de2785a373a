import { GraphQLError } from 'graphql';
import { useClock } from '../time/china-time';
import { ANY_TIME, assertDate, assertInstant, assertOptionalDate } from './dates';

function refusal(read: () => unknown): { code: unknown; argument: unknown; message: string } | null {
  try {
    read();
    return null;
  } catch (error) {
    if (!(error instanceof GraphQLError)) {
      throw error;
    }
    return { code: error.extensions.code, argument: error.extensions.argument, message: error.message };
  }
}

afterEach(() => useClock(null));

describe('dates', () => {
  it.each(['2000-01-01', '2024-02-29', '2100-12-31'])('accepts %s', (value) => {
    expect(assertDate(value, 'input.heldOn')).toBe(value);
  });

  it.each(['', 'yesterday', '2026-02-30', '2025-02-29', '2026-13-01', '2026-1-1', '0000-01-01', '1999-12-31', '2101-01-01', '+275760-09-13', '2026-01-01T00:00:00Z'])(
    'refuses %j, naming the argument',
    (value) => {
      expect(refusal(() => assertDate(value, 'input.heldOn'))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.heldOn' });
    },
  );

  it('takes "not after today" as China’s today: at 00:30 on 1 December in China, 1 December is today though UTC is still on 30 November', () => {
    useClock(new Date('2026-11-30T16:30:00Z'));
    expect(assertDate('2026-12-01', 'input.patrolledOn', { notAfterToday: true })).toBe('2026-12-01');
    expect(refusal(() => assertDate('2026-12-02', 'input.patrolledOn', { notAfterToday: true }))).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'input.patrolledOn',
      message: 'input.patrolledOn: must not lie after today in China (2026-12-01)',
    });
    // A minute before China midnight, 1 December is still tomorrow.
    useClock(new Date('2026-11-30T15:59:00Z'));
    expect(refusal(() => assertDate('2026-12-01', 'input.patrolledOn', { notAfterToday: true }))?.code).toBe('BAD_USER_INPUT');
    // Without the option a future date is a date like any other.
    expect(assertDate('2030-06-01', 'input.dueDate')).toBe('2030-06-01');
  });

  it('reads optional dates as null when absent', () => {
    expect(assertOptionalDate(null, 'input.registeredOn')).toBeNull();
    expect(assertOptionalDate('2025-03-01', 'input.registeredOn')).toBe('2025-03-01');
    expect(refusal(() => assertOptionalDate('', 'input.registeredOn'))?.argument).toBe('input.registeredOn');
  });
});

describe('instants', () => {
  it('accepts a valid instant of a record’s range, from China midnight of 1 January 2000', () => {
    const instant = new Date('2026-03-01T02:00:00Z');
    expect(assertInstant(instant, 'input.startsAt')).toBe(instant);
    expect(assertInstant(new Date('1999-12-31T16:00:00Z'), 'input.startsAt').toISOString()).toBe('1999-12-31T16:00:00.000Z');
    expect(refusal(() => assertInstant(new Date('1999-12-31T15:59:59.999Z'), 'input.startsAt'))?.argument).toBe('input.startsAt');
    expect(refusal(() => assertInstant(new Date('2101-01-01T00:00:00Z'), 'input.startsAt'))?.argument).toBe('input.startsAt');
  });

  it('refuses an invalid Date, and one outside the range given', () => {
    expect(refusal(() => assertInstant(new Date(Number.NaN), 'input.endsAt'))).toEqual({ code: 'BAD_USER_INPUT', argument: 'input.endsAt', message: 'input.endsAt: is not a valid date-time' });
    const latest = new Date('2026-01-01T00:05:00Z');
    expect(assertInstant(latest, 'input.occurredAt', { latest })).toBe(latest);
    expect(refusal(() => assertInstant(new Date(latest.getTime() + 1), 'input.occurredAt', { latest }))?.argument).toBe('input.occurredAt');
  });

  it('lets a filter bound be any instant, which then merely matches nothing', () => {
    const far = new Date('9999-12-31T23:59:59Z');
    expect(assertInstant(far, 'filter.to', ANY_TIME)).toBe(far);
  });
});
