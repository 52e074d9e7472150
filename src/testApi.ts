import type * as vscode from 'vscode';
import type { FeatureContext } from './feature';
import type { TestHooks } from './testHooks';

/**
 * Returned by activate() only when AWS_HISTORY_TEST=1 (as Azure's extensions do), so integration tests
 * and the benchmark reach the real providers instead of module internals.
 */
export interface TestApi {
  readonly feature: FeatureContext;
  /** The `…/open?arn=` URI handler, so tests open links without a browser round trip. */
  readonly links: vscode.UriHandler;
  readonly activationMs: number;
  readonly hooks: TestHooks;
}

export function createTestApi(feature: FeatureContext, hooks: TestHooks, activationMs: number, links: vscode.UriHandler): TestApi {
  return { feature, activationMs, hooks, links };
}
