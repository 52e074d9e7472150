/**
 * The one place ARNs are parsed, checked and built. Text from a user, a command argument or AWS is
 * parsed with `@aws-sdk/util-arn-parser` (the SDK's own splitter, a few hundred bytes, no client code)
 * and then matched against the resource forms this extension knows. Pure: unit-tested without VS Code.
 */
import { build, parse, validate } from '@aws-sdk/util-arn-parser';
import { isRegionCode } from './settingRules';

interface ArnBase {
  /** `aws`, `aws-cn`, `aws-us-gov`, … */
  readonly partition: string;
  readonly region: string;
  /** Twelve digits. */
  readonly account: string;
}

export interface DynamoDbTableArn extends ArnBase {
  readonly kind: 'dynamodbTable';
  readonly table: string;
}

export interface DynamoDbBackupArn extends ArnBase {
  readonly kind: 'dynamodbBackup';
  readonly table: string;
  /** e.g. `01489602797149-73d8d5bc`. */
  readonly backupId: string;
}

export interface RdsClusterArn extends ArnBase {
  readonly kind: 'rdsCluster';
  readonly cluster: string;
}

export interface LambdaFunctionArn extends ArnBase {
  readonly kind: 'lambdaFunction';
  readonly functionName: string;
  /** A version, an alias, `$LATEST` or `$LATEST.PUBLISHED`; undefined for an unqualified ARN. */
  readonly qualifier: string | undefined;
}

export interface DurableExecutionArn extends ArnBase {
  readonly kind: 'lambdaDurableExecution';
  readonly functionName: string;
  /** `$LATEST`, `$LATEST.PUBLISHED` or a version number (AWS always sends one). */
  readonly qualifier: string | undefined;
  readonly executionName: string;
  readonly executionId: string;
}

export type ResourceArn = DynamoDbTableArn | DynamoDbBackupArn | RdsClusterArn | LambdaFunctionArn | DurableExecutionArn;
export type ResourceArnKind = ResourceArn['kind'];

/** The longest ARN any of these services accepts. */
const maxArnLength = 1024;
const partitionPattern = /^aws(-[a-z]+)*$/;
const accountPattern = /^\d{12}$/;
const tablePattern = /^[a-zA-Z0-9_.-]{3,255}$/;
const backupIdPattern = /^[0-9]{14}-[0-9a-f]{8}$/;
// A function name is at most 64 characters (the 140 of the API's FunctionName parameter counts a whole ARN).
const functionNamePattern = /^[a-zA-Z0-9_.-]{1,64}$/;
const qualifierPattern = /^(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9_-]{1,128})$/;
const executionNamePattern = /^[a-zA-Z0-9_-]{1,64}$/;
const executionIdPattern = /^[a-zA-Z0-9_.-]{1,128}$/;

/**
 * A DB cluster identifier as AWS validates it: 1–63 letters, digits or hyphens, first a letter, no
 * trailing hyphen, no `--`. The RDS filter states which rule broke; here only the verdict matters.
 */
export function isClusterIdentifier(text: string): boolean {
  return text.length <= 63 && /^[a-z][a-z0-9-]*$/i.test(text) && !text.endsWith('-') && !text.includes('--');
}

export function isTableName(text: string): boolean {
  return tablePattern.test(text);
}

/** True when the text is an ARN at all (`arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`), known kind or not. */
export function isArnSyntax(text: string): boolean {
  return text.length <= maxArnLength && validate(text);
}

/** The resource the ARN names, or undefined when it is not one of the kinds above (or not an ARN). */
export function parseResourceArn(text: string): ResourceArn | undefined {
  const value = text.trim();
  if (!isArnSyntax(value)) {
    return undefined;
  }
  const { partition, service, region, accountId: account, resource } = parse(value);
  if (!partitionPattern.test(partition) || !isRegionCode(region) || !accountPattern.test(account)) {
    return undefined;
  }
  const base = { partition, region, account };
  switch (service) {
    case 'dynamodb':
      return dynamoDbResource(base, resource);
    case 'rds':
      return rdsResource(base, resource);
    case 'lambda':
      return lambdaResource(base, resource);
    default:
      return undefined;
  }
}

