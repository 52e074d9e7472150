import type { FeatureContext } from './feature';
import type { TestHooks } from './testHooks';

/**
 * Returned by activate() only when AWS_HISTORY_TEST=1 (as Azure's extensions do), so integration tests
 * and the benchmark reach the real providers instead of module internals.
 */
export interface TestApi {
  readonly feature: FeatureContext;
  readonly activationMs: number;
  readonly hooks: TestHooks;
}

export function createTestApi(feature: FeatureContext, hooks: TestHooks, activationMs: number): TestApi {
  return { feature, activationMs, hooks };
}
