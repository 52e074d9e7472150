import type { ConfirmationRequest } from './actions/confirmAction';
import type { FeatureContext } from './feature';

/**
 * Switches only tests may flip. Made only when AWS_HISTORY_TEST=1 and reachable only through the
 * TestApi, so no command argument, setting or state can turn them on in a user's window.
 */
export class TestHooks {
  /**
   * Answers every action confirmation (modal and typed name) instead of the user; tests assert on the request
   * (title, resources, account, region, CLI text) and check that nothing is sent until it says yes.
   */
  answerConfirmation: ((request: ConfirmationRequest) => Promise<boolean>) | undefined;
}

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
