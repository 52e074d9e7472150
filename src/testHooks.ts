import type { ConfirmationRequest } from './actions/confirmAction';
import type { Execution } from './lambda/api';

/**
 * Switches only tests may flip. Made only when AWS_HISTORY_TEST=1 and reachable only through the
 * TestApi, so no command argument, setting or state can turn them on in a user's window.
 */
export class TestHooks {
  /** Answers Stop Execution's confirmation instead of the modal (tests check nothing is sent until it says yes). */
  confirmStop: ((execution: Execution) => Promise<boolean>) | undefined;
  /**
   * Answers every action confirmation (modal and typed name) instead of the user; tests assert on the request
   * (title, resources, account, region, CLI text) and check that nothing is sent until it says yes.
   */
  answerConfirmation: ((request: ConfirmationRequest) => Promise<boolean>) | undefined;
}