/** The ARN if it is of `kind`, else undefined. */
export function parseArnOfKind<K extends ResourceArnKind>(text: string, kind: K): Extract<ResourceArn, { kind: K }> | undefined {
  const arn = parseResourceArn(text);
  return arn?.kind === kind ? (arn as Extract<ResourceArn, { kind: K }>) : undefined;
}

function dynamoDbResource(base: ArnBase, resource: string): DynamoDbTableArn | DynamoDbBackupArn | undefined {
  const parts = resource.split('/');
  if (parts[0] !== 'table' || !isTableName(parts[1] ?? '')) {
    return undefined;
  }
  if (parts.length === 2) {
    return { kind: 'dynamodbTable', ...base, table: parts[1] };
  }
  if (parts.length === 4 && parts[2] === 'backup' && backupIdPattern.test(parts[3])) {
    return { kind: 'dynamodbBackup', ...base, table: parts[1], backupId: parts[3] };
  }
  return undefined;
}

function rdsResource(base: ArnBase, resource: string): RdsClusterArn | undefined {
  const match = /^cluster:(.+)$/.exec(resource);
  return match && isClusterIdentifier(match[1]) ? { kind: 'rdsCluster', ...base, cluster: match[1] } : undefined;
}

function lambdaResource(base: ArnBase, resource: string): LambdaFunctionArn | DurableExecutionArn | undefined {
  const [fn, ...execution] = resource.split('/');
  const [type, functionName = '', qualifier, ...rest] = fn.split(':');
  if (type !== 'function' || rest.length > 0 || !functionNamePattern.test(functionName) || (qualifier !== undefined && !qualifierPattern.test(qualifier))) {
    return undefined;
  }
  if (execution.length === 0) {
    return { kind: 'lambdaFunction', ...base, functionName, qualifier };
  }
  const [marker, executionName = '', executionId = '', ...more] = execution;
  if (marker !== 'durable-execution' || more.length > 0 || !executionNamePattern.test(executionName) || !executionIdPattern.test(executionId)) {
    return undefined;
  }
  return { kind: 'lambdaDurableExecution', ...base, functionName, qualifier, executionName, executionId };
}

type Location = Pick<ArnBase, 'region' | 'account'> & { readonly partition?: string };

function arn(location: Location, service: string, resource: string): string {
  return build({ partition: location.partition ?? 'aws', service, region: location.region, accountId: location.account, resource });
}

export function formatTableArn(location: Location, table: string): string {
  return arn(location, 'dynamodb', `table/${table}`);
}

export function formatBackupArn(location: Location, table: string, backupId: string): string {
  return arn(location, 'dynamodb', `table/${table}/backup/${backupId}`);
}

export function formatClusterArn(location: Location, cluster: string): string {
  return arn(location, 'rds', `cluster:${cluster}`);
}

export function formatFunctionArn(location: Location, functionName: string, qualifier?: string): string {
  return arn(location, 'lambda', `function:${functionName}${qualifier ? `:${qualifier}` : ''}`);
}

export function formatDurableExecutionArn(
  location: Location,
  functionName: string,
  qualifier: string | undefined,
  executionName: string,
  executionId: string,
): string {
  return `${formatFunctionArn(location, functionName, qualifier)}/durable-execution/${executionName}/${executionId}`;
}

/** Any known ARN back to text (parse, then format, gives the same ARN). */
export function formatResourceArn(value: ResourceArn): string {
  switch (value.kind) {
    case 'dynamodbTable':
      return formatTableArn(value, value.table);
    case 'dynamodbBackup':
      return formatBackupArn(value, value.table, value.backupId);
    case 'rdsCluster':
      return formatClusterArn(value, value.cluster);
    case 'lambdaFunction':
      return formatFunctionArn(value, value.functionName, value.qualifier);
    case 'lambdaDurableExecution':
      return formatDurableExecutionArn(value, value.functionName, value.qualifier, value.executionName, value.executionId);
  }
}
