export * from './generated/graphql';
export { graphql } from './generated/gql';
export { documentHash, request, ShequGraphQLError, type ShequClientOptions, type ShequGraphQLErrorEntry } from './request';
