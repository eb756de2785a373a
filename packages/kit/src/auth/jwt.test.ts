import jwt from 'jsonwebtoken';
import { signToken, verifyAuthorization } from './jwt';

const SECRET = 'a-secret-of-at-least-thirty-two-chars';

function errorOf(action: () => unknown): { message: string; code: unknown } {
  try {
    action();
  } catch (error) {
    const graphqlError = error as { message: string; extensions: { code: unknown } };
    return { message: graphqlError.message, code: graphqlError.extensions.code };
  }
  throw new Error('expected an error');
}

describe('verifyAuthorization', () => {
  it('reads the claims of a valid bearer token', () => {
    const token = signToken({ sub: 'u1', roles: ['department_staff'], jurisdiction: '620100', department: 'public-safety' }, SECRET);
    expect(verifyAuthorization(`Bearer ${token}`, SECRET)).toEqual({
      sub: 'u1',
      roles: ['department_staff'],
      jurisdiction: '620100',
      department: 'public-safety',
    });
  });

  it('treats a missing header as anonymous', () => {
    expect(verifyAuthorization(undefined, SECRET)).toBeNull();
  });

  it.each([
    ['a non-bearer header', 'Basic dXNlcjpwYXNz', 'Authorization header must be "Bearer <token>"'],
    ['an expired token', `Bearer ${signToken({ sub: 'u', roles: ['analyst'], jurisdiction: '620000', expiresIn: -60 }, SECRET)}`, 'token has expired'],
    ['another algorithm', `Bearer ${jwt.sign({ roles: ['admin'], jurisdiction: '620000' }, SECRET, { algorithm: 'HS512', subject: 'u' })}`, 'token is not valid'],
    ['an unknown role', `Bearer ${jwt.sign({ roles: ['superuser'], jurisdiction: '620000' }, SECRET, { subject: 'u', expiresIn: '1h' })}`, 'token claims are not valid'],
    ['a malformed jurisdiction', `Bearer ${jwt.sign({ roles: ['analyst'], jurisdiction: '62' }, SECRET, { subject: 'u', expiresIn: '1h' })}`, 'jurisdiction'],
    ['a token without exp', `Bearer ${jwt.sign({ roles: ['analyst'], jurisdiction: '620000' }, SECRET, { subject: 'u' })}`, 'token has no expiry'],
    ['a token living 25 hours', `Bearer ${signToken({ sub: 'u', roles: ['analyst'], jurisdiction: '620000', expiresIn: '25h' }, SECRET)}`, 'token lifetime is over the maximum of 86400 s'],
    [
      'a token without iat whose exp lies 25 hours ahead',
      `Bearer ${jwt.sign({ roles: ['analyst'], jurisdiction: '620000', exp: Math.floor(Date.now() / 1000) + 25 * 3600 }, SECRET, { subject: 'u', noTimestamp: true })}`,
      'token lifetime is over the maximum',
    ],
  ])('rejects %s with UNAUTHENTICATED', (_label, header, message) => {
    const { message: actual, code } = errorOf(() => verifyAuthorization(header, SECRET));
    expect(code).toBe('UNAUTHENTICATED');
    expect(actual).toContain(message);
  });

  it('takes a lifetime up to the maximum, counted from iat, or from now without iat', () => {
    const now = Math.floor(Date.now() / 1000);
    const issuedLongAgo = jwt.sign({ roles: ['analyst'], jurisdiction: '620000', iat: now - 20 * 3600, exp: now + 4 * 3600 }, SECRET, { subject: 'u' });
    expect(verifyAuthorization(`Bearer ${issuedLongAgo}`, SECRET)?.sub).toBe('u');
    const withoutIat = jwt.sign({ roles: ['analyst'], jurisdiction: '620000', exp: now + 23 * 3600 }, SECRET, { subject: 'u', noTimestamp: true });
    expect(verifyAuthorization(`Bearer ${withoutIat}`, SECRET)?.sub).toBe('u');
    const twoHours = signToken({ sub: 'u', roles: ['analyst'], jurisdiction: '620000', expiresIn: '2h' }, SECRET);
    expect(() => verifyAuthorization(`Bearer ${twoHours}`, SECRET, { maxLifetimeSeconds: 3600 })).toThrow('token lifetime is over the maximum of 3600 s');
  });

  it('accepts a token just past expiry within the clock-skew allowance', () => {
    const token = jwt.sign({ roles: ['analyst'], jurisdiction: '620000', exp: Math.floor(Date.now() / 1000) - 10 }, SECRET, { subject: 'u' });
    expect(verifyAuthorization(`Bearer ${token}`, SECRET)?.sub).toBe('u');
  });
});
