import { INDICATORS } from './indicator-catalogue';

/**
 * Chinese and English labels for every enum value an analyst meets in the
 * graph: the statistics enums and the departments' levels, statuses,
 * categories and kinds, as in the composed supergraph. Written
 * `VALUE|中文|English`.
 */
const LABELS: Record<string, string[]> = {
  Tier: ['ADVANCED|示范型|Advanced', 'STANDARD|标准型|Standard', 'FOUNDATIONAL|基础型|Foundational'],
  RegionLevel: ['PROVINCE|省|Province', 'PREFECTURE|市州|Prefecture', 'COUNTY|县区|County', 'STREET|街道乡镇|Street or township'],
  TableLevel: ['PROVINCE|省|Province', 'PREFECTURE|市州|Prefecture', 'COUNTY|县区|County', 'STREET|街道乡镇|Street or township', 'COMMUNITY|社区|Community'],
  Department: ['GOVERNANCE|民政（社区治理）|Governance', 'SERVICE_DELIVERY|社区服务|Service delivery', 'VOLUNTEERS|志愿服务|Volunteers', 'PUBLIC_SAFETY|平安建设|Public safety', 'STATISTICS|统计|Statistics'],
  IndicatorDirection: ['HIGHER_IS_BETTER|越高越好|Higher is better', 'LOWER_IS_BETTER|越低越好|Lower is better', 'NEUTRAL|中性|Neutral'],
  IndicatorMeasurement: ['FLOW|期内累计|Flow (summed over the period)', 'STOCK|期末存量|Stock (at the end of the period)'],
  PeriodKind: ['MONTH|月|Month', 'QUARTER|季度|Quarter', 'YEAR|年|Year', 'TWELVE_MONTHS|近12个月|Twelve months'],
  PeriodComparison: ['PREVIOUS_PERIOD|上期|Previous period', 'SAME_PERIOD_LAST_YEAR|上年同期|Same period last year'],
  TrendGranularity: ['MONTH|月|Month', 'QUARTER|季度|Quarter', 'YEAR|年|Year'],
  SortOrder: ['ASC|升序|Ascending', 'DESC|降序|Descending'],
  AssessmentComponentName: ['SERVICE_COVERAGE|服务覆盖|Service coverage', 'VOLUNTEER_PARTICIPATION|志愿参与|Volunteer participation', 'SAFETY|平安建设|Safety', 'PLAN_DELIVERY|规划落实|Plan delivery', 'CAPACITY|基础能力|Capacity'],
  Comparison: ['AT_LEAST|不低于|At least', 'AT_MOST|不高于|At most'],
  Indicator: [
    'WELFARE_FACILITIES_PER_1000|每千人福利设施数|Welfare facilities per 1,000 residents',
    'REQUESTS_RESOLVED_WITHIN_15_DAYS|15日内办结率|Requests resolved within 15 days',
    'VOLUNTEERS_PER_100|每百人注册志愿者数|Volunteers per 100 residents',
    'ACTIVE_VOLUNTEER_SHARE|活跃志愿者占比|Active volunteer share',
    'INCIDENTS_PER_1000|每千人治安事件数|Incidents per 1,000 residents',
    'MEDIATION_AGREEMENT_RATE|调解成功率|Mediation agreement rate',
    'POLICE_LIAISON_COVERAGE|一区一警覆盖率|Police liaison coverage',
    'PRACTICAL_PROJECTS_COMPLETED|实事项目完成率|Practical projects completed',
    'OFFICE_SPACE_M2|办公和活动用房面积|Office and activity space',
    'PROFESSIONAL_SOCIAL_WORKERS|专业社工数|Professional social workers',
    'COUNCIL_MEETINGS_PER_YEAR|年度居民议事会次数|Council meetings per year',
    'FREE_TEXT|其他（人工评定）|Other (assessed by hand)',
  ],
  PlanKind: ['FIVE_YEAR|五年规划|Five-year plan', 'ANNUAL|年度计划|Annual plan'],
  PlanStatus: ['DRAFT|草稿|Draft', 'APPROVED|已批准|Approved', 'IN_FORCE|实施中|In force', 'CLOSED|已结束|Closed'],
  MeasureStatus: ['PLANNED|计划中|Planned', 'UNDERWAY|推进中|Underway', 'DONE|已完成|Done', 'DROPPED|已放弃|Dropped'],
  PracticalProjectStatus: ['PLANNED|计划中|Planned', 'IN_PROGRESS|实施中|In progress', 'COMPLETED|已完成|Completed', 'CANCELLED|已取消|Cancelled'],
  DemonstrationLevel: ['PROVINCIAL|省级|Provincial', 'MUNICIPAL|市级|Municipal'],
  FundingSource: ['STATE|财政|State', 'ENTERPRISE|企业|Enterprise', 'PUBLIC_INSTITUTION|事业单位|Public institution', 'PRIVATE|个人|Private', 'DONATIONS|捐赠|Donations'],
  ServiceFacilityKind: [
    'ELDERLY_CARE|养老服务|Elderly care', 'DISABILITY_SERVICES|助残服务|Disability services', 'CHILD_WELFARE|儿童福利|Child welfare', 'HEALTH_STATION|卫生服务站|Health station',
    'CANTEEN|社区食堂|Canteen', 'BATHHOUSE|公共浴室|Bathhouse', 'SPORTS_GROUND|健身场地|Sports ground', 'CULTURE_EDUCATION_ROOM|文化教育室|Culture and education room',
    'COMMUNITY_SERVICE_CENTRE|社区服务中心|Community service centre', 'OTHER|其他|Other',
  ],
  ServiceFacilityOwnership: ['GOVERNMENT|政府|Government', 'ENTERPRISE|企业|Enterprise', 'PUBLIC_INSTITUTION|事业单位|Public institution', 'NGO|社会组织|NGO', 'PRIVATE|个人|Private'],
  ServiceFacilityStatus: ['OPERATING|运营中|Operating', 'SUSPENDED|暂停|Suspended', 'CLOSED|已关闭|Closed'],
  ServiceFee: ['FREE|免费|Free', 'SUBSIDISED|补贴|Subsidised', 'MARKET|市场价|Market price'],
  ServiceInvestmentSource: ['STATE|财政|State', 'ENTERPRISE|企业|Enterprise', 'PUBLIC_INSTITUTION|事业单位|Public institution', 'PRIVATE|个人|Private', 'DONATIONS|捐赠|Donations'],
  ServiceProviderType: ['GOVERNMENT|政府|Government', 'COMMUNITY|社区|Community', 'NGO|社会组织|NGO', 'ENTERPRISE|企业|Enterprise', 'VOLUNTEER|志愿者|Volunteer'],
  ServiceRequestChannel: ['COUNTER|窗口|Counter', 'PHONE|电话|Phone', 'APP|手机应用|App', 'VISIT|上门|Visit'],
  ServiceRequestStatus: ['SUBMITTED|已提交|Submitted', 'ACCEPTED|已受理|Accepted', 'IN_PROGRESS|办理中|In progress', 'RESOLVED|已办结|Resolved', 'CLOSED|已关闭|Closed', 'REJECTED|已驳回|Rejected'],
  VolunteerStatus: ['ACTIVE|在册|Active', 'INACTIVE|不活跃|Inactive', 'WITHDRAWN|已退出|Withdrawn'],
  VolunteerTeamRole: ['LEADER|队长|Leader', 'MEMBER|队员|Member'],
  VolunteerActivityCategory: [
    'ELDERLY_CARE|助老|Elderly care', 'CHILD_CARE|关爱儿童|Child care', 'LEGAL_AID|法律援助|Legal aid', 'HEALTH|卫生健康|Health', 'EDUCATION|教育|Education',
    'CULTURE_AND_SPORTS|文体|Culture and sports', 'ENVIRONMENT|环境|Environment', 'MEDIATION|调解|Mediation', 'SAFETY_PATROL|治安巡逻|Safety patrol',
    'EMERGENCY_RESPONSE|应急救援|Emergency response', 'OTHER|其他|Other',
  ],
  VolunteerSkill: [
    'ELDERLY_CARE|养老护理|Elderly care', 'CHILD_CARE|儿童照护|Child care', 'LEGAL|法律|Legal', 'MEDICAL|医疗|Medical', 'EDUCATION|教育|Education',
    'CULTURE_AND_SPORTS|文体|Culture and sports', 'ENVIRONMENT|环境|Environment', 'MEDIATION|调解|Mediation', 'IT|信息技术|IT',
    'PSYCHOLOGICAL_SUPPORT|心理疏导|Psychological support', 'EMERGENCY_RESPONSE|应急救援|Emergency response', 'OTHER|其他|Other',
  ],
  OrganizationKind: [
    'INDUSTRY_ASSOCIATION|行业协会|Industry association', 'SOCIAL_SERVICE_ORGANIZATION|社会服务机构|Social service organisation', 'CHARITY|慈善组织|Charity',
    'MEDIATION_ORGANIZATION|调解组织|Mediation organisation', 'PROFESSIONAL_SERVICE_AGENCY|专业服务机构|Professional service agency', 'RESIDENTS_INTEREST_GROUP|居民兴趣团体|Residents’ interest group',
  ],
  OrganizationStage: ['INCUBATING|孵化中|Incubating', 'REGISTERED|已登记|Registered', 'ACTIVE|活跃|Active', 'SUSPENDED|暂停|Suspended'],
  OrganizationFunction: [
    'SOCIAL_SERVICE|社会服务|Social service', 'GOVERNMENT_RESIDENT_COMMUNICATION|政民沟通|Government–resident communication', 'NOTARISATION_AND_APPRAISAL|公证鉴定|Notarisation and appraisal',
    'SUPERVISION|监督|Supervision', 'MARKET_REGULATION|市场监管|Market regulation',
  ],
  SafetyIncidentCategory: [
    'THEFT|盗窃|Theft', 'FRAUD|诈骗|Fraud', 'FIRE|火灾|Fire', 'TRAFFIC|交通|Traffic', 'DRUGS|涉毒|Drugs', 'PUBLIC_ORDER|扰乱秩序|Public order',
    'DISPUTE_ESCALATION|纠纷激化|Dispute escalation', 'OTHER|其他|Other',
  ],
  SafetyIncidentSeverity: ['LOW|轻微|Low', 'MEDIUM|一般|Medium', 'HIGH|较大|High', 'CRITICAL|重大|Critical'],
  SafetyIncidentStatus: ['REPORTED|已报告|Reported', 'INVESTIGATING|调查中|Investigating', 'RESOLVED|已处置|Resolved', 'DISMISSED|已撤销|Dismissed'],
  SafetyGroupKind: ['SECURITY_COMMITTEE|治保会|Security committee', 'PATROL_GROUP|巡逻队|Patrol group'],
  MediationCategory: ['NEIGHBOURS|邻里纠纷|Neighbours', 'FAMILY|家庭纠纷|Family', 'PROPERTY|物业纠纷|Property', 'LABOUR|劳动纠纷|Labour', 'CONSUMER|消费纠纷|Consumer', 'OTHER|其他|Other'],
  MediationOutcome: ['AGREEMENT_REACHED|达成协议|Agreement reached', 'REFERRED|移交|Referred', 'FAILED|调解不成|Failed'],
  LegalServiceKind: ['EDUCATION_SESSION|普法宣传|Education session', 'CONSULTATION|法律咨询|Consultation', 'LEGAL_AID_CASE|法律援助|Legal aid case'],
  InspectionTargetKind: ['RENTAL_HOUSING|出租房屋|Rental housing', 'ENTERTAINMENT_VENUE|娱乐场所|Entertainment venue', 'COMMERCIAL_AREA|商业区域|Commercial area'],
  SupervisionCategory: ['RELEASED_PRISONER|刑满释放人员|Released prisoner', 'COMMUNITY_CORRECTION|社区矫正对象|Community correction', 'DRUG_REHABILITATION|社区戒毒康复人员|Drug rehabilitation'],
};

export interface EnumLabel {
  enum: string;
  value: string;
  labelZh: string;
  labelEn: string;
}

export const ENUM_LABELS: readonly EnumLabel[] = [
  ...Object.entries(LABELS).flatMap(([name, values]) =>
    values.map((entry) => {
      const [value, labelZh, labelEn] = entry.split('|') as [string, string, string];
      return { enum: name, value, labelZh, labelEn };
    }),
  ),
  ...INDICATORS.map((spec) => ({ enum: 'IndicatorId', value: spec.id, labelZh: spec.labelZh, labelEn: spec.labelEn })),
];
