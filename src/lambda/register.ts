import * as vscode from 'vscode';
import { Command, ContextKey, ViewId } from '../constants';
import { configuredEndpoints, lambdaAutoRefreshSeconds, lambdaHistoryLoadAllLimit, pageSize } from '../aws/settings';
import {
  filterArgumentOf,
  filtersArgument,
  instanceOf,
  oneOf,
  optional,
  record,
  selection,
  text,
  titleBarArgument,
  type ArgumentRule,
} from '../commands/commandArgs';
import { registerCommand } from '../commands/registerCommand';
import { registerCopyCommand } from '../commands/treeCommands';
import type { FeatureContext } from '../feature';
import { FilterStore } from '../filters/filterStore';
import type { ListSource } from '../tree/listSource';
import type { PagedChildren } from '../tree/pagedChildren';
import type { Connection } from '../aws/session';
import { perConnection } from '../tree/connectionScope';
import { revealItem } from '../links/openArn';
import { PagedTreeProvider } from '../tree/pagedTreeProvider';
import { refuseOtherConnection } from '../actions/confirmAction';
import { forNotification } from '../util/plainText';
import { listExecutionsPage, listFunctionsPage, type Execution, type FunctionConfiguration } from './api';
import type * as ExecutionActions from './executionActions.lazy';
import type { CallbackArgs, StartArgs, StopArgs } from './executionActions.lazy';
import { ExecutionAutoRefresh } from './autoRefresh';
import { executionExportColumns, executionListCli } from './cli';
import type * as ExecutionDetails from './executionDetails.lazy';
import type { CallbackActionKind } from './executionDetails.lazy';
import { lazy } from '../util/lazy';
import { ExecutionNode } from './executionNode';
import { ExecutionOrderSemantics, fetchInOrder } from './executionOrder';
import { runExecutionFilterCommand } from './filterCommand';
import { executionFilterSpec, orderLabel, type ExecutionFilters, type ExecutionOrder } from './filters';
import { FunctionNode } from './functionNode';
import { clampExecutionPageSize, clampFunctionPageSize } from './validation';

const showAllKey = 'awsHistory.lambda.showAll';
const reverseOrderFlippedKey = 'awsHistory.lambda.reverseOrderFlipped';

const stopArgs = record('a stop reason { errorType?, errorMessage? }', { errorType: text, errorMessage: text });
const startArgs = record('start options { name?, qualifier?, input? }', { name: text, qualifier: text, input: text });
const rerunArgs = record('run-again options { name? }', { name: text });
const callbackArgs: Record<CallbackActionKind, ArgumentRule> = {
  success: record('a callback answer { callbackId?, executionArn?, result? }', { callbackId: text, executionArn: text, result: text }),
  failure: record('a callback answer { callbackId?, executionArn?, errorType?, errorMessage? }', {
    callbackId: text,
    executionArn: text,
    errorType: text,
    errorMessage: text,
  }),
  heartbeat: record('a callback { callbackId?, executionArn? }', { callbackId: text, executionArn: text }),
};

