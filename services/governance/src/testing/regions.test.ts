import { SCALES } from '@shequ/kit/testing';
import gansu from './gansu-prefectures.json';
import { generateRegions, SYNTHETIC_MARK } from './regions';

describe('generateRegions', () => {
  const demo = generateRegions(SCALES.demo, 7);

  it('gives the same rows for the same seed and other rows for another', () => {
    expect(generateRegions(SCALES.demo, 7)).toEqual(demo);
    expect(generateRegions(SCALES.demo, 8).communities.map((c) => c.population)).not.toEqual(demo.communities.map((c) => c.population));
  });

  it('keeps the real province and prefectures, and marks everything else synthetic', () => {
    const real = demo.regions.filter((region) => !region.synthetic);
    expect(real.map((region) => [region.code, region.name])).toEqual([
      [gansu.province.code, gansu.province.name],
      ...gansu.prefectures.map((prefecture) => [prefecture.code, prefecture.name]),
    ]);
    const invented = [...demo.regions.filter((region) => region.synthetic), ...demo.communities];
    expect(invented.every((row) => row.name.endsWith(SYNTHETIC_MARK))).toBe(true);
  });

  it("adds each prefecture's communities up to its 2020 census population, at every scale", () => {
    for (const scale of [SCALES.demo, SCALES.province]) {
      const { regions, communities } = generateRegions(scale, 1);
      for (const prefecture of gansu.prefectures) {
        const prefix = prefecture.code.slice(0, 4);
        const sum = communities.filter((c) => c.code.startsWith(prefix)).reduce((total, c) => total + c.population, 0);
        expect(sum).toBe(prefecture.population2020);
        expect(regions.find((r) => r.code === prefecture.code)?.population).toBe(prefecture.population2020);
      }
      expect(regions.find((r) => r.code === '620000')?.population).toBe(gansu.province.population2020);
    }
  });

  it('builds the province scale at its real order of size, with well-formed nested codes', () => {
    const { regions, communities } = generateRegions(SCALES.province, 1);
    const count = (level: string) => regions.filter((region) => region.level === level).length;
    expect(count('COUNTY')).toBe(100);
    expect(count('STREET')).toBe(1500);
    expect(communities.length).toBeGreaterThanOrEqual(15000);
    const codes = new Set(regions.map((region) => region.code));
    expect(regions.every((region) => region.parentCode === null || codes.has(region.parentCode))).toBe(true);
    expect(communities.every((c) => /^\d{12}$/.test(c.code) && c.code.startsWith(c.streetCode) && codes.has(c.streetCode))).toBe(true);
    expect(new Set(communities.map((c) => c.code)).size).toBe(communities.length);
  });
});
