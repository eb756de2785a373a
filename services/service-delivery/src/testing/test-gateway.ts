import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startGateway, type RunningGateway } from '@shequ/gateway';
import { startTestGateway } from '@shequ/gateway/dist/testing';
import { TEST_JWT_SECRET } from '@shequ/kit/dist/testing';
import { composeSupergraph, REPOSITORY_ROOT, subgraphEntry } from '@shequ/schema';

/*
 * Governance's assessment @requires the volunteers and public-safety stats
 * too, so governance composes only beside subgraphs that define them. While
 * this gateway runs without those subgraphs, a stub supplies the figures'
 * types (nothing in these tests asks for them, so it is never called).
 */
const OTHER_DEPARTMENTS_STUB = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Community @key(fields: "code") { code: String! volunteerStats: VolunteerStats! safetyStats: SafetyStats! }
type Region @key(fields: "code") { code: String! volunteerStats: VolunteerStats! safetyStats: SafetyStats! }
type VolunteerStats { registeredVolunteers: Int! activeVolunteers: Int! registeredVolunteersPer100Residents: Float }
type SafetyStats { incidentsPer1000Residents: Float mediationAgreementRate: Float policeLiaisonCoverage: Float! }
type Query { serviceDeliveryOtherDepartmentsStub: Boolean }
`;

/**
 * A gateway over governance and service delivery: the gateway package's own
 * test gateway when the committed schemas compose, else the same with the
 * other departments' stats stubbed.
 */
export async function startServiceDeliveryTestGateway(urls: { governance: string; 'service-delivery': string }): Promise<RunningGateway> {
  try {
    return await startTestGateway(urls);
  } catch (error) {
    if ((error as Error).name !== 'CompositionError') {
      throw error;
    }
  }
  const folder = mkdtempSync(join(tmpdir(), 'shequ-service-delivery-gateway-'));
  writeFileSync(join(folder, 'schema.graphql'), OTHER_DEPARTMENTS_STUB);
  const stub = { ...subgraphEntry('volunteers'), name: 'other-departments-stub', directory: relative(REPOSITORY_ROOT, folder) };
  const supergraphPath = join(folder, 'supergraph.graphql');
  writeFileSync(supergraphPath, composeSupergraph([subgraphEntry('governance'), subgraphEntry('service-delivery'), stub]));
  const gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    supergraphPath,
    subgraphUrls: { ...urls, 'other-departments-stub': 'http://127.0.0.1:9/graphql' },
    subgraphTimeoutMs: 10_000,
    tokens: { secret: TEST_JWT_SECRET },
    development: false,
    logLevel: 'silent',
  });
  return {
    ...gateway,
    stop: async () => {
      await gateway.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
