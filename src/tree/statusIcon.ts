import * as vscode from 'vscode';
import type { StatusLook } from '../util/statusMap';

/** Made once per look: ThemeIcons are immutable, so every row of a status shares one. */
const icons = new Map<string, vscode.ThemeIcon>();

/** A status look (src/util/statusMap.ts) as a tree row's icon. */
export function statusIcon(look: StatusLook): vscode.ThemeIcon {
  const key = `${look.icon}|${look.color ?? ''}`;
  let icon = icons.get(key);
  if (!icon) {
    icon = look.color ? new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color)) : new vscode.ThemeIcon(look.icon);
    icons.set(key, icon);
  }
  return icon;
}
