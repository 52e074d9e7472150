import * as vscode from 'vscode';
import { refuseAction } from '../actions/confirmAction';
import { isNothing } from '../commands/commandArgs';
import type { FeatureContext } from '../feature';
import { dateInputHelp } from '../filters/dateInput';
import { askTime } from '../filters/timePrompt';
import type { PagedTreeProvider } from '../tree/pagedTreeProvider';
import { localDateTime, utcTime } from '../shared/format';
import { forLabel, forNotification } from '../util/plainText';
import { backtrackCluster, type DBCluster, type DBClusterBacktrack } from './api';
import { clusterDescription, clusterIdentifier } from './backtrackFormat';
import { BacktrackNode } from './backtrackNode';
import {
  backtrackOptions,
  backtrackPlan,
  backtrackWindowOf,
  timeBefore,
  validateBacktrackTime,
  type BacktrackRequest,
  type BacktrackWindow,
} from './backtrackPlan';
import type { BacktrackWatcher } from './backtrackWatch';
import { ClusterNode } from './clusterNode';
import { normalizeCluster, validateClusterIdentifier } from './validation';

/** The typed form (scripts, keybindings, tests): every prompt but the confirmation is skipped. */
export interface BacktrackArgument {
  readonly cluster: string;
  readonly backtrackTo: string;
  readonly force?: boolean;
  readonly useEarliestTime?: boolean;
}

/** Where a backtrack starts from: the cluster, and what is already known (a time from the timeline, a prefill). */
interface Start {
  readonly node: ClusterNode | undefined;
  readonly cluster: DBCluster;
  readonly time?: Date | undefined;
  readonly prefill?: { readonly time: Date; readonly label: string } | undefined;
  readonly options?: { readonly force: boolean; readonly useEarliestTime: boolean } | undefined;
}

/**
 * Backtrack Cluster…: time (validated in [EarliestBacktrackTime, now]), options, the typed-name confirmation,
 * then BacktrackDBCluster; the new backtrack goes first in the cluster's loaded list and is followed to its end.
 */
export class BacktrackCommand {
  constructor(
    private readonly ctx: FeatureContext,
    private readonly provider: PagedTreeProvider,
    private readonly watcher: BacktrackWatcher,
  ) {}

  /** The command: a row, a typed argument, or nothing (pick a loaded cluster). Returns the new backtrack. */
  async run(arg?: unknown): Promise<DBClusterBacktrack | undefined> {
    if (refuseAction(vscode.l10n.t('Backtrack Cluster'))) {
      return undefined;
    }
    const start = await this.startOf(arg);
    return start ? this.backtrack(start) : undefined;
  }

