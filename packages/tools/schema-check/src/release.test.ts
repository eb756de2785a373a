import { existsSync, readFileSync, rmSync } from 'node:fs';
import { checkSubgraphs } from './check';
import { runReleaseCommand } from './commands';
import { releaseSubgraphs, ReleaseRefused } from './release';
import { SchemaCheckError } from './schema-check-error';
import { createSchemaWorkspace, type SchemaWorkspace } from './testing/schema-workspace';

let workspace: SchemaWorkspace;

beforeEach(() => {
  workspace = createSchemaWorkspace();
});

afterEach(() => {
  workspace.remove();
});

const TODAY = '2026-11-30';
const REMOVE_HOUR_BALANCE = / {2}"""\n {2}Time-bank balance:[^\n]*\n {2}"""\n {2}hourBalance: Float\n/;
const REASON = 'The time bank moved to Volunteer.timeBank; no frontend reads hourBalance since October.';

async function releaseCommand(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runReleaseCommand(args, TODAY, { root: workspace.root, out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

describe('pnpm release <subgraph>', () => {
  it('promotes the working schema to the baseline, appends the classified changes to the CHANGELOG under the date and clears the acknowledgements', async () => {
    const files = workspace.files('volunteers');
    workspace.editWorking('volunteers', REMOVE_HOUR_BALANCE, '');
    workspace.editWorking('volunteers', '  phone: String\n', '  phone: String @deprecated(reason: "Call through the community office.")\n  badge: String\n');
    workspace.editWorking('volunteers', '  EMERGENCY_RESPONSE\n  OTHER\n}', '  EMERGENCY_RESPONSE\n  COOKING\n  OTHER\n}');
    workspace.acknowledge('volunteers', [{ change: 'Volunteer.hourBalance', reason: REASON }]);

    const { code, out } = await releaseCommand(['volunteers']);
    expect(code).toBe(0);
    expect(out).toContain(
      `Released volunteers: services/volunteers/schema.released.graphql now holds the working schema, its changes are appended to services/volunteers/CHANGELOG.md under ${TODAY} and services/volunteers/schema-changes.acknowledged.json is cleared. Commit these files.`,
    );
    expect(readFileSync(files.released, 'utf8')).toBe(readFileSync(files.working, 'utf8'));
    expect(JSON.parse(readFileSync(files.acknowledgements, 'utf8'))).toEqual([]);
    expect(readFileSync(files.changelog, 'utf8')).toBe(
      [
        '# volunteers: schema changelog',
        '',
        "Each release of this subgraph's schema (`pnpm release volunteers`), oldest first.",
        '',
        `## ${TODAY}`,
        '',
        '### Breaking',
        '',
        "- `Volunteer.hourBalance`: Field 'hourBalance' was removed from object type 'Volunteer'.",
        `  Reason: ${REASON}`,
        '',
        '### Deprecated',
        '',
        '- `Volunteer.phone`: Call through the community office.',
        '',
        '### Dangerous',
        '',
        "- `VolunteerSkill.COOKING`: Enum value 'COOKING' was added to enum 'VolunteerSkill'.",
        '',
        '### Safe',
        '',
        "- `Volunteer.badge`: Field 'badge' was added to object type 'Volunteer'.",
        '',
      ].join('\n'),
    );
    // Released: the check has nothing left to say about volunteers, and the other departments' files are as they were.
    const after = await checkSubgraphs({ root: workspace.root });
    expect(after.passed).toBe(true);
    expect(after.subgraphs.every((check) => check.state === 'unchanged')).toBe(true);
    expect(existsSync(workspace.files('governance').changelog)).toBe(false);
  });

  it('appends each later release under its own date, oldest first', async () => {
    workspace.editWorking('volunteers', '  hourBalance: Float\n', '  hourBalance: Float\n  badge: String\n');
    await releaseSubgraphs({ root: workspace.root, names: ['volunteers'], today: '2026-11-30' });
    workspace.editWorking('volunteers', '  badge: String\n', '  badge: String\n  nickname: String\n');
    await releaseSubgraphs({ root: workspace.root, names: ['volunteers'], today: '2026-12-01' });
    const changelog = readFileSync(workspace.files('volunteers').changelog, 'utf8');
    expect(changelog.match(/^## .*$/gm)).toEqual(['## 2026-11-30', '## 2026-12-01']);
    expect(changelog.indexOf('Volunteer.badge')).toBeLessThan(changelog.indexOf('## 2026-12-01'));
    expect(changelog.indexOf('Volunteer.nickname')).toBeGreaterThan(changelog.indexOf('## 2026-12-01'));
  });

  it('says so and writes nothing when the working schema has no changes', async () => {
    const files = workspace.files('governance');
    workspace.acknowledge('governance', [{ change: 'Community.tier', reason: 'Planned for next month.' }]);
    const released = readFileSync(files.released, 'utf8');
    const { code, out } = await releaseCommand(['governance']);
    expect(code).toBe(0);
    expect(out).toContain('governance: no changes against the released baselines; nothing released, nothing written.');
    expect(existsSync(files.changelog)).toBe(false);
    expect(readFileSync(files.released, 'utf8')).toBe(released);
    expect(JSON.parse(readFileSync(files.acknowledgements, 'utf8'))).toEqual([{ change: 'Community.tier', reason: 'Planned for next month.' }]);
  });

  it('refuses an unknown subgraph, listing the names it knows', async () => {
    await expect(releaseSubgraphs({ root: workspace.root, names: ['housing'], today: TODAY })).rejects.toEqual(
      new SchemaCheckError('UNKNOWN_SUBGRAPH', 'no subgraph named "housing"; the subgraphs are: governance, service-delivery, volunteers, public-safety, statistics'),
    );
    const { code, err } = await releaseCommand(['housing']);
    expect(code).toBe(1);
    expect(err).toBe('UNKNOWN_SUBGRAPH: no subgraph named "housing"; the subgraphs are: governance, service-delivery, volunteers, public-safety, statistics\n');
  });

  it('asks for a subgraph', async () => {
    const { code, err } = await releaseCommand([]);
    expect(code).toBe(1);
    expect(err).toBe('USAGE: usage: pnpm release <governance|service-delivery|volunteers|public-safety|statistics> [more subgraphs released with it]\n');
  });

  it('releases a change that spans subgraphs only together: alone it does not compose with the other\'s release', async () => {
    // service-delivery's figures become non-null again, and governance's @external copy of them must follow.
    workspace.editWorking('service-delivery', /serviceStats: ServiceStats @requires/g, 'serviceStats: ServiceStats! @requires');
    workspace.editWorking('governance', /serviceStats: ServiceStats @external/g, 'serviceStats: ServiceStats! @external');
    const released = readFileSync(workspace.files('governance').released, 'utf8');
    const alone = await releaseCommand(['service-delivery']);
    expect(alone.code).toBe(1);
    expect(alone.err).toContain("service-delivery: its working schema does not compose with the other subgraphs' released schemas");
    expect(readFileSync(workspace.files('governance').released, 'utf8')).toBe(released);

    const together = await releaseCommand(['service-delivery', 'governance']);
    expect([together.code, together.err]).toEqual([0, '']);
    for (const name of ['service-delivery', 'governance']) {
      const files = workspace.files(name);
      expect(readFileSync(files.released, 'utf8')).toBe(readFileSync(files.working, 'utf8'));
      expect(readFileSync(files.changelog, 'utf8')).toContain('Region.serviceStats');
    }
  });

  it('refuses a subgraph that fails the check, shows why, and writes nothing', async () => {
    const files = workspace.files('volunteers');
    workspace.editWorking('volunteers', REMOVE_HOUR_BALANCE, '');
    const released = readFileSync(files.released, 'utf8');
    const refusal = releaseSubgraphs({ root: workspace.root, names: ['volunteers'], today: TODAY });
    await expect(refusal).rejects.toBeInstanceOf(ReleaseRefused);
    await expect(refusal).rejects.toMatchObject({ code: 'CHECK_FAILED', message: 'nothing is released: volunteers: 1 breaking change not acknowledged' });

    const { code, out, err } = await releaseCommand(['volunteers']);
    expect(code).toBe(1);
    expect(out).toContain('[Volunteer.hourBalance]');
    expect(err).toBe('CHECK_FAILED: nothing is released: volunteers: 1 breaking change not acknowledged\n');
    expect(readFileSync(files.released, 'utf8')).toBe(released);
    expect(existsSync(files.changelog)).toBe(false);
  });

  it('makes a first release of a subgraph never released', async () => {
    const files = workspace.files('statistics');
    rmSync(files.released);
    const result = await releaseSubgraphs({ root: workspace.root, names: ['statistics'], today: TODAY });
    expect(result.released).toBe(true);
    expect(readFileSync(files.released, 'utf8')).toBe(readFileSync(files.working, 'utf8'));
    expect(readFileSync(files.changelog, 'utf8')).toMatch(new RegExp(`## ${TODAY}\n\nFirst release: the baseline is the schema as it stands \\(\\d+ types\\)\\.\n$`));
  });
});
