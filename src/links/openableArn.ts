/**
 * The ARNs Open ARN… and links accept: parsed by the one ARN module (src/aws/arn.ts), plus the `/BACKTRACK_ID`
 * suffix Open ARN… takes after a cluster ARN.
 * Pure: no `vscode`, unit-tested. Everything here is untrusted text (pasted, or from a link).
 */
import * as l10n from '@vscode/l10n';
import { formatResourceArn, parseArnOfKind, parseResourceArn, type RdsClusterArn } from '../aws/arn';

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
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  if (text.length === 0 || text.length > maxLength || /[\s\p{Cc}]/u.test(text)) {
    return refuse();
  }
  const backtrack = backtrackOf(text);
  const parsed = backtrack?.cluster ?? parseResourceArn(text);
  if (!parsed) {
    return refuse();
  }
  const base = { text, partition: parsed.partition, region: parsed.region, account: parsed.account };
  switch (parsed.kind) {
    case 'dynamodbBackup':
      return { ...base, kind: 'backup', arn: text, name: parsed.table, item: parsed.backupId };
    case 'rdsCluster':
      return { ...base, kind: 'cluster', arn: formatResourceArn(parsed), name: parsed.cluster, item: backtrack?.backtrackId };
    case 'lambdaDurableExecution':
      return { ...base, kind: 'execution', arn: text, name: parsed.functionName, item: parsed.executionName };
    case 'lambdaFunction':
      return { ...base, kind: 'function', arn: text, name: parsed.functionName };
    case 'dynamodbTable':
      return refuse();
  }
}

/** `CLUSTER_ARN/BACKTRACK_ID`: Open ARN…'s own form for a backtrack, which has no ARN of its own. */
function backtrackOf(text: string): { cluster: RdsClusterArn; backtrackId: string } | undefined {
  const slash = text.lastIndexOf('/');
  const cluster = slash > 0 ? parseArnOfKind(text.slice(0, slash), 'rdsCluster') : undefined;
  const backtrackId = text.slice(slash + 1);
  return cluster && uuid.test(backtrackId) ? { cluster, backtrackId } : undefined;
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
