import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { TEST_JWT_SECRET, testToken } from '@shequ/kit/testing';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const adminClaims = { roles: ['admin'], jurisdiction: '620000' };

/** Tokens that claim everything and prove nothing: each must be UNAUTHENTICATED, never anonymous and never admin. */
export function forgedTokens(): [label: string, token: string][] {
  const signed = testToken({ sub: 'corpus-forger', roles: ['admin'], jurisdiction: '620000' });
  const [header, , signature] = signed.split('.');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return [
    ['alg none', `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'x', ...adminClaims })}.`],
    ['alg None', `${encode({ alg: 'None', typ: 'JWT' })}.${encode({ sub: 'x', ...adminClaims })}.`],
    ['claims swapped under a valid signature', `${header}.${encode({ sub: 'x', ...adminClaims, department: 'public-safety' })}.${signature}`],
    ['wrong secret', jwt.sign(adminClaims, 'another-secret-another-secret-another', { subject: 'x', expiresIn: '1h' })],
    ['HS512', jwt.sign(adminClaims, TEST_JWT_SECRET, { subject: 'x', algorithm: 'HS512', expiresIn: '1h' })],
    ['RS256 from an unknown key', jwt.sign(adminClaims, privateKey, { subject: 'x', algorithm: 'RS256', expiresIn: '1h' })],
    ['expired', testToken({ roles: ['admin'], expiresIn: -3600 })],
    ['not yet valid', jwt.sign({ ...adminClaims, nbf: Math.floor(Date.now() / 1000) + 3600 }, TEST_JWT_SECRET, { subject: 'x', expiresIn: '1h' })],
    ['garbage', 'abc.def.ghi'],
    ['two parts', `${header}.${encode(adminClaims)}`],
    ['empty claims', jwt.sign({}, TEST_JWT_SECRET, { expiresIn: '1h' })],
    // Valid in every other respect: a token that never expires, and one that lives longer than the maximum lifetime.
    ['no expiry', jwt.sign(adminClaims, TEST_JWT_SECRET, { subject: 'x' })],
    ['a lifetime of a year', testToken({ roles: ['admin'], expiresIn: '365d' })],
    ['roles as a string', jwt.sign({ roles: 'admin', jurisdiction: '620000' }, TEST_JWT_SECRET, { subject: 'x', expiresIn: '1h' })],
    ['unknown role', jwt.sign({ roles: ['superuser'], jurisdiction: '620000' }, TEST_JWT_SECRET, { subject: 'x', expiresIn: '1h' })],
    ['jurisdiction injection', jwt.sign({ roles: ['admin'], jurisdiction: "62' OR '1'='1" }, TEST_JWT_SECRET, { subject: 'x', expiresIn: '1h' })],
    ['jurisdiction prefix', jwt.sign({ roles: ['admin'], jurisdiction: '62' }, TEST_JWT_SECRET, { subject: 'x', expiresIn: '1h' })],
    ['unknown department', jwt.sign({ roles: ['department_staff'], department: 'treasury', jurisdiction: '620000' }, TEST_JWT_SECRET, { subject: 'x', expiresIn: '1h' })],
    ['huge', jwt.sign({ ...adminClaims, padding: 'x'.repeat(20_000) }, TEST_JWT_SECRET, { subject: 'x', expiresIn: '1h' })],
  ];
}
