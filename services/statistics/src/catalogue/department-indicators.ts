import { perHundredSql, perThousandSql, ratioSql, valueSql } from './formula-sql';
import type { IndicatorSpec } from './indicator-spec';

type Spec = IndicatorSpec;
const count = (unit: [string, string]) => ({ unit: unit[0], unitZh: unit[1] });

/** Public-safety staff, analysts and admins, within their jurisdiction: the supervised-person figures. */
const SUPERVISION_ACCESS = { roles: ['analyst', 'admin', 'department_staff'], staffDepartment: 'public-safety' };

export const SERVICE_DELIVERY_INDICATORS: Spec[] = [
  {
    id: 'REQUESTS_SUBMITTED', labelZh: '服务诉求受理数', labelEn: 'Service requests submitted', ...count(['requests', '件']),
    direction: 'NEUTRAL', department: 'SERVICE_DELIVERY', measurement: 'FLOW',
    definition: 'Service requests submitted in the period.', definitionZh: '期内提交的服务诉求数。',
    sql: ({ column }) => valueSql(column('requests_submitted')),
  },
  {
    id: 'REQUESTS_PER_1000_RESIDENTS', labelZh: '每千人服务诉求数', labelEn: 'Service requests per 1,000 residents', ...count(['requests per 1,000 residents', '件/千人']),
    direction: 'NEUTRAL', department: 'SERVICE_DELIVERY', measurement: 'FLOW',
    definition: 'Requests submitted in the period × 1,000 ÷ population at the end of the period.', definitionZh: '期内提交的服务诉求数 × 1000 ÷ 期末常住人口。',
    sql: ({ column }) => perThousandSql(column('requests_submitted'), column('population')),
  },
  {
    id: 'REQUESTS_RESOLVED', labelZh: '服务诉求办结数', labelEn: 'Service requests resolved', ...count(['requests', '件']),
    direction: 'HIGHER_IS_BETTER', department: 'SERVICE_DELIVERY', measurement: 'FLOW',
    definition: 'Service requests resolved in the period.', definitionZh: '期内办结的服务诉求数。',
    sql: ({ column }) => valueSql(column('requests_resolved')),
  },
  {
    id: 'RESOLVED_WITHIN_15_DAYS_RATE', labelZh: '15日内办结率', labelEn: 'Share resolved within 15 days', ...count(['share', '比例']),
    direction: 'HIGHER_IS_BETTER', department: 'SERVICE_DELIVERY', measurement: 'FLOW',
    definition: 'Of the requests resolved in the period, the share resolved within 15 days of submission.', definitionZh: '期内办结的诉求中，提交后15日内办结的比例。',
    sql: ({ column }) => ratioSql(column('requests_resolved_within_15_days'), column('requests_resolved')),
  },
  {
    id: 'MEDIAN_DAYS_TO_RESOLVE', labelZh: '诉求办结天数中位数', labelEn: 'Median days to resolve a request', ...count(['days', '天']),
    direction: 'LOWER_IS_BETTER', department: 'SERVICE_DELIVERY', measurement: 'FLOW',
    definition: 'Median of the days from submission to resolution of the requests resolved in the period (0.1 day up to 60, whole days up to 366, 367 = more).',
    definitionZh: '期内办结诉求从提交到办结天数的中位数（60天内精确到0.1天，366天内精确到天，367表示超过366天）。',
    sql: ({ column }) => valueSql(column('median_days_to_resolve')),
  },
  {
    id: 'AVERAGE_SATISFACTION', labelZh: '平均满意度', labelEn: 'Average satisfaction', ...count(['points of 5', '分（满分5分）']),
    direction: 'HIGHER_IS_BETTER', department: 'SERVICE_DELIVERY', measurement: 'FLOW',
    definition: 'Sum of the ratings of rated requests resolved in the period ÷ their number.', definitionZh: '期内办结且已评价诉求的评分之和 ÷ 评价数。',
    sql: ({ column }) => ratioSql(column('satisfaction_sum'), column('satisfaction_count')),
  },
  {
    id: 'INVESTMENT_YUAN', labelZh: '社区服务投入', labelEn: 'Investment in community services', ...count(['yuan', '元']),
    direction: 'HIGHER_IS_BETTER', department: 'SERVICE_DELIVERY', measurement: 'FLOW',
    definition: 'Investment dated in the period, from every source.', definitionZh: '期内各渠道的社区服务投入金额。',
    sql: ({ column }) => valueSql(column('investment_yuan')),
  },
  {
    id: 'INVESTMENT_YUAN_PER_RESIDENT', labelZh: '人均社区服务投入', labelEn: 'Investment per resident', ...count(['yuan per resident', '元/人']),
    direction: 'HIGHER_IS_BETTER', department: 'SERVICE_DELIVERY', measurement: 'FLOW',
    definition: 'Investment dated in the period ÷ population at the end of the period.', definitionZh: '期内投入金额 ÷ 期末常住人口。',
    sql: ({ column }) => ratioSql(column('investment_yuan'), column('population')),
  },
  {
    id: 'FACILITIES', labelZh: '服务设施数', labelEn: 'Service facilities', ...count(['facilities', '个']),
    direction: 'HIGHER_IS_BETTER', department: 'SERVICE_DELIVERY', measurement: 'STOCK',
    definition: 'Service facilities not closed, at the end of the period.', definitionZh: '期末未关闭的服务设施数。',
    sql: ({ column }) => valueSql(column('facilities')),
  },
  {
    id: 'WELFARE_FACILITIES', labelZh: '福利设施数', labelEn: 'Welfare facilities', ...count(['facilities', '个']),
    direction: 'HIGHER_IS_BETTER', department: 'SERVICE_DELIVERY', measurement: 'STOCK',
    definition: 'Elderly-care, disability and child-welfare facilities not closed, at the end of the period.', definitionZh: '期末未关闭的养老、助残、儿童福利设施数。',
    sql: ({ column }) => valueSql(column('welfare_facilities')),
  },
  {
    id: 'WELFARE_FACILITIES_PER_1000_RESIDENTS', labelZh: '每千人福利设施数', labelEn: 'Welfare facilities per 1,000 residents', ...count(['facilities per 1,000 residents', '个/千人']),
    direction: 'HIGHER_IS_BETTER', department: 'SERVICE_DELIVERY', measurement: 'STOCK',
    definition: 'Welfare facilities × 1,000 ÷ population, both at the end of the period.', definitionZh: '期末福利设施数 × 1000 ÷ 期末常住人口。',
    sql: ({ column }) => perThousandSql(column('welfare_facilities'), column('population')),
  },
  {
    id: 'OPEN_REQUESTS', labelZh: '未办结诉求数', labelEn: 'Open service requests', ...count(['requests', '件']),
    direction: 'LOWER_IS_BETTER', department: 'SERVICE_DELIVERY', measurement: 'STOCK',
    definition: 'Requests neither resolved, closed nor rejected, at the end of the period.', definitionZh: '期末尚未办结、关闭或驳回的诉求数。',
    sql: ({ column }) => valueSql(column('open_requests')),
  },
];

