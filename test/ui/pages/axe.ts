// axe-core (the npm package, pinned) run inside a details panel's page: the accessibility audit of issue 17.
import * as fs from 'node:fs';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';
import type { Frame } from 'playwright-core';

/** What fails the audit: the impacts axe ranks as blocking for users of assistive technology. */
export const blockingImpacts: readonly ImpactValue[] = ['serious', 'critical'];

/** WCAG 2.x A and AA plus axe's best practices; `color-contrast` is among them and follows the theme. */
const runOptions: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  resultTypes: ['violations'],
};

let source: string | undefined;

/**
 * Runs axe in `frame` and returns its violations. The script is evaluated through the DevTools protocol,
 * which the page's CSP (`default-src 'none'`, scripts by nonce) does not apply to; the page itself is
 * not changed to let it in.
 */
export async function axeViolations(frame: Frame): Promise<Result[]> {
  source ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await frame.evaluate(`${source};void 0`);
  const results = await frame.evaluate(
    (options) => (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe.run(document, options),
    runOptions,
  );
  return results.violations;
}

/** One line per failing node: rule, impact, the element and axe's summary of what is wrong. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? 'no impact'}): ${n.target.join(' ')} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`))
    .join('\n');
}
