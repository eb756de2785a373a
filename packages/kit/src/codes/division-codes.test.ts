import { assertCommunityCode, assertRegionCode, isWithin, parentRegionCode, regionLevel, significantPrefix } from './division-codes';

describe('division codes', () => {
  it.each([
    ['620000', 'PROVINCE', '62', null],
    ['620100', 'PREFECTURE', '6201', '620000'],
    ['622900', 'PREFECTURE', '6229', '620000'],
    ['620102', 'COUNTY', '620102', '620100'],
    ['620102001', 'STREET', '620102001', '620102'],
  ])('%s is a %s with prefix %s and parent %s', (code, level, prefix, parent) => {
    expect(regionLevel(code)).toBe(level);
    expect(significantPrefix(code)).toBe(prefix);
    expect(parentRegionCode(code)).toBe(parent);
  });

  it('puts a community in its street and every region above', () => {
    expect(parentRegionCode('620102001003')).toBe('620102001');
    expect(['620000', '620100', '620102', '620102001'].every((region) => isWithin('620102001003', region))).toBe(true);
    expect(isWithin('620102001003', '620200')).toBe(false);
    expect(isWithin('620102001003', '620103')).toBe(false);
  });

  it.each(['6201', '62010', '6201000', '62010200', 'abcdef', '620102001001'])('rejects "%s" as a region code', (code) => {
    expect(() => assertRegionCode(code, 'regionCode')).toThrow(/^regionCode: .*expected 6 digits/);
  });

  it.each(['62010200100', '6201020010011', '62010200100a'])('rejects "%s" as a community code', (code) => {
    expect(() => assertCommunityCode(code)).toThrow(/expected 12 digits/);
  });
});
