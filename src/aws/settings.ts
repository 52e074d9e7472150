import * as vscode from 'vscode';
import { Setting, type ServiceKey } from '../constants';

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

export function lambdaAutoRefreshSeconds(): number {
  return section().get<number>(Setting.lambdaAutoRefreshSeconds, 10);
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
