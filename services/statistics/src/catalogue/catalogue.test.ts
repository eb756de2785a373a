import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type EnumTypeDefinitionNode } from 'graphql';
import { startStatisticsTestGraph, type StatisticsTestGraph } from '../testing/statistics-test';

let graph: StatisticsTestGraph;
beforeAll(async () => {
  graph = await startStatisticsTestGraph({ refresh: false });
});
afterAll(() => graph.subgraph.stop());

describe('indicators and enumLabels (public)', () => {
  it('lists every indicator with both languages, anonymous included, and by department', async () => {
    const all = await graph.ask(`{ indicators { id labelZh labelEn unit unitZh direction department measurement definition definitionZh restricted roles } }`, {}, null);
    expect(all.errors).toBeUndefined();
    const indicators = all.data.indicators as { id: string; labelZh: string; labelEn: string; unitZh: string; definitionZh: string; restricted: boolean; roles: string[] }[];
    expect(indicators.length).toBeGreaterThan(50);
    for (const indicator of indicators) {
      expect(indicator.labelZh).toMatch(/[\u4e00-\u9fff]/);
      expect(indicator.definitionZh).toMatch(/[\u4e00-\u9fff]/);
      expect(indicator.labelEn).toMatch(/^[A-Z]/);
    }
    expect(indicators.filter((indicator) => indicator.restricted).map((indicator) => indicator.id)).toEqual(['SUPERVISED_PERSONS', 'SUPERVISED_PERSONS_PER_1000_RESIDENTS']);
    expect(indicators.find((indicator) => indicator.id === 'SUPERVISED_PERSONS')?.roles).toEqual(['analyst', 'admin', 'department_staff']);
    const safety = await graph.ask(`{ indicators(department: PUBLIC_SAFETY) { id department } }`, {}, null);
    expect(safety.data.indicators.every((indicator: { department: string }) => indicator.department === 'PUBLIC_SAFETY')).toBe(true);
    expect(safety.data.indicators.map((indicator: { id: string }) => indicator.id)).toContain('INCIDENTS_PER_1000_RESIDENTS');
  });

  it('labels every value of the enums an analyst meets, as the composed graph has them', async () => {
    const supergraph = parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'packages', 'schema', 'supergraph.graphql'), 'utf8'));
    const enums = new Map(
      supergraph.definitions
        .filter((definition): definition is EnumTypeDefinitionNode => definition.kind === Kind.ENUM_TYPE_DEFINITION)
        .map((definition) => [definition.name.value, (definition.values ?? []).map((value) => value.name.value)]),
    );
    const response = await graph.ask(`{ enumLabels { enum value labelZh labelEn } }`, {}, null);
    const labels = response.data.enumLabels as { enum: string; value: string; labelZh: string; labelEn: string }[];
    const labelled = [...new Set(labels.map((label) => label.enum))];
    for (const name of ['Tier', 'RegionLevel', 'TableLevel', 'Department', 'IndicatorId', 'PeriodKind', 'ServiceRequestStatus', 'SafetyIncidentCategory', 'VolunteerStatus', 'OrganizationKind', 'PracticalProjectStatus', 'MediationOutcome', 'SupervisionCategory']) {
      expect(labelled).toContain(name);
    }
    for (const name of labelled) {
      // Every enum labelled is one of the graph's, with every value and no other.
      expect(enums.has(name) ? name : `${name} (not in the supergraph)`).toBe(name);
      expect(labels.filter((label) => label.enum === name).map((label) => label.value).sort()).toEqual([...(enums.get(name) ?? [])].sort());
    }
    expect(labels.every((label) => /[\u4e00-\u9fff]/.test(label.labelZh) && label.labelEn.length > 0)).toBe(true);
    const tiers = await graph.ask(`{ enumLabels(enum: "Tier") { value labelZh } }`, {}, null);
    expect(tiers.data.enumLabels).toEqual([{ value: 'ADVANCED', labelZh: '示范型' }, { value: 'STANDARD', labelZh: '标准型' }, { value: 'FOUNDATIONAL', labelZh: '基础型' }]);
  });
});
