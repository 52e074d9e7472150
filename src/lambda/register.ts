import * as vscode from 'vscode';
import { Command, ContextKey, ViewId } from '../constants';
import { configuredEndpoints, lambdaAutoRefreshSeconds, lambdaHistoryLoadAllLimit, pageSize } from '../aws/settings';
import { filterArgumentOf, filtersArgument, instanceOf, optional, selection, titleBarArgument } from '../commands/commandArgs';
import { registerCommand } from '../commands/registerCommand';
import { registerCopyCommand } from '../commands/treeCommands';
import { refuseAction } from '../actions/confirmAction';
import type { FeatureContext } from '../feature';
import { FilterStore } from '../filters/filterStore';
import type { ListSource } from '../tree/listSource';
import type { PagedChildren } from '../tree/pagedChildren';
import type { Connection } from '../aws/session';
import { perConnection } from '../tree/connectionScope';
import { revealItem } from '../links/openArn';
import { PagedTreeProvider } from '../tree/pagedTreeProvider';
import { forLabel, forNotification } from '../util/plainText';
import {
  getExecution,
  listExecutionsPage,
  listFunctionsPage,
  stopExecution,
  toExecution,
  type Execution,
  type FunctionConfiguration,
} from './api';
import { ExecutionAutoRefresh } from './autoRefresh';
import type * as ExecutionDetails from './executionDetails';
import { lazyDetails } from '../webview/detailPanel';
import { stopConfirmation } from './executionFormat';
import { ExecutionNode } from './executionNode';
import { ExecutionOrderSemantics, fetchInOrder } from './executionOrder';
import { runExecutionFilterCommand } from './filterCommand';
import { executionFilterSpec, orderLabel, type ExecutionFilters, type ExecutionOrder } from './filters';
import { FunctionNode } from './functionNode';
import { clampExecutionPageSize, clampFunctionPageSize } from './validation';

const showAllKey = 'awsHistory.lambda.showAll';
const reverseOrderFlippedKey = 'awsHistory.lambda.reverseOrderFlipped';

/** The modal that must say yes before StopDurableExecution is sent, from the tree and from the panel alike. */
async function confirmStopModal(execution: Execution): Promise<boolean> {
  const { message, detail, button } = stopConfirmation(execution);
  const choice = await vscode.window.showWarningMessage(forNotification(message), { modal: true, detail }, button);
  return choice === button;
}

