import type { PageMessage } from '../shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): unknown;
}

// Injected by VS Code into every webview; may be called only once per page load.
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

/** The only way the page talks to the host: typed here, validated again by the host (`parsePageMessage`). */
export function post(message: PageMessage): void {
  api.postMessage(message);
}

export function getSavedState(): unknown {
  return api.getState();
}

export function setSavedState(state: unknown): void {
  api.setState(state);
}
