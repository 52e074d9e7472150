/** Matches an element's whole text, ignoring surrounding spaces (icons leave a leading one). */
export function exactText(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}