export const VOLUNTEER_INDICATORS: Spec[] = [
  {
    id: 'CONFIRMED_HOURS', labelZh: '志愿服务确认时长', labelEn: 'Confirmed volunteer hours', ...count(['hours', '小时']),
    direction: 'HIGHER_IS_BETTER', department: 'VOLUNTEERS', measurement: 'FLOW',
    definition: 'Confirmed hours of activities held in the community that started in the period.', definitionZh: '期内开始、在本社区开展的活动经确认的志愿服务时长。',
    sql: ({ column }) => valueSql(column('confirmed_hours')),
  },
  {
    id: 'CONFIRMED_HOURS_PER_1000_RESIDENTS', labelZh: '每千人志愿服务时长', labelEn: 'Confirmed volunteer hours per 1,000 residents', ...count(['hours per 1,000 residents', '小时/千人']),
    direction: 'HIGHER_IS_BETTER', department: 'VOLUNTEERS', measurement: 'FLOW',
    definition: 'Confirmed hours in the period × 1,000 ÷ population at the end of the period.', definitionZh: '期内确认时长 × 1000 ÷ 期末常住人口。',
    sql: ({ column }) => perThousandSql(column('confirmed_hours'), column('population')),
  },
  {
    id: 'ACTIVITIES_STARTED', labelZh: '志愿活动数', labelEn: 'Volunteer activities started', ...count(['activities', '次']),
    direction: 'HIGHER_IS_BETTER', department: 'VOLUNTEERS', measurement: 'FLOW',
    definition: 'Activities held in the community that started in the period.', definitionZh: '期内开始的本社区志愿活动数。',
    sql: ({ column }) => valueSql(column('activities_started')),
  },
  {
    id: 'VOLUNTEERS_REGISTERED', labelZh: '新注册志愿者数', labelEn: 'Volunteers newly registered', ...count(['volunteers', '人']),
    direction: 'HIGHER_IS_BETTER', department: 'VOLUNTEERS', measurement: 'FLOW',
    definition: 'Volunteer registrations in the period.', definitionZh: '期内新注册的志愿者数。',
    sql: ({ column }) => valueSql(column('volunteers_registered')),
  },
  {
    id: 'REGISTERED_VOLUNTEERS', labelZh: '注册志愿者数', labelEn: 'Registered volunteers', ...count(['volunteers', '人']),
    direction: 'HIGHER_IS_BETTER', department: 'VOLUNTEERS', measurement: 'STOCK',
    definition: 'Volunteers registered and not withdrawn whose home is the community, at the end of the period.', definitionZh: '期末以本社区为常住社区、未退出的注册志愿者数。',
    sql: ({ column }) => valueSql(column('registered_volunteers')),
  },
  {
    id: 'REGISTERED_VOLUNTEERS_PER_100_RESIDENTS', labelZh: '每百人注册志愿者数', labelEn: 'Registered volunteers per 100 residents', ...count(['volunteers per 100 residents', '人/百人']),
    direction: 'HIGHER_IS_BETTER', department: 'VOLUNTEERS', measurement: 'STOCK',
    definition: 'Registered volunteers × 100 ÷ population, both at the end of the period.', definitionZh: '期末注册志愿者数 × 100 ÷ 期末常住人口。',
    sql: ({ column }) => perHundredSql(column('registered_volunteers'), column('population')),
  },
  {
    id: 'ACTIVE_VOLUNTEERS', labelZh: '活跃志愿者数', labelEn: 'Active volunteers', ...count(['volunteers', '人']),
    direction: 'HIGHER_IS_BETTER', department: 'VOLUNTEERS', measurement: 'STOCK',
    definition: 'Registered volunteers with confirmed hours in the 12 months before the snapshot.', definitionZh: '快照前12个月内有确认时长的注册志愿者数。',
    sql: ({ column }) => valueSql(column('active_volunteers')),
  },
  {
    id: 'ACTIVE_VOLUNTEER_SHARE', labelZh: '活跃志愿者占比', labelEn: 'Share of volunteers active', ...count(['share', '比例']),
    direction: 'HIGHER_IS_BETTER', department: 'VOLUNTEERS', measurement: 'STOCK',
    definition: 'Active volunteers ÷ registered volunteers, at the end of the period.', definitionZh: '期末活跃志愿者数 ÷ 注册志愿者数。',
    sql: ({ column }) => ratioSql(column('active_volunteers'), column('registered_volunteers')),
  },
  {
    id: 'ORGANIZATIONS_SERVING', labelZh: '服务社会组织数', labelEn: 'Organisations serving', ...count(['organisations', '个']),
    direction: 'HIGHER_IS_BETTER', department: 'VOLUNTEERS', measurement: 'STOCK',
    definition: 'Distinct social organisations serving the communities, at the end of the period (a region counts each once).', definitionZh: '期末服务于所辖社区的社会组织数（跨社区服务的组织只计一次）。',
    sql: ({ column }) => valueSql(column('distinct_organizations_serving')),
  },
];

