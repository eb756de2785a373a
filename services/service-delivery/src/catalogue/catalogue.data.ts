import { ServiceFee, ServiceProviderType } from './service-catalogue.entity';

/**
 * The province-wide catalogue every community offers from. It is reference
 * data, not seed data: the migration writes it so that a fresh database can
 * take requests, and the seeder rewrites it after emptying the tables.
 */
export const SERVICE_CATEGORIES = [
  { code: 'ELDERLY', name: '养老服务' },
  { code: 'DISABILITY', name: '助残服务' },
  { code: 'CHILDREN', name: '儿童关爱' },
  { code: 'HEALTH', name: '卫生健康' },
  { code: 'LIVING', name: '便民生活' },
  { code: 'CULTURE', name: '文化体育' },
  { code: 'AFFAIRS', name: '社区事务' },
] as const;

export const SERVICE_OFFERINGS: readonly {
  code: string;
  categoryCode: (typeof SERVICE_CATEGORIES)[number]['code'];
  name: string;
  description: string;
  providerType: ServiceProviderType;
  fee: ServiceFee;
}[] = [
  { code: 'ELDER_MEAL', categoryCode: 'ELDERLY', name: '老年助餐', description: '社区食堂为老年人提供就餐和送餐', providerType: ServiceProviderType.COMMUNITY, fee: ServiceFee.SUBSIDISED },
  { code: 'ELDER_HOME_CARE', categoryCode: 'ELDERLY', name: '居家养老上门服务', description: '助洁、助浴、助医等上门照料', providerType: ServiceProviderType.NGO, fee: ServiceFee.SUBSIDISED },
  { code: 'ELDER_DAY_CARE', categoryCode: 'ELDERLY', name: '日间照料', description: '日间照料中心托养', providerType: ServiceProviderType.GOVERNMENT, fee: ServiceFee.SUBSIDISED },
  { code: 'DISABILITY_REHAB', categoryCode: 'DISABILITY', name: '康复服务', description: '残疾人社区康复训练与辅具适配', providerType: ServiceProviderType.GOVERNMENT, fee: ServiceFee.FREE },
  { code: 'DISABILITY_CARE', categoryCode: 'DISABILITY', name: '托养照护', description: '残疾人日间托养', providerType: ServiceProviderType.NGO, fee: ServiceFee.SUBSIDISED },
  { code: 'CHILD_CARE', categoryCode: 'CHILDREN', name: '留守儿童关爱', description: '课后托管与心理关爱', providerType: ServiceProviderType.VOLUNTEER, fee: ServiceFee.FREE },
  { code: 'CHILD_PROTECTION', categoryCode: 'CHILDREN', name: '困境儿童保障', description: '困境儿童走访与救助转介', providerType: ServiceProviderType.GOVERNMENT, fee: ServiceFee.FREE },
  { code: 'HEALTH_CHECK', categoryCode: 'HEALTH', name: '健康体检', description: '家庭医生签约与健康体检', providerType: ServiceProviderType.GOVERNMENT, fee: ServiceFee.FREE },
  { code: 'HEALTH_VISIT', categoryCode: 'HEALTH', name: '上门诊疗', description: '行动不便居民上门诊疗', providerType: ServiceProviderType.GOVERNMENT, fee: ServiceFee.SUBSIDISED },
  { code: 'REPAIR', categoryCode: 'LIVING', name: '家政维修', description: '水电维修、家政保洁', providerType: ServiceProviderType.ENTERPRISE, fee: ServiceFee.MARKET },
  { code: 'BATH', categoryCode: 'LIVING', name: '助浴', description: '社区浴室及单位开放浴室', providerType: ServiceProviderType.ENTERPRISE, fee: ServiceFee.SUBSIDISED },
  { code: 'ENVIRONMENT', categoryCode: 'LIVING', name: '环境卫生', description: '垃圾清运、楼道整治', providerType: ServiceProviderType.COMMUNITY, fee: ServiceFee.FREE },
  { code: 'SPORTS', categoryCode: 'CULTURE', name: '体育健身', description: '运动场地预约与健身指导', providerType: ServiceProviderType.COMMUNITY, fee: ServiceFee.FREE },
  { code: 'CULTURE_CLASS', categoryCode: 'CULTURE', name: '文化教育', description: '社区学校、读书室与兴趣课程', providerType: ServiceProviderType.VOLUNTEER, fee: ServiceFee.FREE },
  { code: 'CERTIFICATE', categoryCode: 'AFFAIRS', name: '证明开具', description: '居住证明等事务代办', providerType: ServiceProviderType.COMMUNITY, fee: ServiceFee.FREE },
  { code: 'SOCIAL_ASSISTANCE', categoryCode: 'AFFAIRS', name: '社会救助申请', description: '低保、临时救助申请受理', providerType: ServiceProviderType.GOVERNMENT, fee: ServiceFee.FREE },
];
