// Runtime chunk: see core.ts.
export { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