export const PUBLIC_SAFETY_INDICATORS: Spec[] = [
  {
    id: 'INCIDENTS', labelZh: '治安事件数', labelEn: 'Safety incidents', ...count(['incidents', '起']),
    direction: 'LOWER_IS_BETTER', department: 'PUBLIC_SAFETY', measurement: 'FLOW',
    definition: 'Safety incidents that occurred in the period.', definitionZh: '期内发生的治安事件数。',
    sql: ({ column }) => valueSql(column('incidents')),
  },
  {
    id: 'INCIDENTS_PER_1000_RESIDENTS', labelZh: '每千人治安事件数', labelEn: 'Incidents per 1,000 residents', ...count(['incidents per 1,000 residents', '起/千人']),
    direction: 'LOWER_IS_BETTER', department: 'PUBLIC_SAFETY', measurement: 'FLOW',
    definition: 'Incidents in the period × 1,000 ÷ population at the end of the period.', definitionZh: '期内治安事件数 × 1000 ÷ 期末常住人口。',
    sql: ({ column }) => perThousandSql(column('incidents'), column('population')),
  },
  {
    id: 'MEDIATION_CASES_RECEIVED', labelZh: '受理调解案件数', labelEn: 'Mediation cases received', ...count(['cases', '件']),
    direction: 'NEUTRAL', department: 'PUBLIC_SAFETY', measurement: 'FLOW',
    definition: 'Mediation cases received in the period.', definitionZh: '期内受理的矛盾纠纷调解案件数。',
    sql: ({ column }) => valueSql(column('mediation_cases_received')),
  },
  {
    id: 'MEDIATION_CASES_CLOSED', labelZh: '结案调解案件数', labelEn: 'Mediation cases closed', ...count(['cases', '件']),
    direction: 'HIGHER_IS_BETTER', department: 'PUBLIC_SAFETY', measurement: 'FLOW',
    definition: 'Mediation cases closed in the period.', definitionZh: '期内结案的调解案件数。',
    sql: ({ column }) => valueSql(column('mediation_cases_closed')),
  },
  {
    id: 'MEDIATION_AGREEMENT_RATE', labelZh: '调解成功率', labelEn: 'Mediation agreement rate', ...count(['share', '比例']),
    direction: 'HIGHER_IS_BETTER', department: 'PUBLIC_SAFETY', measurement: 'FLOW',
    definition: 'Of the mediation cases closed in the period, the share closed with an agreement.', definitionZh: '期内结案的调解案件中达成协议的比例。',
    sql: ({ column }) => ratioSql(column('mediation_agreements'), column('mediation_cases_closed')),
  },
  {
    id: 'MEDIAN_DAYS_TO_CLOSE_MEDIATION', labelZh: '调解结案天数中位数', labelEn: 'Median days to close a mediation case', ...count(['days', '天']),
    direction: 'LOWER_IS_BETTER', department: 'PUBLIC_SAFETY', measurement: 'FLOW',
    definition: 'Median of the days from receipt to closing of the cases closed in the period.', definitionZh: '期内结案调解案件从受理到结案天数的中位数。',
    sql: ({ column }) => valueSql(column('median_days_to_close_mediation')),
  },
  {
    id: 'PATROLS', labelZh: '巡逻次数', labelEn: 'Patrols', ...count(['patrols', '次']),
    direction: 'HIGHER_IS_BETTER', department: 'PUBLIC_SAFETY', measurement: 'FLOW',
    definition: 'Mass-prevention patrols in the period.', definitionZh: '期内群防群治巡逻次数。',
    sql: ({ column }) => valueSql(column('patrols')),
  },
  {
    id: 'JOINT_PATROL_SHARE', labelZh: '警民联巡占比', labelEn: 'Share of patrols joint with the police', ...count(['share', '比例']),
    direction: 'HIGHER_IS_BETTER', department: 'PUBLIC_SAFETY', measurement: 'FLOW',
    definition: 'Patrols joint with the police ÷ patrols, in the period.', definitionZh: '期内警民联合巡逻次数 ÷ 巡逻次数。',
    sql: ({ column }) => ratioSql(column('joint_patrols'), column('patrols')),
  },
  {
    id: 'PATROL_HOURS', labelZh: '巡逻时长', labelEn: 'Patrol hours', ...count(['hours', '小时']),
    direction: 'HIGHER_IS_BETTER', department: 'PUBLIC_SAFETY', measurement: 'FLOW',
    definition: 'Hours patrolled in the period.', definitionZh: '期内巡逻总时长。',
    sql: ({ column }) => valueSql(column('patrol_hours')),
  },
  {
    id: 'LEGAL_SERVICE_PEOPLE_REACHED', labelZh: '法律服务覆盖人次', labelEn: 'People reached by legal services', ...count(['people', '人次']),
    direction: 'HIGHER_IS_BETTER', department: 'PUBLIC_SAFETY', measurement: 'FLOW',
    definition: 'People reached by legal education, consultations and legal aid in the period.', definitionZh: '期内普法宣传、法律咨询和法律援助覆盖人次。',
    sql: ({ column }) => valueSql(column('legal_service_people_reached')),
  },
  {
    id: 'OPEN_HAZARDS', labelZh: '未整改隐患数', labelEn: 'Open hazards', ...count(['hazards', '处']),
    direction: 'LOWER_IS_BETTER', department: 'PUBLIC_SAFETY', measurement: 'STOCK',
    definition: 'Hazards found by inspections and not yet fixed, at the end of the period.', definitionZh: '期末检查发现且尚未整改的隐患数。',
    sql: ({ column }) => valueSql(column('open_hazards')),
  },
  {
    id: 'POLICE_LIAISON_COVERAGE', labelZh: '一区一警覆盖率', labelEn: 'Police liaison coverage', ...count(['share of communities', '社区比例']),
    direction: 'HIGHER_IS_BETTER', department: 'PUBLIC_SAFETY', measurement: 'STOCK',
    definition: 'Communities with a current police liaison ÷ communities, at the end of the period.', definitionZh: '期末有在岗社区民警的社区数 ÷ 社区数。',
    sql: ({ column }) => ratioSql(column('police_liaison'), column('community_count')),
  },
  {
    id: 'SUPERVISED_PERSONS', labelZh: '重点人员数', labelEn: 'Supervised persons', ...count(['persons', '人']),
    direction: 'NEUTRAL', department: 'PUBLIC_SAFETY', measurement: 'STOCK', access: SUPERVISION_ACCESS,
    definition: 'Persons under community supervision, at the end of the period. Restricted.', definitionZh: '期末在册的社区重点人员数（受限指标）。',
    sql: ({ column }) => valueSql(column('supervised_persons')),
  },
  {
    id: 'SUPERVISED_PERSONS_PER_1000_RESIDENTS', labelZh: '每千人重点人员数', labelEn: 'Supervised persons per 1,000 residents', ...count(['persons per 1,000 residents', '人/千人']),
    direction: 'NEUTRAL', department: 'PUBLIC_SAFETY', measurement: 'STOCK', access: SUPERVISION_ACCESS,
    definition: 'Supervised persons × 1,000 ÷ population, both at the end of the period. Restricted.', definitionZh: '期末重点人员数 × 1000 ÷ 期末常住人口（受限指标）。',
    sql: ({ column }) => perThousandSql(column('supervised_persons'), column('population')),
  },
];

