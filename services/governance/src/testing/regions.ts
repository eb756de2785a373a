import { apportion, Random, type CommunityRow, type Scale, type Tier } from '@shequ/kit/testing';
import gansu from './gansu-prefectures.json';

export interface RegionRow {
  code: string;
  name: string;
  level: 'PROVINCE' | 'PREFECTURE' | 'COUNTY' | 'STREET';
  parentCode: string | null;
  population: number;
  households: number;
  synthetic: boolean;
}

export interface RegionsAndCommunities {
  regions: RegionRow[];
  communities: CommunityRow[];
}

/** Synthetic names carry this mark, so nobody mistakes them for real places. */
export const SYNTHETIC_MARK = '（示例）';

const STREET_NAMES = ['东关', '西关', '南关', '北关', '城关', '新华', '人民', '建设', '和平', '团结', '滨河', '东岗', '西站', '工林', '龙泉', '金城', '河口', '柳泉', '文化', '育才'];
const COMMUNITY_NAMES = ['幸福', '和谐', '友谊', '光明', '民主', '胜利', '五一', '红星', '东风', '春晖', '朝阳', '长青', '安居', '康乐', '欣荣', '兴隆', '永安', '福兴', '嘉园', '新城', '育英', '丰收', '团圆', '广场'];

/** Households per 100 residents, about the province's average household size of 2.8. */
function householdsOf(population: number, random: Random): number {
  return Math.round(population / random.between(2.5, 3.2));
}

function spread(total: number, count: number, random: Random): number[] {
  return apportion(total, Array.from({ length: count }, () => random.between(0.6, 1.4)));
}

/**
 * The real province and its 14 prefectures, and below them synthetic
 * counties, streets and communities in proportion to each prefecture's 2020
 * census population. Each prefecture's communities add up exactly to its
 * census figure, and every region's population is the sum of what lies
 * below it.
 */
export function generateRegions(scale: Scale, seed: number): RegionsAndCommunities {
  const random = new Random(seed);
  const regions: RegionRow[] = [];
  const communities: CommunityRow[] = [];
  const shares = gansu.prefectures.map((prefecture) => prefecture.population2020);
  const countiesPer = apportion(scale.counties - gansu.prefectures.length, shares).map((n) => n + 1);
  const streetsPer = apportion(scale.streets, shares).map((n, i) => Math.max(n, countiesPer[i]));
  const communitiesPer = apportion(scale.communities, shares).map((n, i) => Math.max(n, streetsPer[i]));

  const province = gansu.province;
  regions.push({ code: province.code, name: province.name, level: 'PROVINCE', parentCode: null, population: 0, households: 0, synthetic: false });

  gansu.prefectures.forEach((prefecture, p) => {
    const prefix = prefecture.code.slice(0, 4);
    const shortName = prefecture.name.replace(/(市|回族自治州|藏族自治州)$/, '');
    const streetCounts = apportion(streetsPer[p], Array(countiesPer[p]).fill(1));
    const communityCounts = apportion(communitiesPer[p], Array(streetsPer[p]).fill(1));
    const populations = spread(prefecture.population2020, communitiesPer[p], random);
    const prefectureRow: RegionRow = { code: prefecture.code, name: prefecture.name, level: 'PREFECTURE', parentCode: province.code, population: 0, households: 0, synthetic: false };
    regions.push(prefectureRow);
    let streetIndex = 0;
    let communityIndex = 0;
    for (let c = 0; c < countiesPer[p]; c += 1) {
      const countyCode = `${prefix}${String(c + 1).padStart(2, '0')}`;
      const county: RegionRow = { code: countyCode, name: `${shortName}第${c + 1}县区${SYNTHETIC_MARK}`, level: 'COUNTY', parentCode: prefecture.code, population: 0, households: 0, synthetic: true };
      regions.push(county);
      for (let s = 0; s < streetCounts[c]; s += 1) {
        const streetCode = `${countyCode}${String(s + 1).padStart(3, '0')}`;
        const street: RegionRow = { code: streetCode, name: `${random.pick(STREET_NAMES)}街道${s + 1}${SYNTHETIC_MARK}`, level: 'STREET', parentCode: countyCode, population: 0, households: 0, synthetic: true };
        regions.push(street);
        for (let m = 0; m < communityCounts[streetIndex]; m += 1) {
          const population = populations[communityIndex];
          const households = householdsOf(population, random);
          const tier = random.weighted<Tier>(p === 0 ? { ADVANCED: 35, STANDARD: 45, FOUNDATIONAL: 20 } : { ADVANCED: 15, STANDARD: 50, FOUNDATIONAL: 35 });
          communities.push({ code: `${streetCode}${String(m + 1).padStart(3, '0')}`, name: `${random.pick(COMMUNITY_NAMES)}社区${m + 1}${SYNTHETIC_MARK}`, streetCode, population, households, tier, synthetic: true });
          for (const region of [street, county, prefectureRow, regions[0]]) {
            region.population += population;
            region.households += households;
          }
          communityIndex += 1;
        }
        streetIndex += 1;
      }
    }
  });
  return { regions, communities };
}
