import { QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from './service-unavailable';

describe('isDatabaseUnavailable', () => {
  it('knows a database that cannot be reached by its error codes, however wrapped', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:54329'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable({ driverError: { code: '57P01' } })).toBe(true);
    expect(isDatabaseUnavailable({ driverError: { code: '57P03' } })).toBe(true);
    expect(isDatabaseUnavailable({ originalError: { thrownValue: { code: '08006' } } })).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused], 'all attempts failed'))).toBe(true);
  });

  it('knows the uncoded failures of a statement the server crashed under: pg’s closed connection and TypeORM’s released runner', () => {
    expect(isDatabaseUnavailable({ originalError: new Error('Connection terminated unexpectedly') })).toBe(true);
    expect(isDatabaseUnavailable({ originalError: new QueryRunnerAlreadyReleasedError() })).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly while reading'))).toBe(false);
  });

  it('leaves statement errors and uncoded errors alone, whatever their message says', () => {
    expect(isDatabaseUnavailable({ driverError: { code: '23505' } })).toBe(false);
    expect(isDatabaseUnavailable({ driverError: { code: '57014' } })).toBe(false);
    expect(isDatabaseUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
