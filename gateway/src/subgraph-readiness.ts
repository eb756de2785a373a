import { Kind, parse } from 'graphql';
import type { Readiness } from '@shequ/kit';

/** Every subgraph the supergraph routes to, by name, with its URL as the supergraph gives it. */
export function supergraphSubgraphs(supergraphSdl: string): { name: string; url: string }[] {
  const subgraphs: { name: string; url: string }[] = [];
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') {
      continue;
    }
    for (const value of definition.values ?? []) {
      const directive = value.directives?.find((candidate) => candidate.name.value === 'join__graph');
      const argument = (name: string) => directive?.arguments?.find((candidate) => candidate.name.value === name)?.value;
      const name = argument('name');
      const url = argument('url');
      if (name?.kind === Kind.STRING && url?.kind === Kind.STRING) {
        subgraphs.push({ name: name.value, url: url.value });
      }
    }
  }
  return subgraphs;
}

/** A subgraph's `/ready` beside its `/graphql`. */
function readyUrlOf(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.endsWith('/graphql') ? `${url.pathname.slice(0, -'/graphql'.length)}/ready` : '/ready';
  url.search = '';
  return url.toString();
}

/** How long one subgraph's `/ready` may take: a hung subgraph must not hold the gateway's probe past the prober's own timeout. */
export const PROBE_TIMEOUT_MS = 2_000;
/** How long one verdict is reused: probes of every replica, every few seconds, then cost the subgraphs one request each per interval. */
export const VERDICT_TTL_MS = 1_500;

type SubgraphState = 'ready' | 'not ready' | 'unreachable';

/** A subgraph's state: its best replica's. */
const bestOf = (states: SubgraphState[]): SubgraphState => (states.includes('ready') ? 'ready' : states.includes('not ready') ? 'not ready' : 'unreachable');

/**
 * The gateway's readiness: ready while every subgraph it routes to has a
 * replica answering its own `/ready` with 200 (the gateway sends a request a
 * replica refuses to the next). One check at a time, its verdict reused for
 * VERDICT_TTL_MS; each replica asked with PROBE_TIMEOUT_MS.
 */
export class SubgraphReadiness {
  private verdict: { at: number; readiness: Readiness } | undefined;
  private checking: Promise<Readiness> | undefined;

  constructor(
    private readonly subgraphs: { name: string; urls: readonly string[] }[],
    private readonly probeTimeoutMs = PROBE_TIMEOUT_MS,
    private readonly ttlMs = VERDICT_TTL_MS,
  ) {}

  check(): Promise<Readiness> {
    if (this.verdict && performance.now() - this.verdict.at < this.ttlMs) {
      return Promise.resolve(this.verdict.readiness);
    }
    this.checking ??= this.checkEvery().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async checkEvery(): Promise<Readiness> {
    const states = await Promise.all(this.subgraphs.map(async ({ name, urls }) => [name, bestOf(await Promise.all(urls.map((url) => this.stateOf(url))))] as const));
    const notReady = states.filter(([, state]) => state !== 'ready').map(([name]) => name);
    const readiness: Readiness = { ready: notReady.length === 0, detail: { subgraphs: Object.fromEntries(states), ...(notReady.length > 0 ? { notReady } : {}) } };
    this.verdict = { at: performance.now(), readiness };
    return readiness;
  }

  private async stateOf(graphqlUrl: string): Promise<SubgraphState> {
    try {
      const response = await fetch(readyUrlOf(graphqlUrl), { signal: AbortSignal.timeout(this.probeTimeoutMs) });
      // The body is not needed; reading it frees the connection for reuse.
      await response.arrayBuffer().catch(() => undefined);
      return response.status === 200 ? 'ready' : 'not ready';
    } catch {
      return 'unreachable';
    }
  }
}
