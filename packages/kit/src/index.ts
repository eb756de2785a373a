import 'reflect-metadata';

export * from './auth/viewer';
export { verifyAuthorization, createTokenVerifier, signToken, DEVELOPMENT_JWT_SECRET, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, type TokenRequest, type TokenSettings } from './auth/jwt';
export { hasRole, coversCode, assertCovers } from './auth/jurisdiction';
export { roleAuthChecker } from './auth/auth-checker';
export { definePolicy, authorize, authorizedRecord, readableRecord, recordOutcome, recordRefusal, isAllowed, refusal, type AccessPolicy, type AccessRule, type AccessTarget, type RecordScope } from './auth/access-policy';
export * from './codes/division-codes';
export * from './errors/graphql-errors';
export { createErrorFormatter } from './errors/format-error';
export { isDatabaseUnavailable, RETRY_AFTER_SECONDS, serviceUnavailablePlugin } from './errors/service-unavailable';
export {
  commonEnvironmentSchema,
  durationSeconds,
  listenHostOf,
  portSchema,
  requiredInProduction,
  tokensRequiredOutsideDevelopment,
  tokenSettingsOf,
  withDevelopmentDefault,
} from './environment/common-environment';
export { parseEnvironment, runMain, StartupError } from './environment/parse-environment';
export { DEVELOPMENT_SIGNING_KEY, signingKeyOf, signingKeyRequiredOutsideDevelopment, signingKeyVariables } from './environment/signing-key-environment';
export { routerVariables, subgraphUrlsOf } from './environment/router-environment';
export {
  GATEWAY_SIGNATURE_HEADER,
  SERVICE_HEADER,
  SERVICE_SIGNATURE_HEADER,
  SIGNATURE_WINDOW_MS,
  serviceRequestHeaders,
  signGatewayRequest,
  verifiedService,
  verifyGatewaySignature,
  type SignedRequest,
} from './auth/gateway-signature';
export { checkDocumentLimits, DEFAULT_DOCUMENT_LIMITS, documentLimitsOf, documentLimitsPreflight, documentLimitVariables, limitExceeded, measureDocument, type DocumentLimits, type DocumentShape } from './limits/document-limits';
export { createLogger, type Logger } from './logging/logger';
export * from './pagination/connection';
export { createServiceDataSource, connectAndMigrate, connectAndCheckMigrations, type ServiceDataSource } from './database/data-source';
export { applyPendingMigrations, revertLastMigration, migrationStates, pendingMigrationNames, MIGRATION_LOCK_CLASS, type MigrationState } from './database/migrations';
export { runMigrationCommand, MIGRATION_COMMANDS, MigrationCommandError, type MigrationCommand, type MigrationTarget } from './database/migration-command';
export { StatementCounter } from './database/statement-counter';
export { buildFederatedSchema, type FederatedSchema, type ReferenceResolver } from './schema/federated-schema';
export { Weight } from './schema/weight';
export type { SubgraphContext } from './server/context';
export { ProcessMetrics, type MetricsPage, type ObservedDatabase } from './server/metrics';
export { requestMetricsPlugin } from './observability/metrics-plugin';
export { serveClusterMetrics } from './observability/cluster-metrics';
export { metricValue, parsePrometheusText, type PrometheusSample } from './observability/prometheus-text';
export { formatTraceparent, parseTraceparent, parseTracestate, requestTraceContext, type TraceContext } from './observability/trace-context';
export { tracingEnabled } from './observability/tracing-state';
export { tracingVariables } from './observability/tracing-environment';
export { detachedFromCaller } from './server/caller-scope';
export { createHttpServer, listen, closeServer, stopOnSignals, type Admission, type Readiness, type RequestInfo, type RouteHandler, type RouteInfo } from './server/http-server';
export { defineModule, defineSubgraph, type LoadersOf, type SubgraphDefinition, type SubgraphModule } from './subgraph/subgraph-definition';
export { startSubgraph, type RunningSubgraph, type SubgraphSettings } from './subgraph/start-subgraph';
export { readMigrationEnvironment, readSubgraphEnvironment } from './subgraph/subgraph-environment';
export { runMainOrMigrate, runSubgraphMain, runSubgraphProcess } from './subgraph/run-subgraph-process';
export { writeSchemaFile } from './subgraph/write-schema-file';
export { codeWithinPrefix } from './codes/code-range';
export { loaderByKey, loaderOfLists } from './loaders/keyed-loaders';
export { Granularity, truncUnit, periodLabel } from './reporting/granularity';
export { AuditEntry } from './audit/audit-entry.entity';
export { auditLogMigration } from './audit/audit-log.migration';
export { auditLogResolver } from './audit/audit-log.resolver';
export { AuditLogEntry, AuditLogEntryConnection, AuditLogFilter } from './audit/audit-log.types';
export { recordAudit } from './audit/record-audit';
export { defineTransitions, assertTransition, type Transitions } from './lifecycle/transitions';
export { auditedRead, auditedStatement, auditedWrite, found, type SingleStatementWrite } from './audit/audited-write';
export { scopedPageLoader, type ScopedPageKey, type ScopedListSpec } from './pagination/scoped-pages';
export { assertId } from './codes/ids';
export { maskName, maskPhone, maskIdNumber, personalValue, type PersonalKind } from './identity/masking';
export { numericColumn } from './database/numeric-column';
export { aggregatedOverScopes, createMonthSummary, dropMonthSummary, monthSummariesMigration, regionLevelSummariesMigration, streetMonthSummariesMigration, summaryTable, summedOverScopes, type MonthSummary, type ScopedAggregates } from './reporting/month-summary';
export { WRITER_STRIPES, writerStripesMigration, type TriggerKeptTable } from './reporting/writer-stripes';
export { createRegionMembers, dropRegionMembers, membersOverScopes, regionMembersMigration, type RegionMembers } from './reporting/region-members';
export { createMonthHistogram, dropMonthHistogram, histogramDaysMigration, histogramTables, medianOfCounted, medianOverScopes, monthHistogramsMigration, type MonthHistogram } from './reporting/month-histogram';
export { assertDecimal, type DecimalRule } from './validation/decimal';
export { readInput } from './validation/input-rule';
export { assertIdempotencyKey, assertText, assertOptionalText, codePoints, textRule } from './validation/text';
export { assertIntegerBetween, assertYear, integerRule, FIRST_YEAR, LAST_YEAR } from './validation/numbers';
export { assertIds, assertDistinct } from './validation/lists';
export { assertPhone, assertOptionalPhone, phoneRule } from './validation/phone';
export { assertIdCardNumber, idCardRule } from './validation/id-card';
export { assertYuan } from './validation/money';
export { assertDate, assertOptionalDate, assertInstant, dateRule, ANY_TIME, EARLIEST_DATE, LATEST_DATE, RECORD_TIMES, type DateOptions, type InstantRange } from './validation/dates';
export { readRankingFirst, DEFAULT_RANKING_SIZE, MAX_RANKING_SIZE } from './reporting/ranking';
export { readTrendWindow, MAX_TREND_YEARS, type TrendWindow } from './reporting/trend-window';
export { SCOPES, scopeParameters, withinScope } from './reporting/scopes';
export { queryOverScopes, type ScopeRow } from './reporting/scope-statements';
export {
  CHINA_TIME_ZONE,
  currentInstant,
  useClock,
  chinaDate,
  chinaToday,
  chinaYear,
  chinaMonth,
  chinaMidnight,
  isAfterChinaToday,
  addDays,
  addMonths,
  chinaDays,
  lastTwelveMonths,
  lastThirtyDays,
  thisYear,
  thisCalendarYear,
  lastMonth,
  periodStartDate,
  chinaPeriodStart,
  chinaPeriodSql,
  chinaInstantSql,
  chinaLocalSql,
  sqlDate,
  sqlInstant,
  type ChinaWindow,
  type PeriodUnit,
} from './time/china-time';
export { ratio, perThousand } from './reporting/rates';
export { FIGURE_BLOCK_SELECTION, FIGURE_PAGE_SELECTION, FigureBlock, FigureBlockRows, FigureBlockSamples, FigureMember, FigureMonth, FigurePage, FigureRow, FigureSample } from './statistics/figure-feed.types';
export { distributionBucket, distributionBucketSql, LONGER_THAN_A_YEAR } from './statistics/distribution-bucket';
export { figureBlockRowsSql, figureBlockSamplesSql, figureMembersSql, figureMonthsSql, figureRowsSql, figureSamplesSql, monthWindow, type CodeRange, type FigurePart, type FigureSource, type FigureTime, type MemberSource, type SampleSource } from './statistics/figure-feed.sql';
export { defineFigureFeed, readFigureBlock, readFigurePage, DEFAULT_FIGURE_PAGE_SIZE, MAX_BLOCK_MONTHS, MAX_BLOCK_ROWS, MAX_FIGURE_PAGE_SIZE, type FigureFeedDefinition } from './statistics/figure-feed.resolver';
