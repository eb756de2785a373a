// What other packages may run inside their own Hive Gateway without loading this package's whole configuration (the
// benchmark's peer signs its subgraph requests with it); the configuration itself is `@shequ/routers/hive-gateway/config`.
export { readHiveGatewayEnvironment, DEFAULT_MAX_COST, type HiveGatewaySettings } from './hive-gateway/environment';
export { gatewayRequestIds, signedSubgraphRequests } from './hive-gateway/subgraph-requests';
export { persistedDocumentsOptions, readTrustedDocuments, type TrustedDocuments } from './hive-gateway/trusted-documents';