/** The "Lambda Durable Executions" view: functions, their executions, filters, details, Stop. */
export function registerLambda(ctx: FeatureContext): PagedTreeProvider {
  const state = ctx.extension.workspaceState;
  const filters = new FilterStore<ExecutionFilters>(state, 'lambda', executionFilterSpec());
  // Saved state is data like any other: only a real true turns "show all" on.
  let showAll = state.get<unknown>(showAllKey) === true;
  void vscode.commands.executeCommand('setContext', ContextKey.lambdaShowAll, showAll);
  /** Items the function filter stands for, so their nodes know they were not listed by AWS. */
  const synthesized = new WeakSet<FunctionConfiguration>();

  const executionLists = (): PagedChildren<Execution, ExecutionFilters>[] =>
    provider.loadedLists().filter((list) => list.owner instanceof FunctionNode) as PagedChildren<Execution, ExecutionFilters>[];

  /** Every row of this execution (it shows once per list it is in) gets the new state, pages untouched. */
  const updateRows = (execution: Execution): void => {
    for (const list of executionLists()) {
      list.updateItem(execution);
    }
  };

  /** From the tree, an open panel of the execution reloads; the panel reloads itself after its own actions. */
  const stop = async (execution: Execution, fromPanel = false, connection?: Connection): Promise<void> => {
    const arn = execution.DurableExecutionArn;
    if (!arn) {
      return;
    }
    // Cancelled with the connection it was started under: a switch mid-way never stops anything in the new one.
    const signal = ctx.session.signal;
    const stoppedAt = await stopExecution(ctx.clients, arn, signal, connection);
    let fresh: Execution;
    try {
      fresh = toExecution(await getExecution(ctx.clients, arn, false, signal, connection), execution);
    } catch {
      fresh = { ...execution, Status: 'STOPPED', EndTimestamp: stoppedAt ?? new Date() };
    }
    updateRows(fresh);
    if (!fromPanel) {
      void ctx.panels.refreshKey(arn);
    }
    const stopped = execution.DurableExecutionName ? vscode.l10n.t('Stopped {0}', forLabel(execution.DurableExecutionName)) : vscode.l10n.t('Stopped the execution');
    vscode.window.setStatusBarMessage(`$(debug-stop) ${stopped}`, 4000);
  };

  // Tests answer the modal through the TestApi's hooks, which exist only under the test harness.
  const confirmStop = (execution: Execution): Promise<boolean> => (ctx.testHooks?.confirmStop ?? confirmStopModal)(execution);

  const detailOptions = perConnection(
    (connection): ExecutionDetails.ExecutionDetailOptions => ({
      historyPageSize: () => pageSize(),
      autoRefreshMs: () => lambdaAutoRefreshSeconds() * 1000,
      confirmStop,
      stop: (execution) => stop(execution, true, connection),
      onExecutionLoaded: updateRows,
      profile: () => connection.profile,
      loadAllLimit: lambdaHistoryLoadAllLimit,
      connection,
    }),
  );

  /** ReverseOrder as this endpoint reads it (checked on every first page), and the order last shown. */
  const order = new ExecutionOrderSemantics({
    get: () => ctx.extension.globalState.get<string[]>(reverseOrderFlippedKey, []),
    set: (endpoints) => void ctx.extension.globalState.update(reverseOrderFlippedKey, endpoints),
  });
  let shownOrder: ExecutionOrder | undefined;
  const endpointKey = (connection: Connection): string =>
    configuredEndpoints().lambda || process.env.AWS_ENDPOINT_URL_LAMBDA || process.env.AWS_ENDPOINT_URL || `aws:${connection.region ?? ''}`;

  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy chunk, see lazyDetails
  const details = lazyDetails(() => require('./executionDetails') as typeof ExecutionDetails);
  const executionActions = perConnection((connection) => ({
    region: () => connection.region,
    showDetails: async (node: ExecutionNode): Promise<void> => {
      if (node.arn) {
        await ctx.panels.show(new (details().ExecutionDetailSource)(ctx.clients, node.arn, node.name ?? node.arn, detailOptions(connection)));
      }
    },
  }));

  const executionSource = (fn: FunctionNode): ListSource<Execution, ExecutionFilters> => ({
    noun: vscode.l10n.t('executions'),
    iamAction: 'lambda:ListDurableExecutionsByFunction',
    clampPageSize: clampExecutionPageSize,
    fetchPage: async (token, size, f, signal, connection) => {
      const wanted = f.order ?? 'newest';
      const { page, shown } = await fetchInOrder(order, endpointKey(connection), wanted, token === undefined, (reverse) =>
        listExecutionsPage(ctx.clients, fn.apiName, token, size, f, reverse, signal, connection),
      );
      if (token === undefined && shown !== shownOrder) {
        shownOrder = shown;
        ctx.views.redescribe('lambda');
      }
      return page;
    },
    keyOf: (e) => e.DurableExecutionArn ?? `${e.FunctionArn ?? fn.apiName}/${e.DurableExecutionName ?? ''}`,
    makeNode: (item, id, parent, connection) => new ExecutionNode(item, id, parent, executionActions(connection)),
    emptyMessage: (f) => {
      const active = filters.summarize({ ...f, function: undefined, order: undefined });
      return active.length > 0
        ? { message: vscode.l10n.t('No executions match {0}', active.join(', ')), filtered: true }
        : { message: vscode.l10n.t('No durable executions (AWS keeps them for the retention period)'), filtered: false };
    },
  });

  const functionSource: ListSource<FunctionConfiguration, ExecutionFilters> = {
    noun: vscode.l10n.t('functions'),
    iamAction: 'lambda:ListFunctions',
    clampPageSize: clampFunctionPageSize,
    fetchPage: async (token, size, f, signal, connection) => {
      if (f.function) {
        // The filter names one function: no need to list them all.
        const item: FunctionConfiguration = { FunctionName: f.function, FunctionArn: f.function.startsWith('arn:') ? f.function : undefined };
        synthesized.add(item);
        return { items: [item] };
      }
      const page = await listFunctionsPage(ctx.clients, token, size, signal, connection);
      // Dropping the non-durable ones can leave a page empty with a marker; the core asks for the next.
      return { items: showAll ? page.items : page.items.filter((fn) => fn.DurableConfig !== undefined), nextToken: page.nextToken };
    },
    keyOf: (fn) => (synthesized.has(fn) ? `filter:${fn.FunctionName ?? ''}` : (fn.FunctionArn ?? fn.FunctionName ?? '')),
    makeNode: (item, id, parent, connection) =>
      new FunctionNode(
        item,
        id,
        parent,
        { region: () => connection.region, executionsOf: (node) => provider.createList(executionSource(node), () => filters.current, node, vscode.l10n.t('Durable executions of {0}', node.name ?? node.apiName)) },
        synthesized.has(item),
      ),
    emptyMessage: () =>
      showAll
        ? { message: vscode.l10n.t('No Lambda functions in this region'), filtered: false }
        : { message: vscode.l10n.t('No durable functions in this region ("Show All Functions" lists the others)'), filtered: false },
  };

  const provider = new PagedTreeProvider(ViewId.lambda, vscode.l10n.t('Lambda Durable Executions'), ctx.session, ctx.setupCheck, (p, owner) =>
    p.createList(functionSource, () => filters.current, owner, vscode.l10n.t('Lambda functions')), ctx.connections, ctx.accountOf,
  );
  // Registered before the view's own listener, so the description it writes names the requested order.
  ctx.extension.subscriptions.push(filters.onDidChange(() => (shownOrder = undefined)));
  ctx.views.add({ key: 'lambda', provider, filters, order: () => vscode.l10n.t('showing {0}', orderLabel(shownOrder ?? filters.current.order)) });
  ctx.extension.subscriptions.push(provider, filters, new ExecutionAutoRefresh(provider, ctx.clients));

  // Open ARN… and links: an execution's details, or the function shown in the view (its filter names it).
  ctx.openers.register('execution', async (target, connection) => {
    await ctx.panels.show(new (details().ExecutionDetailSource)(ctx.clients, target.arn, target.item ?? target.arn, detailOptions(connection)));
  });
  ctx.openers.register('function', async (target, connection, shown) => {
    await filters.update({ function: target.arn });
    await revealItem(ctx.views.get('lambda'), target, connection, shown);
  });

  const loadedFunctions = (): FunctionConfiguration[] => provider.rootLists().flatMap((list) => list.items as FunctionConfiguration[]).filter((fn) => !synthesized.has(fn));
  const filter = (arg?: unknown): Promise<boolean> => runExecutionFilterCommand(filters, loadedFunctions, filterArgumentOf(arg));
  registerCommand(ctx.extension, Command.lambdaFilter, filter, { args: [filtersArgument] });
  registerCommand(ctx.extension, Command.lambdaFilterActive, filter, { args: [filtersArgument] });

  const setShowAll = async (value: boolean): Promise<void> => {
    showAll = value;
    await state.update(showAllKey, value);
    await vscode.commands.executeCommand('setContext', ContextKey.lambdaShowAll, value);
    provider.refresh();
  };
  registerCommand(ctx.extension, Command.lambdaShowAllFunctions, () => setShowAll(true), { args: [titleBarArgument] });
  registerCommand(ctx.extension, Command.lambdaShowDurableFunctions, () => setShowAll(false), { args: [titleBarArgument] });

  registerCopyCommand(ctx.extension, ctx.views, Command.lambdaCopyFunctionArn, (n) => (n instanceof ExecutionNode ? n.item.FunctionArn : undefined), { one: vscode.l10n.t('function ARN'), many: vscode.l10n.t('function ARNs') });
  registerCommand(
    ctx.extension,
    Command.lambdaStopExecution,
    async (node: ExecutionNode): Promise<boolean> => {
      if (refuseAction(vscode.l10n.t('Stop Execution'))) {
        return false;
      }
      if (!provider.contains(node)) {
        // A row of the previous connection (a stale argument): never act on it with the new identity.
        void vscode.window.showWarningMessage(forNotification(vscode.l10n.t('This row belongs to the previous AWS connection; refresh the view and try again.')));
        return false;
      }
      if (!node.running) {
        void vscode.window.showInformationMessage(
          forNotification(
            node.name
              ? vscode.l10n.t('{0} is not running (status {1}).', node.name, node.item.Status ?? vscode.l10n.t('unknown'))
              : vscode.l10n.t('The execution is not running (status {0}).', node.item.Status ?? vscode.l10n.t('unknown')),
          ),
        );
        return false;
      }
      if (!(await confirmStop(node.item))) {
        return false;
      }
      await stop(node.item, false, provider.connectionOf(node));
      return true;
    },
    // Only the row and VS Code's selection: nothing a caller passes can skip the confirmation.
    { iamAction: 'lambda:StopDurableExecution', args: [instanceOf('an execution row', ExecutionNode), optional(selection)] },
  );
  return provider;
}