export const GOVERNANCE_INDICATORS: Spec[] = [
  {
    id: 'POPULATION', labelZh: '常住人口', labelEn: 'Population', ...count(['residents', '人']),
    direction: 'NEUTRAL', department: 'GOVERNANCE', measurement: 'STOCK',
    definition: 'Resident population, at the end of the period.', definitionZh: '期末常住人口。',
    sql: ({ column }) => valueSql(column('population')),
  },
  {
    id: 'HOUSEHOLDS', labelZh: '户数', labelEn: 'Households', ...count(['households', '户']),
    direction: 'NEUTRAL', department: 'GOVERNANCE', measurement: 'STOCK',
    definition: 'Households, at the end of the period.', definitionZh: '期末户数。',
    sql: ({ column }) => valueSql(column('households')),
  },
  {
    id: 'OFFICE_SPACE_M2', labelZh: '办公和活动用房面积', labelEn: 'Office and activity space per community', ...count(['m² per community', '平方米/社区']),
    direction: 'HIGHER_IS_BETTER', department: 'GOVERNANCE', measurement: 'STOCK',
    definition: 'Office and activity space ÷ communities reporting it, at the end of the period (a community: its own space).', definitionZh: '期末办公和活动用房面积 ÷ 报送社区数（单个社区即其面积）。',
    sql: ({ column }) => ratioSql(column('office_space_m2'), column('governance_reporting')),
  },
  {
    id: 'STAFF', labelZh: '社区工作者数', labelEn: 'Community staff', ...count(['staff', '人']),
    direction: 'HIGHER_IS_BETTER', department: 'GOVERNANCE', measurement: 'STOCK',
    definition: 'Community staff, at the end of the period.', definitionZh: '期末社区工作者数。',
    sql: ({ column }) => valueSql(column('staff')),
  },
  {
    id: 'STAFF_PER_1000_RESIDENTS', labelZh: '每千人社区工作者数', labelEn: 'Community staff per 1,000 residents', ...count(['staff per 1,000 residents', '人/千人']),
    direction: 'HIGHER_IS_BETTER', department: 'GOVERNANCE', measurement: 'STOCK',
    definition: 'Community staff × 1,000 ÷ population, both at the end of the period.', definitionZh: '期末社区工作者数 × 1000 ÷ 期末常住人口。',
    sql: ({ column }) => perThousandSql(column('staff'), column('population')),
  },
  {
    id: 'PROFESSIONAL_SOCIAL_WORKERS', labelZh: '专业社工数', labelEn: 'Professional social workers per community', ...count(['social workers per community', '人/社区']),
    direction: 'HIGHER_IS_BETTER', department: 'GOVERNANCE', measurement: 'STOCK',
    definition: 'Professional social workers ÷ communities reporting, at the end of the period (a community: its own number).', definitionZh: '期末持证社工数 ÷ 报送社区数（单个社区即其人数）。',
    sql: ({ column }) => ratioSql(column('professional_social_workers'), column('governance_reporting')),
  },
  {
    id: 'COUNCIL_MEETINGS_PER_YEAR', labelZh: '年度居民议事会次数', labelEn: "Residents' council meetings per year", ...count(['meetings per year per community', '次/年·社区']),
    direction: 'HIGHER_IS_BETTER', department: 'GOVERNANCE', measurement: 'STOCK',
    definition: "Residents' council meetings a year ÷ communities reporting, at the end of the period.", definitionZh: '期末居民议事会年度会议次数 ÷ 报送社区数。',
    sql: ({ column }) => ratioSql(column('council_meetings_per_year'), column('governance_reporting')),
  },
  {
    id: 'PRACTICAL_PROJECTS', labelZh: '为民办实事项目数', labelEn: 'Practical projects', ...count(['projects', '项']),
    direction: 'HIGHER_IS_BETTER', department: 'GOVERNANCE', measurement: 'STOCK',
    definition: "This and last China year's practical projects, not cancelled, at the end of the period.", definitionZh: '期末本年度和上年度未取消的为民办实事项目数。',
    sql: ({ column }) => valueSql(column('practical_projects')),
  },
  {
    id: 'PRACTICAL_PROJECT_COMPLETION_RATE', labelZh: '实事项目完成率', labelEn: 'Share of practical projects completed', ...count(['share', '比例']),
    direction: 'HIGHER_IS_BETTER', department: 'GOVERNANCE', measurement: 'STOCK',
    definition: "Of this and last year's practical projects (not cancelled), the share completed, at the end of the period.", definitionZh: '期末本年度和上年度未取消的实事项目中已完成的比例。',
    sql: ({ column }) => ratioSql(column('practical_projects_completed'), column('practical_projects')),
  },
  {
    id: 'PRACTICAL_PROJECT_BUDGET_THIS_YEAR', labelZh: '本年实事项目预算', labelEn: "This year's practical project budget", ...count(['yuan', '元']),
    direction: 'NEUTRAL', department: 'GOVERNANCE', measurement: 'STOCK',
    definition: "Budget of this China year's practical projects, at the end of the period.", definitionZh: '期末本年度实事项目预算金额。',
    sql: ({ column }) => valueSql(column('practical_project_budget_this_year')),
  },
  {
    id: 'COMMUNITIES', labelZh: '社区数', labelEn: 'Communities', ...count(['communities', '个']),
    direction: 'NEUTRAL', department: 'STATISTICS', measurement: 'STOCK',
    definition: "Communities in the row (of the tiers asked for), by governance's directory.", definitionZh: '行内社区数（按所选等级），以民政目录为准。',
    sql: ({ column }) => valueSql(column('community_count')),
  },
];
