/** AWS Console links: built with `new URL`, and only ever to the console hosts of the three partitions. */
import { isRegionCode } from './settingRules';

/** The hosts Open in AWS Console may open (commercial, China, GovCloud); nothing else is ever opened. */
export function isConsoleUrl(url: URL): boolean {
  const host = url.hostname;
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    (/^[a-z0-9-]+\.console\.aws\.amazon\.com$/.test(host) || /^[a-z0-9-]+\.console\.amazonaws\.cn$/.test(host) || host === 'console.amazonaws-us-gov.com')
  );
}

/**
 * The console page for `path` in `region`, or undefined when the region breaks the region rule or the
 * result is not a console URL (the fragment and path come from AWS names, so the result is checked too).
 */
export function consoleUrl(region: string, path: string, fragment: string): URL | undefined {
  if (!isRegionCode(region)) {
    return undefined;
  }
  const origin = region.startsWith('cn-')
    ? `https://${region}.console.amazonaws.cn`
    : region.startsWith('us-gov-')
      ? 'https://console.amazonaws-us-gov.com'
      : `https://${region}.console.aws.amazon.com`;
  const url = new URL(origin);
  url.pathname = `/${path}`;
  url.searchParams.set('region', region);
  url.hash = fragment;
  return isConsoleUrl(url) ? url : undefined;
}
