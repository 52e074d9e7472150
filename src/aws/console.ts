/** AWS Console links for a region (commercial, China and GovCloud partitions differ in host). */
export function consoleUrl(region: string, path: string, fragment: string): string {
  const base = region.startsWith('cn-')
    ? `https://${region}.console.amazonaws.cn`
    : region.startsWith('us-gov-')
      ? 'https://console.amazonaws-us-gov.com'
      : `https://${region}.console.aws.amazon.com`;
  return `${base}/${path}?region=${encodeURIComponent(region)}#${fragment}`;
}
