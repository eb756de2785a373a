import type { DataSource } from 'typeorm';

/**
 * A small, fully known slice of the province for tests: two real
 * prefectures, three counties, four streets and seven named communities,
 * plus `extraCommunities` numbered ones in street 620201001.
 */
export async function insertGovernanceFixture(dataSource: DataSource, extraCommunities = 0): Promise<void> {
  await dataSource.query(`
    INSERT INTO governance.region (code, name, level, parent_code, population, households, synthetic) VALUES
      ('620000', '甘肃省', 'PROVINCE', NULL, 25018000, 8000000, false),
      ('620100', '兰州市', 'PREFECTURE', '620000', 4359000, 1500000, false),
      ('620200', '嘉峪关市', 'PREFECTURE', '620000', 313000, 100000, false),
      ('620102', '城关区', 'COUNTY', '620100', 20000, 7000, true),
      ('620103', '七里河区', 'COUNTY', '620100', 8000, 2800, true),
      ('620201', '示例区', 'COUNTY', '620200', 3000, 1000, true),
      ('620102001', '东岗街道', 'STREET', '620102', 12000, 4200, true),
      ('620102002', '盐场街道', 'STREET', '620102', 8000, 2800, true),
      ('620103001', '西园街道', 'STREET', '620103', 8000, 2800, true),
      ('620201001', '新华街道', 'STREET', '620201', 3000, 1000, true)`);
  await dataSource.query(`
    INSERT INTO governance.community (code, name, street_code, population, households, tier, synthetic) VALUES
      ('620102001001', '幸福社区', '620102001', 5000, 1700, 'ADVANCED', true),
      ('620102001002', '和平社区', '620102001', 4000, 1400, 'STANDARD', true),
      ('620102001003', '幸福里社区', '620102001', 3000, 1100, 'FOUNDATIONAL', true),
      ('620102002001', '光明社区', '620102002', 6000, 2100, 'ADVANCED', true),
      ('620102002002', '团结社区', '620102002', 2000, 700, 'STANDARD', true),
      ('620103001001', '西园社区', '620103001', 8000, 2800, 'STANDARD', true),
      ('620201001001', '新华社区', '620201001', 3000, 1000, 'FOUNDATIONAL', true)`);
  if (extraCommunities > 0) {
    await dataSource.query(
      `INSERT INTO governance.community (code, name, street_code, population, households, tier, synthetic)
       SELECT '620201001' || lpad((100 + n)::text, 3, '0'), '编号社区' || n, '620201001', 1000 + n, 350, 'STANDARD', true
       FROM generate_series(1, $1::integer) AS n`,
      [extraCommunities],
    );
  }
}