  /** A time chosen on a details panel's timeline: the target comes from the page, so it is checked here too. */
  async fromTimeline(node: ClusterNode, target: string): Promise<DBClusterBacktrack | undefined> {
    if (refuseAction(vscode.l10n.t('Backtrack Cluster'))) {
      return undefined;
    }
    const time = new Date(target);
    if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(target) || Number.isNaN(time.getTime())) {
      void vscode.window.showWarningMessage(forNotification(vscode.l10n.t('The chosen point is not a time; nothing was sent.')));
      return undefined;
    }
    if (!this.current(node)) {
      return undefined;
    }
    return this.backtrack({ node, cluster: node.item, time });
  }

  private current(node: ClusterNode): boolean {
    if (this.provider.contains(node)) {
      return true;
    }
    // A row of the previous connection (or of a list refreshed since): never act on it with the current identity.
    void vscode.window.showWarningMessage(
      forNotification(vscode.l10n.t('This row belongs to an earlier listing or AWS connection; refresh the view and try again.')),
    );
    return false;
  }

  private async startOf(arg: unknown): Promise<Start | undefined> {
    if (arg instanceof ClusterNode) {
      return this.current(arg) ? { node: arg, cluster: arg.item } : undefined;
    }
    if (arg instanceof BacktrackNode) {
      const before = timeBefore(arg.item);
      return this.current(arg.cluster)
        ? {
            node: arg.cluster,
            cluster: arg.cluster.item,
            prefill: before && { time: before, label: vscode.l10n.t('Just before backtrack {0}', arg.item.BacktrackIdentifier ?? '') },
          }
        : undefined;
    }
    if (isNothing(arg)) {
      return this.pickCluster();
    }
    return this.startOfArgument(arg);
  }

  /** The typed argument, checked by the same rules as the prompts before anything is sent. */
  private startOfArgument(arg: Partial<BacktrackArgument>): Start | undefined {
    const refuse = (problem: string): undefined => {
      void vscode.window.showErrorMessage(forNotification(vscode.l10n.t('Backtrack Cluster not run: {0}', problem)));
      return undefined;
    };
    if (arg.cluster === undefined || arg.backtrackTo === undefined) {
      return refuse(vscode.l10n.t('"cluster" and "backtrackTo" are required.'));
    }
    const problem = validateClusterIdentifier(arg.cluster);
    if (problem) {
      return refuse(problem);
    }
    const time = Date.parse(arg.backtrackTo);
    if (Number.isNaN(time)) {
      return refuse(vscode.l10n.t('"backtrackTo" is not an ISO 8601 time.'));
    }
    const id = normalizeCluster(arg.cluster);
    const node = this.loadedClusters().find((c) => c.identifier === id);
    if (!node) {
      return refuse(vscode.l10n.t('Cluster {0} is not loaded in the Aurora Backtracks view.', id));
    }
    return { node, cluster: node.item, time: new Date(time), options: { force: arg.force ?? false, useEarliestTime: arg.useEarliestTime ?? false } };
  }

  private loadedClusters(): ClusterNode[] {
    return this.provider.root.itemNodes.filter((n): n is ClusterNode => n instanceof ClusterNode);
  }

  /** From the palette: the loaded clusters that can backtrack. */
  private async pickCluster(): Promise<Start | undefined> {
    const clusters = this.loadedClusters().filter((c) => c.canBacktrack);
    if (clusters.length === 0) {
      void vscode.window.showInformationMessage(
        forNotification(
          vscode.l10n.t("No cluster that can backtrack is loaded. Open the Aurora Backtracks view, or use a cluster row's Backtrack Cluster… action."),
        ),
      );
      return undefined;
    }
    const chosen = await vscode.window.showQuickPick(
      clusters.map((node) => ({ label: forLabel(node.identifier), description: forLabel(clusterDescription(node.item)), node })),
      { title: vscode.l10n.t('Backtrack Cluster'), placeHolder: vscode.l10n.t('Pick the cluster to backtrack') },
    );
    return chosen ? { node: chosen.node, cluster: chosen.node.item } : undefined;
  }

  private async backtrack(start: Start): Promise<DBClusterBacktrack | undefined> {
    const cluster = clusterIdentifier(start.cluster);
    const opened = backtrackWindowOf(start.cluster, Date.now());
    if ('problem' in opened) {
      void vscode.window.showWarningMessage(forNotification(opened.problem));
      return undefined;
    }
    const refused = (problem: string | undefined): boolean => {
      if (problem) {
        void vscode.window.showWarningMessage(forNotification(vscode.l10n.t('Backtrack Cluster not run: {0}', problem)));
      }
      return problem !== undefined;
    };
    // A time given (timeline, argument) is checked before any prompt.
    if (start.time && refused(validateBacktrackTime(start.time, opened.window, start.options?.useEarliestTime))) {
      return undefined;
    }
    const time = start.time ?? (await this.askTime(cluster, opened.window, start.prefill));
    if (!time) {
      return undefined;
    }
    const options = start.options ?? (await this.askOptions(cluster, time));
    if (!options) {
      return undefined;
    }
    // Time passed while the prompts were open: check against now again.
    const now = Date.now();
    if (refused(validateBacktrackTime(time, { earliest: opened.window.earliest, latest: new Date(now) }, options.useEarliestTime))) {
      return undefined;
    }
    const request: BacktrackRequest = { cluster, backtrackTo: time, ...options };
    const connection = this.ctx.session.current;
    if (!(await this.ctx.confirm(backtrackPlan(request, now), connection))) {
      return undefined;
    }
    const created = await backtrackCluster(this.ctx.clients, request);
    if (start.node && created.BacktrackIdentifier) {
      start.node.upsertBacktrack(created);
      this.watcher.watch(start.node, created.BacktrackIdentifier);
    }
    void vscode.window.showInformationMessage(
      forNotification(
        vscode.l10n.t(
          'Backtrack of {0} to {1} requested ({2}). Its row follows it until it completes.',
          cluster,
          utcTime(created.BacktrackTo ?? time),
          created.Status ?? vscode.l10n.t('unknown status'),
        ),
      ),
    );
    return created;
  }

  /** Presets inside the window (and the prefill), or a typed time; invalid text cannot be accepted. */
  private async askTime(cluster: string, window: BacktrackWindow, prefill: Start['prefill']): Promise<Date | undefined> {
    const now = window.latest.getTime();
    const presets = [
      ...(prefill ? [{ label: prefill.label, time: prefill.time }] : []),
      { label: vscode.l10n.t('5 minutes ago'), time: new Date(now - 5 * 60_000) },
      { label: vscode.l10n.t('15 minutes ago'), time: new Date(now - 15 * 60_000) },
      { label: vscode.l10n.t('1 hour ago'), time: new Date(now - 3_600_000) },
      { label: vscode.l10n.t('Earliest backtrack time'), time: window.earliest },
    ].filter((p) => !validateBacktrackTime(p.time, window));
    const title = vscode.l10n.t('Backtrack {0} to…', cluster);
    const window2 = vscode.l10n.t('Backtrack window: {0} to now ({1})', localDateTime(window.earliest), localDateTime(window.latest));
    const enter = { label: `$(edit) ${vscode.l10n.t('Enter a time…')}`, description: dateInputHelp(), time: undefined };
    const chosen = await vscode.window.showQuickPick(
      [enter, ...presets.map((p) => ({ label: forLabel(p.label), description: `${localDateTime(p.time)} · ${utcTime(p.time)}`, time: p.time }))],
      { title, placeHolder: window2, ignoreFocusOut: true },
    );
    if (!chosen) {
      return undefined;
    }
    if (chosen.time) {
      return chosen.time;
    }
    return askTime({
      title,
      prompt: `${window2}. ${dateInputHelp()}.`,
      value: prefill ? prefill.time.toISOString() : '',
      problemOf: (date) => validateBacktrackTime(date, { earliest: window.earliest, latest: new Date() }),
    });
  }

  /** Force and "use earliest time", each with what it does; none picked is the usual answer. */
  private async askOptions(cluster: string, time: Date): Promise<{ force: boolean; useEarliestTime: boolean } | undefined> {
    const chosen = await vscode.window.showQuickPick(
      backtrackOptions().map((o) => ({ label: o.label, detail: o.detail, key: o.key })),
      {
        title: vscode.l10n.t('Backtrack {0} to {1}: options', cluster, utcTime(time)),
        placeHolder: vscode.l10n.t('Options (usually none): press Enter to continue'),
        canPickMany: true,
        ignoreFocusOut: true,
      },
    );
    if (!chosen) {
      return undefined;
    }
    return { force: chosen.some((c) => c.key === 'force'), useEarliestTime: chosen.some((c) => c.key === 'useEarliestTime') };
  }
}
