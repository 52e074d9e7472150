import * as vscode from 'vscode';
import { Setting, type ServiceKey } from '../constants';
import { defaultHistoryLoadAllLimit, settingProblem, settingIsValid, type CheckedSetting } from './settingRules';

export type Endpoints = Partial<Record<ServiceKey, string>>;

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(Setting.section);
}

export function configuredProfile(): string {
  return section().get<string>(Setting.profile, '').trim();
}

export function configuredRegion(): string {
  return section().get<string>(Setting.region, '').trim();
}

export function configuredEndpoints(): Endpoints {
  return section().get<Endpoints>(Setting.endpoints, {});
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
  const config = section();
  const problem = settingProblem((key) => config.get<unknown>(key), requestSettings);
  return problem ? new InvalidSettingError(problem.key, problem.message) : undefined;
}

/** The autoRefreshSeconds problem, for the warning shown when the setting changes. */
export function autoRefreshProblem(): string | undefined {
  const config = section();
  return settingProblem((key) => config.get<unknown>(key), ['lambda.autoRefreshSeconds'])?.message;
}

export async function updateSetting(key: string, value: unknown): Promise<void> {
  await section().update(key, value, vscode.ConfigurationTarget.Global);
}

/** True when the change touches a setting that changes which AWS endpoint or identity we talk to. */
export function affectsConnection(event: vscode.ConfigurationChangeEvent): boolean {
  return [Setting.profile, Setting.region, Setting.endpoints, Setting.requestTimeoutSeconds].some((key) =>
    event.affectsConfiguration(`${Setting.section}.${key}`),
  );
}
