import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { persistedDocumentsOptions, readTrustedDocuments } from './trusted-documents';

const document = 'query Regions { regions { code } }';
const hash = createHash('sha256').update(document).digest('hex');
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'shequ-manifest-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function manifest(name: string, content: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('trusted documents', () => {
  it("reads @shequ/client's manifest (sha256:-prefixed keys) and Apollo's", () => {
    expect([...readTrustedDocuments(manifest('client.json', { [`sha256:${hash}`]: document }))]).toEqual([[hash, document]]);
    expect([...readTrustedDocuments(manifest('apollo.json', { format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: hash, body: document }] }))]).toEqual([[hash, document]]);
  });

  it('refuses a manifest whose hash is not its document', () => {
    const path = manifest('corrupt.json', { [hash]: `${document} # changed` });
    expect(() => readTrustedDocuments(path)).toThrow(`trusted documents manifest ${path}: ${hash} is not the sha256 of its document`);
  });

  it('finds a document by its id with or without the sha256: prefix, and nothing else', () => {
    const options = persistedDocumentsOptions(new Map([[hash, document]]), true);
    expect(options.getPersistedOperation(`sha256:${hash}`)).toBe(document);
    expect(options.getPersistedOperation(hash)).toBe(document);
    expect(options.getPersistedOperation('0'.repeat(64))).toBeNull();
  });

  it('with anonymousOnlyTrusted, lets only requests with a token send documents as text', () => {
    const { allowArbitraryDocuments } = persistedDocumentsOptions(new Map(), true);
    const request = (headers: Record<string, string>) => new Request('http://gateway.test/graphql', { method: 'POST', headers });
    expect(typeof allowArbitraryDocuments === 'function' && allowArbitraryDocuments(request({ authorization: 'Bearer token' }))).toBe(true);
    expect(typeof allowArbitraryDocuments === 'function' && allowArbitraryDocuments(request({}))).toBe(false);
    expect(persistedDocumentsOptions(new Map(), false).allowArbitraryDocuments).toBe(true);
  });
});
