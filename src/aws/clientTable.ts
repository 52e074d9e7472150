import type * as DynamoDbChunk from './sdk/dynamodb';
import type * as LambdaChunk from './sdk/lambda';
import type * as RdsChunk from './sdk/rds';
import type * as StsChunk from './sdk/sts';

/** What every client is built with (region, credentials, endpoint, timeouts), as the SDK clients take it. */
export type ClientConfig = NonNullable<ConstructorParameters<typeof DynamoDbChunk.DynamoDBClient>[0]> &
  NonNullable<ConstructorParameters<typeof StsChunk.STSClient>[0]>;

/**
 * One row per AWS SDK client: how its chunk is loaded on first use and how the client is built. A view is
 * not a client (several views may share one, a client such as STS has no view): views have their own keys.
 * The `awsHistory.endpoints` setting's keys are this table's keys (a unit test holds package.json to it).
 */
/*
 * The SDK lives in separately built chunks (dist/sdk/*.js) that are required here on first use. A static
 * import would pull megabytes into activation; esbuild keeps these requires as they are.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy chunk loading, see above */
export const clientTable = {
  dynamodb: {
    load: () => require('./sdk/dynamodb') as typeof DynamoDbChunk,
    create: (sdk: typeof DynamoDbChunk, config: ClientConfig) => new sdk.DynamoDBClient(config),
  },
  rds: {
    load: () => require('./sdk/rds') as typeof RdsChunk,
    create: (sdk: typeof RdsChunk, config: ClientConfig) => new sdk.RDSClient(config),
  },
  lambda: {
    load: () => require('./sdk/lambda') as typeof LambdaChunk,
    create: (sdk: typeof LambdaChunk, config: ClientConfig) => new sdk.LambdaClient(config),
  },
  sts: {
    load: () => require('./sdk/sts') as typeof StsChunk,
    create: (sdk: typeof StsChunk, config: ClientConfig) => new sdk.STSClient(config),
  },
} as const;
/* eslint-enable @typescript-eslint/no-require-imports */

export type ClientKey = keyof typeof clientTable;
export const clientKeys = Object.keys(clientTable) as readonly ClientKey[];
export type SdkOf<K extends ClientKey> = ReturnType<(typeof clientTable)[K]['load']>;
export type ClientOf<K extends ClientKey> = ReturnType<(typeof clientTable)[K]['create']>;
