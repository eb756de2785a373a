import { rmSync } from 'node:fs';
import { checkSubgraphs, type CheckReport, type SubgraphCheck } from './check';
import { formatCheckReport } from './check-report';
import { runCheckCommand } from './commands';
import { createSchemaWorkspace, type SchemaWorkspace } from './testing/schema-workspace';

let workspace: SchemaWorkspace;

beforeEach(() => {
  workspace = createSchemaWorkspace();
});

afterEach(() => {
  workspace.remove();
});

function subgraph(report: CheckReport, name: string): SubgraphCheck {
  const found = report.subgraphs.find((check) => check.entry.name === name);
  if (!found) {
    throw new Error(`no check of ${name}`);
  }
  return found;
}

async function checkCommand(): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCheckCommand({ root: workspace.root, out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

const REMOVE_HOUR_BALANCE = / {2}"""\n {2}Time-bank balance:[^\n]*\n {2}"""\n {2}hourBalance: Float\n/;

describe('pnpm check', () => {
  it('passes when every working schema is its released baseline', async () => {
    const report = await checkSubgraphs({ root: workspace.root });
    expect(report.passed).toBe(true);
    expect(report.subgraphs.map((check) => [check.entry.name, check.state])).toEqual([
      ['governance', 'unchanged'],
      ['service-delivery', 'unchanged'],
      ['volunteers', 'unchanged'],
      ['public-safety', 'unchanged'],
      ['statistics', 'unchanged'],
    ]);
  });

  it('fails on a removed field nobody acknowledged, naming the subgraph and the change (exit code 1)', async () => {
    workspace.editWorking('volunteers', REMOVE_HOUR_BALANCE, '');
    const report = await checkSubgraphs({ root: workspace.root });
    expect(report.passed).toBe(false);
    const volunteers = subgraph(report, 'volunteers');
    expect(volunteers.state).toBe('changed');
    expect(volunteers.breaking).toEqual([
      { change: expect.objectContaining({ type: 'FIELD_REMOVED', path: 'Volunteer.hourBalance', level: 'BREAKING' }), acknowledgement: null },
    ]);
    // The other departments are untouched and pass.
    expect(report.subgraphs.filter((check) => check.entry.name !== 'volunteers').every((check) => check.state === 'unchanged')).toBe(true);

    const { code, out } = await checkCommand();
    expect(code).toBe(1);
    expect(out).toContain('volunteers (services/volunteers): changed: 1 breaking (0 acknowledged)');
    expect(out).toContain("Breaking, NOT acknowledged:\n    - Field 'hourBalance' was removed from object type 'Volunteer'  [Volunteer.hourBalance]");
    expect(out).toContain('Result: FAILED\n  volunteers: 1 breaking change not acknowledged');
  });

  it('passes the same change once it is acknowledged with a reason, and reports the reason', async () => {
    workspace.editWorking('volunteers', REMOVE_HOUR_BALANCE, '');
    const reason = 'The time bank moved to Volunteer.timeBank; the console and the apps stopped reading hourBalance in October.';
    workspace.acknowledge('volunteers', [{ change: 'Volunteer.hourBalance', reason }]);

    const report = await checkSubgraphs({ root: workspace.root });
    expect(report.passed).toBe(true);
    expect(subgraph(report, 'volunteers').breaking).toEqual([{ change: expect.objectContaining({ path: 'Volunteer.hourBalance' }), acknowledgement: { change: 'Volunteer.hourBalance', reason } }]);

    const { code, out } = await checkCommand();
    expect(code).toBe(0);
    expect(out).toContain(`Breaking, acknowledged:\n    - Field 'hourBalance' was removed from object type 'Volunteer'  [Volunteer.hourBalance]\n      reason: ${reason}`);
    expect(out).toContain('Result: passed (5 subgraphs checked).');
  });

  it('matches an acknowledgement by the change’s message too, and reports one that matches nothing as stale without failing', async () => {
    workspace.editWorking('volunteers', REMOVE_HOUR_BALANCE, '');
    workspace.acknowledge('volunteers', [
      { change: "Field 'hourBalance' was removed from object type 'Volunteer'", reason: 'Replaced by the time bank.' },
      { change: 'Volunteer.phoneNumber', reason: 'A typo: no such change.' },
    ]);
    const report = await checkSubgraphs({ root: workspace.root });
    expect(report.passed).toBe(true);
    const volunteers = subgraph(report, 'volunteers');
    expect(volunteers.breaking[0].acknowledgement?.reason).toBe('Replaced by the time bank.');
    expect(volunteers.staleAcknowledgements).toEqual([{ change: 'Volunteer.phoneNumber', reason: 'A typo: no such change.' }]);
    expect(formatCheckReport(report)).toContain(
      'Stale acknowledgements in services/volunteers/schema-changes.acknowledged.json (they match no change of the working schema; remove them or correct their "change"):\n    - "Volunteer.phoneNumber" (reason: A typo: no such change.)',
    );
  });

  it('passes dangerous changes (an enum value, an optional argument added) and lists them', async () => {
    workspace.editWorking('volunteers', '  EMERGENCY_RESPONSE\n  OTHER\n}', '  EMERGENCY_RESPONSE\n  COOKING\n  OTHER\n}');
    workspace.editWorking('volunteers', 'volunteers(\n    filter: VolunteerFilter\n', 'volunteers(\n    filter: VolunteerFilter\n    includeWithdrawn: Boolean\n');
    const report = await checkSubgraphs({ root: workspace.root });
    expect(report.passed).toBe(true);
    const volunteers = subgraph(report, 'volunteers');
    expect(volunteers.breaking).toEqual([]);
    expect(volunteers.dangerous.map((change) => [change.type, change.path])).toEqual([
      ['FIELD_ARGUMENT_ADDED', 'Community.volunteers.includeWithdrawn'],
      ['ENUM_VALUE_ADDED', 'VolunteerSkill.COOKING'],
    ]);
    expect(volunteers.composition).toEqual({ composes: true });
    const text = formatCheckReport(report);
    expect(text).toContain('volunteers (services/volunteers): changed: 0 breaking, 2 dangerous, 0 deprecations, 0 safe');
    expect(text).toContain("Dangerous:\n    - Argument 'includeWithdrawn: Boolean' added to field 'Community.volunteers'  [Community.volunteers.includeWithdrawn]");
    expect(text).toContain("    - Enum value 'COOKING' was added to enum 'VolunteerSkill'  [VolunteerSkill.COOKING]");
  });

  it('lists deprecations of fields and enum values on their own, with their reasons, and safe additions', async () => {
    workspace.editWorking('volunteers', '  phone: String\n', '  phone: String @deprecated(reason: "Call through the community office.")\n  badge: String\n');
    workspace.editWorking('volunteers', '  IT\n', '  IT @deprecated(reason: "Counted under EDUCATION.")\n');
    const report = await checkSubgraphs({ root: workspace.root });
    expect(report.passed).toBe(true);
    const volunteers = subgraph(report, 'volunteers');
    expect(volunteers.deprecations).toEqual([
      { path: 'Volunteer.phone', reason: 'Call through the community office.' },
      { path: 'VolunteerSkill.IT', reason: 'Counted under EDUCATION.' },
    ]);
    // The deprecations are not listed a second time among the safe changes.
    expect(volunteers.safe.map((change) => change.path)).toEqual(['Volunteer.badge']);
    const text = formatCheckReport(report);
    expect(text).toContain('Deprecated:\n    - Volunteer.phone: Call through the community office.\n    - VolunteerSkill.IT: Counted under EDUCATION.');
    expect(text).toContain("Safe:\n    - Field 'badge' was added to object type 'Volunteer'  [Volunteer.badge]");
  });

  it('does not call removing an @external field breaking: this subgraph only read it', async () => {
    workspace.editWorking('volunteers', '  population: Int! @external\n', '');
    workspace.editWorking('volunteers', 'volunteerStats: VolunteerStats @requires(fields: "population") @cost(weight: 1000)', 'volunteerStats: VolunteerStats @cost(weight: 1000)');
    const report = await checkSubgraphs({ root: workspace.root });
    const volunteers = subgraph(report, 'volunteers');
    expect(volunteers.breaking).toEqual([]);
    expect(volunteers.safe).toContainEqual(expect.objectContaining({ type: 'FIELD_REMOVED', path: 'Community.population', level: 'NON_BREAKING' }));
    expect(volunteers.dangerous).toContainEqual(expect.objectContaining({ path: 'Community.volunteerStats.@requires' }));
    expect(report.passed).toBe(true);
  });

  it('fails a changed subgraph that no longer composes with the others’ released schemas, naming it', async () => {
    // Without @shareable, volunteers claims PageInfo's fields that four other subgraphs also resolve.
    workspace.editWorking('volunteers', 'type PageInfo @shareable {', 'type PageInfo {');
    const report = await checkSubgraphs({ root: workspace.root });
    expect(report.passed).toBe(false);
    const volunteers = subgraph(report, 'volunteers');
    expect(volunteers.breaking).toEqual([]);
    expect(volunteers.composition).toEqual({ composes: false, errors: expect.arrayContaining([expect.stringMatching(/^Non-shareable field "PageInfo\.hasNextPage" is resolved from multiple subgraphs/)]) });
    const text = formatCheckReport(report);
    expect(text).toContain("  Composition with the other subgraphs' released schemas: FAILS\n    Non-shareable field \"PageInfo.hasNextPage\"");
    expect(text).toContain("Result: FAILED\n  volunteers: its working schema does not compose with the other subgraphs' released schemas");
  });

  it('composes each changed subgraph with the others’ released schemas, not their working ones', async () => {
    // volunteers starts to require a figure that governance adds in the same change, but has not released.
    workspace.editWorking('governance', '  population: Int!\n  households: Int!\n  tier: Tier!', '  population: Int!\n  households: Int!\n  elderlyResidents: Int!\n  tier: Tier!');
    workspace.editWorking(
      'volunteers',
      '  population: Int! @external\n',
      '  population: Int! @external\n  elderlyResidents: Int! @external\n  """Volunteers per resident over 60."""\n  volunteersPerElder: Float @requires(fields: "elderlyResidents")\n',
    );
    const report = await checkSubgraphs({ root: workspace.root });
    expect(subgraph(report, 'governance').composition).toEqual({ composes: true });
    const volunteers = subgraph(report, 'volunteers');
    expect(volunteers.composition).toEqual({ composes: false, errors: expect.arrayContaining([expect.stringContaining('Community.elderlyResidents')]) });
    expect(report.passed).toBe(false);
  });

  it('refuses a malformed acknowledgements file with a coded error naming the file and the entry', async () => {
    workspace.acknowledge('public-safety', [{ change: 'Incident.status' }]);
    workspace.acknowledge('statistics', '{ not json');
    const report = await checkSubgraphs({ root: workspace.root });
    expect(report.passed).toBe(false);
    const publicSafety = subgraph(report, 'public-safety');
    expect(publicSafety.state).toBe('unreadable');
    expect(publicSafety.problem?.code).toBe('INVALID_ACKNOWLEDGEMENTS');
    expect(publicSafety.problem?.message).toMatch(/^services\/public-safety\/schema-changes\.acknowledged\.json: entry 1, "reason": is required/);
    expect(subgraph(report, 'statistics').problem?.message).toMatch(/^services\/statistics\/schema-changes\.acknowledged\.json is not JSON/);
    expect(formatCheckReport(report)).toContain('public-safety (services/public-safety): cannot be checked\n  INVALID_ACKNOWLEDGEMENTS: services/public-safety/');
  });

  it('refuses a working schema that is missing or does not build', async () => {
    rmSync(workspace.files('statistics').working);
    workspace.editWorking('governance', 'type Community @key(fields: "code") {', 'type Community @key(fields: "kode") {');
    const report = await checkSubgraphs({ root: workspace.root });
    expect(report.passed).toBe(false);
    expect(subgraph(report, 'statistics').problem?.code).toBe('MISSING_SCHEMA');
    expect(subgraph(report, 'statistics').problem?.message).toBe('services/statistics/schema.graphql is missing: run `pnpm compose` to emit it');
    expect(subgraph(report, 'governance').problem?.code).toBe('INVALID_SCHEMA');
    expect(subgraph(report, 'governance').problem?.message).toMatch(/^services\/governance\/schema\.graphql does not build as a federation subgraph: .*kode/);
  });

  it('passes a subgraph never released (a department that just joined) once it composes, and says how to release it', async () => {
    rmSync(workspace.files('statistics').released);
    const report = await checkSubgraphs({ root: workspace.root });
    expect(report.passed).toBe(true);
    const statistics = subgraph(report, 'statistics');
    expect(statistics.state).toBe('unreleased');
    expect(statistics.composition).toEqual({ composes: true });
    expect(formatCheckReport(report)).toContain('statistics (services/statistics): not released yet (no schema.released.graphql); `pnpm release statistics` makes its working schema the baseline');
  });
});
