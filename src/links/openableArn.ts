/**
 * The ARNs Open ARN… and links accept, parsed and validated in this one place (on @aws-sdk/util-arn-parser).
 * Pure: no `vscode`, unit-tested. Everything here is untrusted text (pasted, or from a link).
 */
import * as l10n from '@vscode/l10n';
import { parse, validate } from '@aws-sdk/util-arn-parser';

export type OpenableKind = 'backup' | 'cluster' | 'execution' | 'function';

export interface OpenableArn {
  readonly kind: OpenableKind;
  /** The ARN as given (trimmed); for a cluster with a backtrack, `CLUSTER_ARN/BACKTRACK_ID`. */
  readonly text: string;
  /** The resource's own ARN (the cluster's for a backtrack). */
  readonly arn: string;
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  /** Table name (backup), cluster identifier, or function name. */
  readonly name: string;
  /** Backup id, backtrack identifier, or execution name. */
  readonly item?: string | undefined;
}

/** Longer than any real ARN of these kinds; anything longer is refused without a look inside. */
const maxLength = 1024;
const partitions = new Set(['aws', 'aws-cn', 'aws-us-gov']);
const regionCode = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const accountId = /^\d{12}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const backupResource = /^table\/([A-Za-z0-9_.-]{3,255})\/backup\/([0-9]{14,17}-[0-9a-f]{8})$/;
const clusterResource = /^cluster:([a-z][a-z0-9-]{0,62})(?:\/([^/]+))?$/;
const functionResource = /^function:([A-Za-z0-9_-]{1,64})(?::(\$LATEST|[A-Za-z0-9_-]{1,128}))?$/;
const executionResource = /^function:([A-Za-z0-9_-]{1,64})(?::(\$LATEST(?:\.PUBLISHED)?|[A-Za-z0-9_-]{1,128}))?\/durable-execution\/([A-Za-z0-9_-]{1,64})\/([A-Za-z0-9_-]{1,64})$/;

/** What Open ARN… takes, for its prompt and its refusals. */
export function openableArnRule(): string {
  return l10n.t(
    'A DynamoDB backup ARN, an Aurora DB cluster ARN (optionally followed by /BACKTRACK_ID), a Lambda durable execution ARN or a Lambda function ARN.',
  );
}

/** The parsed ARN, or why it is not one Open ARN… can open (no request is ever made for such text). */
export function parseOpenableArn(input: string): OpenableArn | { problem: string } {
  const text = input.trim();
  const refuse = (): { problem: string } => ({ problem: l10n.t('Not an ARN this extension opens. {0}', openableArnRule()) });
  // Control characters, spaces and over-long text are never part of these ARNs.
  if (text.length === 0 || text.length > maxLength || /[\s\p{Cc}]/u.test(text) || !validate(text)) {
    return refuse();
  }
  const { partition, service, region, accountId: account, resource } = parse(text);
  if (!partitions.has(partition) || !regionCode.test(region) || !accountId.test(account)) {
    return refuse();
  }
  const base = { text, partition, region, account };
  if (service === 'dynamodb') {
    const m = backupResource.exec(resource);
    return m ? { ...base, kind: 'backup', arn: text, name: m[1], item: m[2] } : refuse();
  }
  if (service === 'rds') {
    const m = clusterResource.exec(resource);
    if (!m || (m[2] !== undefined && !uuid.test(m[2]))) {
      return refuse();
    }
    const arn = `arn:${partition}:rds:${region}:${account}:cluster:${m[1]}`;
    return { ...base, kind: 'cluster', arn, name: m[1], item: m[2] };
  }
  if (service === 'lambda') {
    const execution = executionResource.exec(resource);
    if (execution) {
      return { ...base, kind: 'execution', arn: text, name: execution[1], item: execution[3] };
    }
    const fn = functionResource.exec(resource);
    return fn ? { ...base, kind: 'function', arn: text, name: fn[1] } : refuse();
  }
  return refuse();
}

/** The input box's check: undefined when `text` parses. */
export function openableArnProblem(text: string): string | undefined {
  const parsed = parseOpenableArn(text);
  return 'problem' in parsed ? parsed.problem : undefined;
}

/** `<scheme>://<extension id>/open?arn=…`: what Copy Link copies and the URI handler opens. */
export function linkFor(scheme: string, extensionId: string, arn: string): string {
  return `${scheme}://${extensionId}/open?arn=${encodeURIComponent(arn)}`;
}

/**
 * The ARN a link asks to open, or why the link is refused. Only `/open` with exactly one `arn` parameter is
 * accepted: any other path or parameter (an action, a command) is refused, never ignored into doing more.
 */
export function arnOfLink(link: { authority: string; path: string; query: string; fragment: string }, extensionId: string): string | { problem: string } {
  const refuse = { problem: l10n.t('This link is not an AWS History Explorer link (expected …/open?arn=ARN).') };
  if (link.authority.toLowerCase() !== extensionId.toLowerCase() || link.path !== '/open' || link.fragment !== '' || link.query.length > maxLength * 4) {
    return refuse;
  }
  const params = [...new URLSearchParams(link.query)];
  if (params.length !== 1 || params[0][0] !== 'arn') {
    return refuse;
  }
  return params[0][1];
}