/** The typed argument object among a command's arguments (menus pass the row and the selection instead). */
function argsOf<T>(...values: readonly unknown[]): T | undefined {
  return values.find((v): v is T => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype);
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

  /** Callback ids each execution waits on, per the history its panel last loaded (rows offer to answer one). */
  const pendingByArn = new Map<string, readonly string[]>();
  const actOn = (connection: Connection): boolean => !refuseOtherConnection(connection, ctx.session.current);
  // The handlers load at the first action (a lazy chunk, see lazy()); the commands are registered now.
  const actions = lazy(
    () =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy chunk, see lazy()
      new (require('./executionActions.lazy') as typeof ExecutionActions).LambdaActions({
        ctx,
        updateRows,
        forgetPendingCallbacks: (arn) => pendingByArn.delete(arn),
        reloadExecutions: (functionName) => {
          for (const list of executionLists()) {
            if (list.owner instanceof FunctionNode && list.owner.apiName === functionName) {
              list.reset();
            }
          }
        },
        openPanel: (arn, name) =>
          ctx.panels.show(new (details().ExecutionDetailSource)(ctx.clients, arn, name, detailOptions(ctx.session.current))).then(() => undefined),
      }),
  );

  // Panels read from the connection of the row they came from; actions run on the current connection only
  // (a panel of another connection refuses them, see `actOn`).
  const detailOptions = perConnection((connection): ExecutionDetails.ExecutionDetailOptions => ({
    historyPageSize: () => pageSize(),
    autoRefreshMs: () => lambdaAutoRefreshSeconds() * 1000,
    stop: (execution) =>
      actOn(connection)
        ? actions()
            .stop(execution, undefined, true)
            .then(() => undefined)
        : Promise.resolve(),
    answerCallback: (kind, execution, callbackId) =>
      actOn(connection)
        ? actions()
            .answer(kind, execution, callbackId, undefined, true)
            .then(() => undefined)
        : Promise.resolve(),
    onExecutionLoaded: (execution, pending) => {
      if (execution.DurableExecutionArn && pending) {
        pendingByArn.set(execution.DurableExecutionArn, pending);
      }
      updateRows(execution);
    },
    profile: () => connection.profile,
    loadAllLimit: lambdaHistoryLoadAllLimit,
    connection,
  }));

  /** ReverseOrder as this endpoint reads it (checked on every first page), and the order last shown. */
  const order = new ExecutionOrderSemantics({
    get: () => ctx.extension.globalState.get<string[]>(reverseOrderFlippedKey, []),
    set: (endpoints) => void ctx.extension.globalState.update(reverseOrderFlippedKey, endpoints),
  });
  let shownOrder: ExecutionOrder | undefined;
  const endpointKey = (connection: Connection): string =>
    configuredEndpoints().lambda || process.env.AWS_ENDPOINT_URL_LAMBDA || process.env.AWS_ENDPOINT_URL || `aws:${connection.region ?? ''}`;

  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy chunk, see lazy()
  const details = lazy(() => require('./executionDetails.lazy') as typeof ExecutionDetails);
  const executionActions = perConnection((connection) => ({
    region: () => connection.region,
    pendingCallbacks: (arn: string) => pendingByArn.get(arn),
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
    exportColumns: executionExportColumns,
    cli: (f) => executionListCli(fn.apiName, f, order.reverseOrder(endpointKey(ctx.session.current), f.order ?? 'newest')),
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
        {
          region: () => connection.region,
          executionsOf: (node) =>
            provider.createList(executionSource(node), () => filters.current, node, vscode.l10n.t('Durable executions of {0}', node.name ?? node.apiName)),
        },
        synthesized.has(item),
      ),
    emptyMessage: () =>
      showAll
        ? { message: vscode.l10n.t('No Lambda functions in this region'), filtered: false }
        : { message: vscode.l10n.t('No durable functions in this region ("Show All Functions" lists the others)'), filtered: false },
  };

  const provider = new PagedTreeProvider(
    ViewId.lambda,
    vscode.l10n.t('Lambda Durable Executions'),
    ctx.session,
    ctx.setupCheck,
    (p, owner) => p.createList(functionSource, () => filters.current, owner, vscode.l10n.t('Lambda functions')),
    ctx.connections,
    ctx.accountOf,
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

  const loadedFunctions = (): FunctionConfiguration[] =>
    provider
      .rootLists()
      .flatMap((list) => list.items as FunctionConfiguration[])
      .filter((fn) => !synthesized.has(fn));
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

  registerCopyCommand(ctx.extension, ctx.views, Command.lambdaCopyFunctionArn, (n) => (n instanceof ExecutionNode ? n.item.FunctionArn : undefined), {
    one: vscode.l10n.t('function ARN'),
    many: vscode.l10n.t('function ARNs'),
  });
  /** A row of the previous connection (a stale argument): never act on it with the new identity. */
  const current = (node: ExecutionNode | FunctionNode): boolean => {
    if (provider.contains(node)) {
      return !refuseOtherConnection(provider.connectionOf(node), ctx.session.current);
    }
    void vscode.window.showWarningMessage(forNotification(vscode.l10n.t('This row belongs to the previous AWS connection; refresh the view and try again.')));
    return false;
  };
  const executionRow = instanceOf('an execution row', ExecutionNode);

  registerCommand(
    ctx.extension,
    Command.lambdaStopExecution,
    async (node: ExecutionNode, more?: unknown): Promise<boolean> => {
      if (!current(node)) {
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
      return actions().stop(node.item, argsOf<StopArgs>(more), false);
    },
    // The row, then VS Code's selection or a reason: nothing a caller passes can skip the confirmation.
    { iamAction: 'lambda:StopDurableExecution', args: [executionRow, optional(oneOf(selection, stopArgs))] },
  );

  /** A callback command: the row's one pending callback, or the id given; the answer's prompts unless given. */
  const answerHandler =
    (kind: CallbackActionKind) =>
    async (first?: unknown, more?: unknown): Promise<boolean> => {
      const args = argsOf<CallbackArgs>(first, more);
      const node = first instanceof ExecutionNode ? first : undefined;
      if (node && !current(node)) {
        return false;
      }
      const callbackId = args?.callbackId ?? node?.pendingCallback;
      if (callbackId === undefined) {
        void vscode.window.showInformationMessage(
          forNotification(
            vscode.l10n.t('No single pending callback is known for this execution: open its details and answer the callback in the operations tree.'),
          ),
        );
        return false;
      }
      const arn = node?.arn ?? args?.executionArn;
      // Only an ARN given: the row and panel of that execution refresh after the answer.
      const execution =
        node?.item ??
        (arn ? { DurableExecutionArn: arn, DurableExecutionName: undefined, FunctionArn: undefined, Status: undefined, StartTimestamp: undefined } : undefined);
      return actions().answer(kind, execution, callbackId, args, false);
    };
  const answerArgs = (kind: CallbackActionKind): ArgumentRule[] => [oneOf(executionRow, callbackArgs[kind]), optional(oneOf(selection, callbackArgs[kind]))];
  registerCommand(ctx.extension, Command.lambdaSendCallbackSuccess, answerHandler('success'), {
    iamAction: 'lambda:SendDurableExecutionCallbackSuccess',
    args: answerArgs('success'),
  });
  registerCommand(ctx.extension, Command.lambdaSendCallbackFailure, answerHandler('failure'), {
    iamAction: 'lambda:SendDurableExecutionCallbackFailure',
    args: answerArgs('failure'),
  });
  registerCommand(ctx.extension, Command.lambdaSendCallbackHeartbeat, answerHandler('heartbeat'), {
    iamAction: 'lambda:SendDurableExecutionCallbackHeartbeat',
    args: answerArgs('heartbeat'),
  });

  registerCommand(
    ctx.extension,
    Command.lambdaStartExecution,
    (node: FunctionNode, more?: unknown): Promise<boolean> | boolean => current(node) && actions().start(node.apiName, argsOf<StartArgs>(more)),
    { iamAction: 'lambda:InvokeFunction', args: [instanceOf('a durable function row', FunctionNode), optional(oneOf(selection, startArgs))] },
  );
  registerCommand(
    ctx.extension,
    Command.lambdaRerunExecution,
    (node: ExecutionNode, more?: unknown): Promise<boolean> | boolean => current(node) && actions().rerun(node.item, argsOf<{ name?: string }>(more)),
    { iamAction: 'lambda:InvokeFunction', args: [executionRow, optional(oneOf(selection, rerunArgs))] },
  );
  return provider;
}
