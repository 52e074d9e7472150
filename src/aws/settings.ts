import * as vscode from 'vscode';
import { Setting } from '../constants';
import { clientKeys, type ClientKey } from './clientTable';
import { guardedSettings, resolveSetting, type Decision, type GuardedSetting, type IgnoredValue, type ResolvedSetting } from './settingApproval';
import { defaultHistoryLoadAllLimit, isAwsEndpoint, settingProblem, settingIsValid, type CheckedSetting } from './settingRules';

/** Endpoint overrides per SDK client (the keys of the clients table). */
export type Endpoints = Partial<Record<ClientKey, string>>;

/**
 * What the settings say, read once and kept until they can have changed: every request asked the
 * configuration several times (about 0.6 ms of a 4 ms first page went to `inspect`). The listeners below are
 * registered when the bundle loads, before any other, so no handler of a change reads the old values.
 */
let config: vscode.WorkspaceConfiguration | undefined;
const guarded = new Map<GuardedSetting, ResolvedSetting>();
let invalid: { error: InvalidSettingError | undefined } | undefined;

/** Drops what was read: the settings, the workspace's trust or a decision on a workspace value changed. */
export function forgetSettings(): void {
  config = undefined;
  guarded.clear();
  invalid = undefined;
}

vscode.workspace.onDidChangeConfiguration(forgetSettings);
vscode.workspace.onDidGrantWorkspaceTrust(forgetSettings);

function section(): vscode.WorkspaceConfiguration {
  config ??= vscode.workspace.getConfiguration(Setting.section);
  return config;
}

/** Decisions the user took on workspace values (see WorkspaceSettingApprovals); none until activation. */
let decisions: (id: string) => Decision | undefined = () => undefined;

export function useWorkspaceDecisions(lookup: (id: string) => Decision | undefined): void {
  decisions = lookup;
  forgetSettings();
}

/** A setting that picks the endpoint or identity, with workspace values only where approved. */
export function guardedSetting(key: GuardedSetting): ResolvedSetting {
  let resolved = guarded.get(key);
  if (!resolved) {
    const layers = section().inspect<unknown>(key) ?? {};
    resolved = resolveSetting(key, layers, section().get<unknown>(key), vscode.workspace.isTrusted, decisions);
    guarded.set(key, resolved);
  }
  return resolved;
}

/** Workspace values of the guarded settings that are not in use. */
export function ignoredWorkspaceValues(): IgnoredValue[] {
  return guardedSettings.flatMap((key) => guardedSetting(key).ignored);
}

/**
 * Workspace values still waiting for the user's answer. While one is, the connection in use may not be the
 * one the workspace means (its endpoint or profile is not applied), so actions that change AWS stay off.
 */
export function undecidedWorkspaceValues(): IgnoredValue[] {
  return ignoredWorkspaceValues().filter((value) => decisions(value.id) === undefined);
}

function guardedString(key: 'profile' | 'region'): string {
  const value = guardedSetting(key).value;
  return typeof value === 'string' ? value.trim() : '';
}

export function configuredProfile(): string {
  return guardedString(Setting.profile);
}

export function configuredRegion(): string {
  return guardedString(Setting.region);
}

export function configuredEndpoints(): Endpoints {
  const value = guardedSetting(Setting.endpoints).value;
  return typeof value === 'object' && value !== null ? value : {};
}

/**
 * Endpoints in use that are not AWS's own, per service: the setting, else AWS_ENDPOINT_URL_<SERVICE>,
 * else AWS_ENDPOINT_URL (a profile's `endpoint_url` is left to the SDK and not listed).
 */
export function customEndpoints(env: NodeJS.ProcessEnv = process.env): Endpoints {
  const configured = configuredEndpoints();
  const inUse: Endpoints = {};
  for (const service of clientKeys) {
    const url = configured[service] || env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`] || env.AWS_ENDPOINT_URL;
    if (url && !isAwsEndpoint(url)) {
      inUse[service] = url;
    }
  }
  return inUse;
}

export function pageSize(): number {
  return section().get<number>(Setting.pageSize, 50);
}

export function requestTimeoutMs(): number {
  return section().get<number>(Setting.requestTimeoutSeconds, 30) * 1000;
}

/** 0 (off) when the setting breaks its rule: a NaN or fractional interval would poll AWS in a loop. */
export function lambdaAutoRefreshSeconds(): number {
  const value = section().get<unknown>(Setting.lambdaAutoRefreshSeconds, 10);
  return settingIsValid('lambda.autoRefreshSeconds', value) ? (value as number) : 0;
}

/** Events "Load all" stops at in a details panel; the default when the setting breaks its rule. */
export function lambdaHistoryLoadAllLimit(): number {
  const value = section().get<unknown>(Setting.lambdaHistoryLoadAllLimit, defaultHistoryLoadAllLimit);
  return settingIsValid('lambda.historyLoadAllLimit', value) ? (value as number) : defaultHistoryLoadAllLimit;
}

/** Thrown before any request while a setting that shapes requests breaks its rule. */
export class InvalidSettingError extends Error {
  override readonly name = 'InvalidSettingError';
  constructor(
    readonly key: CheckedSetting,
    message: string,
  ) {
    super(message);
  }
}

/** The settings every request depends on: profile, region, endpoints, page size and timeout. */
const requestSettings: readonly CheckedSetting[] = ['profile', 'region', 'endpoints', 'pageSize', 'requestTimeoutSeconds'];

export function invalidRequestSetting(): InvalidSettingError | undefined {
  if (!invalid) {
    const read = (key: CheckedSetting): unknown =>
      (guardedSettings as readonly string[]).includes(key) ? guardedSetting(key as GuardedSetting).value : section().get<unknown>(key);
    const problem = settingProblem(read, requestSettings);
    invalid = { error: problem ? new InvalidSettingError(problem.key, problem.message) : undefined };
  }
  return invalid.error;
}

/** The autoRefreshSeconds problem, for the warning shown when the setting changes. */
export function autoRefreshProblem(): string | undefined {
  const config = section();
  return settingProblem((key) => config.get<unknown>(key), ['lambda.autoRefreshSeconds'])?.message;
}

export async function updateSetting(key: string, value: unknown): Promise<void> {
  await section().update(key, value, vscode.ConfigurationTarget.Global);
}

/** True when the change touches a guarded setting (a workspace value may need approval). */
export function affectsGuardedSetting(event: vscode.ConfigurationChangeEvent): boolean {
  return guardedSettings.some((key) => event.affectsConfiguration(`${Setting.section}.${key}`));
}

/** True when the change touches a setting that changes which AWS endpoint or identity we talk to. */
export function affectsConnection(event: vscode.ConfigurationChangeEvent): boolean {
  return [Setting.profile, Setting.region, Setting.endpoints, Setting.requestTimeoutSeconds].some((key) =>
    event.affectsConfiguration(`${Setting.section}.${key}`),
  );
}
