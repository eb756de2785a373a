import { request, type ShequClientOptions } from '@shequ/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** The signed-in caller's token, kept for this browser tab only. */
const TOKEN_KEY = 'shequ-console-token';

export function heldToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function holdToken(token: string | null): void {
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
}

/** The gateway this page came from. */
export const GRAPHQL_URL = new URL('/graphql', location.origin).toString();

/** Runs a registered operation of @shequ/client by its id, as the signed-in caller. */
export function ask<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const options: ShequClientOptions = { url: GRAPHQL_URL, token: heldToken() ?? undefined };
  return request(document, variables, options);
}

/** What the gateway tells the console about sign-in: development tokens, or a provider. */
export interface ConsoleConfig {
  development: boolean;
  oidc: { issuer: string; clientId: string; scope: string } | null;
}

export async function consoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console/config.json');
  return response.ok ? ((await response.json()) as ConsoleConfig) : { development: false, oidc: null };
}

/** In development the gateway signs a token for a chosen role and jurisdiction (404 elsewhere). */
export async function developmentToken(role: string, jurisdiction: string): Promise<string> {
  const response = await fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ roles: [role], jurisdiction }) });
  const answer = (await response.json()) as { token?: string; error?: string };
  if (!answer.token) {
    throw new Error(answer.error ?? `HTTP ${response.status}`);
  }
  return answer.token;
}

/** Downloads the indicator table as CSV or XLSX through the gateway's /export, with the caller's token. */
export async function downloadExport(format: 'csv' | 'xlsx', language: string, input: unknown): Promise<void> {
  const token = heldToken();
  const response = await fetch('/export', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ format, language, input }),
  });
  if (!response.ok) {
    throw new Error(`${response.status}: ${await response.text()}`);
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = `shequ-indicators.${format}`;
  link.click();
  URL.revokeObjectURL(link.href);
}
