/**
 * The durable-execution actions: answer a pending callback (success, failure, heartbeat), stop an execution
 * with a reason, start one and run one again. Each one: the action gate, input checked before any request,
 * the one confirmation (account, region, exact CLI command), then the request; only the affected row, list
 * or panel refreshes. Prompts can be skipped by a typed argument object (tests, keybindings), never the
 * confirmation.
 */
import * as vscode from 'vscode';
import { refuseAction, type ActionPlan } from '../actions/confirmAction';
import type { FeatureContext } from '../feature';
import { forLabel, forNotification, forPrompt } from '../util/plainText';
import { formatNumber } from '../shared/format';
import {
  asyncPayloadMaxBytes,
  byteLength,
  callbackCli,
  callbackResultMaxBytes,
  errorObjectOf,
  invokeCli,
  stopCli,
  suggestedExecutionName,
  validateCallbackId,
  validateErrorObject,
  validateJsonDocument,
} from './actionInput';
import { answerCallback, startDurableExecution, stopExecution } from './actionApi';
import { getExecution, listExecutionsPage, toExecution, type CallbackAnswer, type ErrorObject, type Execution } from './api';
import type { CallbackActionKind } from './executionDetails.lazy';
import { parseArnOfKind } from '../aws/arn';
import { functionNameOf, stopConfirmation } from './executionFormat';
import { validateExecutionName, validateQualifier } from './validation';

/** What the actions need from the view: rows to update, lists to reload, panels to open or refresh. */
export interface LambdaActionHost {
  readonly ctx: FeatureContext;
  /** Every loaded row of this execution gets the new state (pages untouched). */
  updateRows(execution: Execution): void;
  /** Forgets which callbacks the execution waited on (one was just answered; its next history load tells again). */
  forgetPendingCallbacks(arn: string): void;
  /** Reloads the first page of the function's executions list, when it is loaded. */
  reloadExecutions(functionName: string): void;
  openPanel(arn: string, name: string): Promise<void>;
}

/** Typed arguments: each skips its prompt (tests, keybindings); the confirmation always shows. */
export interface StopArgs {
  readonly errorType?: string;
  readonly errorMessage?: string;
}
export interface CallbackArgs {
  readonly callbackId?: string;
  readonly executionArn?: string;
  readonly result?: string;
  readonly errorType?: string;
  readonly errorMessage?: string;
}
export interface StartArgs {
  readonly name?: string;
  readonly qualifier?: string;
  readonly input?: string;
}

function warn(text: string): void {
  void vscode.window.showWarningMessage(forNotification(text));
}

function statusMessage(text: string): void {
  vscode.window.setStatusBarMessage(forLabel(text), 5000);
}

/** An optional line of text; undefined when the user pressed Escape (the whole action is cancelled). */
async function askLine(title: string, prompt: string, value = ''): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title: forPrompt(title),
    prompt: forPrompt(prompt),
    value,
    ignoreFocusOut: true,
    validateInput: (text) => validateErrorObject({ ErrorMessage: text }),
  });
  return typed?.trim();
}

/** Error type and message, both optional. Undefined: cancelled; `{}` wrapper with undefined error: none given. */
async function askErrorObject(title: string, what: string): Promise<{ error: ErrorObject | undefined } | undefined> {
  const type = await askLine(title, vscode.l10n.t('{0}: error type (optional, e.g. Rejected). Escape cancels.', what));
  if (type === undefined) {
    return undefined;
  }
  const message = await askLine(title, vscode.l10n.t('{0}: error message (optional). Escape cancels.', what));
  if (message === undefined) {
    return undefined;
  }
  return { error: errorObjectOf(type, message) };
}

/**
 * A JSON document edited in an untitled editor: the notification's Send reads it, checks it (valid JSON, at
 * most `maxBytes`) and asks again while it is not; Cancel or dismissing the notification sends nothing.
 */
export async function editJson(title: string, initial: string, maxBytes: number): Promise<string | undefined> {
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: initial });
  await vscode.window.showTextDocument(document, { preview: false });
  const send = vscode.l10n.t('Send');
  const cancel = vscode.l10n.t('Cancel');
  let problem: string | undefined;
  try {
    for (;;) {
      const ask = problem
        ? vscode.l10n.t('{0}: {1} (Fix it in the editor, then choose Send.)', title, problem)
        : vscode.l10n.t('{0}: edit the JSON in the editor, then choose Send.', title);
      const choice = await vscode.window.showInformationMessage(forNotification(ask), send, cancel);
      if (choice !== send) {
        return undefined;
      }
      const text = document.getText();
      problem = validateJsonDocument(text, maxBytes);
      if (!problem) {
        return text;
      }
    }
  } finally {
    // The draft is not the user's file: close it without the "save changes?" question.
    if (vscode.window.activeTextEditor?.document === document) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
}

export class LambdaActions {
  constructor(private readonly host: LambdaActionHost) {}

  private get ctx(): FeatureContext {
    return this.host.ctx;
  }

  private confirm(plan: ActionPlan): Promise<boolean> {
    return this.ctx.confirm(plan, this.ctx.session.current, this.ctx.session.signal);
  }

  /** Stop Execution…: an optional reason, the typed name, then StopDurableExecution. */
  async stop(execution: Execution, args: StopArgs | undefined, fromPanel: boolean): Promise<boolean> {
    const arn = execution.DurableExecutionArn;
    if (refuseAction(vscode.l10n.t('Stop Execution')) || !arn) {
      return false;
    }
    // Cancelled with the connection it was started under: a switch mid-way never stops anything in the new one.
    const signal = this.ctx.session.signal;
    const reason = args
      ? { error: errorObjectOf(args.errorType?.trim(), args.errorMessage?.trim()) }
      : await askErrorObject(vscode.l10n.t('Stop Execution'), vscode.l10n.t('Reason for stopping'));
    if (!reason) {
      return false;
    }
    const problem = reason.error && validateErrorObject(reason.error);
    if (problem) {
      warn(problem);
      return false;
    }
    const { message, detail, button } = stopConfirmation(execution);
    const name = execution.DurableExecutionName ?? parseArnOfKind(arn, 'lambdaDurableExecution')?.executionName ?? arn;
    const confirmed = await this.confirm({
      title: message,
      details: [
        detail,
        reason.error
          ? vscode.l10n.t('Reason: {0}', [reason.error.ErrorType, reason.error.ErrorMessage].filter(Boolean).join(': '))
          : vscode.l10n.t('No reason given (AWS records its default).'),
      ],
      resources: [arn],
      confirmLabel: button,
      cli: [stopCli(arn, reason.error)],
      client: 'lambda',
      typeToConfirm: name,
    });
    if (!confirmed) {
      return false;
    }
    const stoppedAt = await stopExecution(this.ctx.clients, arn, reason.error, signal);
    await this.refreshExecution(execution, fromPanel, { Status: 'STOPPED', EndTimestamp: stoppedAt ?? new Date() }, signal);
    statusMessage(vscode.l10n.t('Stopped {0}', name));
    return true;
  }

  /**
   * Send Callback Success/Failure/Heartbeat. `callbackId` was checked against the pending callbacks by the
   * caller (the panel's history, the row's last known history); AWS refuses one that closed meanwhile.
   */
  async answer(
    kind: CallbackActionKind,
    execution: Execution | undefined,
    callbackId: string,
    args: CallbackArgs | undefined,
    fromPanel: boolean,
  ): Promise<boolean> {
    const action =
      kind === 'success'
        ? vscode.l10n.t('Send Callback Success')
        : kind === 'failure'
          ? vscode.l10n.t('Send Callback Failure')
          : vscode.l10n.t('Send Heartbeat');
    if (refuseAction(action)) {
      return false;
    }
    const idProblem = validateCallbackId(callbackId);
    if (idProblem) {
      warn(idProblem);
      return false;
    }
    const signal = this.ctx.session.signal;
    const answer = await this.callbackAnswer(kind, action, args);
    if (!answer) {
      return false;
    }
    const executionName = execution?.DurableExecutionName ?? execution?.DurableExecutionArn;
    const details: string[] = [];
    switch (answer.kind) {
      case 'success':
        details.push(
          vscode.l10n.t(
            'SendDurableExecutionCallbackSuccess completes the callback with this result ({0} bytes); the execution goes on from there.',
            formatNumber(byteLength(answer.result)),
          ),
        );
        break;
      case 'failure':
        details.push(
          vscode.l10n.t('SendDurableExecutionCallbackFailure fails the callback; the execution handles the error (or fails).'),
          vscode.l10n.t('Error: {0}', [answer.error.ErrorType, answer.error.ErrorMessage].filter(Boolean).join(': ') || vscode.l10n.t('(no type or message)')),
        );
        break;
      case 'heartbeat':
        details.push(
          vscode.l10n.t('SendDurableExecutionCallbackHeartbeat tells AWS the callback is still being worked on (it restarts the heartbeat timeout).'),
        );
        break;
    }
    const confirmed = await this.confirm({
      title: executionName ? vscode.l10n.t('{0} for a callback of {1}?', action, executionName) : vscode.l10n.t('{0} for this callback?', action),
      details,
      resources: [...(execution?.DurableExecutionArn ? [execution.DurableExecutionArn] : []), vscode.l10n.t('callback id {0}', callbackId)],
      confirmLabel: kind === 'heartbeat' ? vscode.l10n.t('Send Heartbeat') : vscode.l10n.t('Send'),
      cli: [callbackCli(callbackId, answer)],
      client: 'lambda',
    });
    if (!confirmed) {
      return false;
    }
    await answerCallback(this.ctx.clients, callbackId, answer, signal);
    if (execution?.DurableExecutionArn && kind !== 'heartbeat') {
      this.host.forgetPendingCallbacks(execution.DurableExecutionArn);
      await this.refreshExecution(execution, fromPanel, undefined, signal);
    }
    statusMessage(kind === 'heartbeat' ? vscode.l10n.t('Heartbeat sent') : vscode.l10n.t('Callback answered'));
    return true;
  }

  private async callbackAnswer(kind: CallbackActionKind, action: string, args: CallbackArgs | undefined): Promise<CallbackAnswer | undefined> {
    switch (kind) {
      case 'success': {
        const result = args?.result ?? (await editJson(action, '{\n  "approved": true\n}\n', callbackResultMaxBytes));
        if (result === undefined) {
          return undefined;
        }
        const problem = validateJsonDocument(result, callbackResultMaxBytes);
        if (problem) {
          warn(problem);
          return undefined;
        }
        return { kind, result };
      }
      case 'failure': {
        const given =
          args && (args.errorType !== undefined || args.errorMessage !== undefined)
            ? { error: errorObjectOf(args.errorType?.trim(), args.errorMessage?.trim()) }
            : await askErrorObject(action, vscode.l10n.t('Callback failure'));
        if (!given) {
          return undefined;
        }
        const error = given.error ?? {};
        const problem = validateErrorObject(error);
        if (problem) {
          warn(problem);
          return undefined;
        }
        return { kind, error };
      }
      case 'heartbeat':
        return { kind };
    }
  }

  /** Start Execution… on a durable function: name, qualifier, input, then an asynchronous Invoke. */
  async start(functionName: string, args: StartArgs | undefined): Promise<boolean> {
    if (refuseAction(vscode.l10n.t('Start Execution'))) {
      return false;
    }
    const signal = this.ctx.session.signal;
    const name = await this.executionName(functionName, suggestedExecutionName(functionName), args?.name, signal);
    if (name === undefined) {
      return false;
    }
    const qualifier = args?.qualifier !== undefined ? this.checked(args.qualifier.trim(), validateQualifier) : await this.askQualifier();
    if (qualifier === undefined) {
      return false;
    }
    const input = args?.input !== undefined ? this.checked(args.input, (text) => validateJsonDocument(text, asyncPayloadMaxBytes)) : await this.askInput();
    if (input === undefined) {
      return false;
    }
    return this.invoke(functionName, qualifier, name, input, signal);
  }

  /** Run Again…: a new execution with the input of `execution` (GetDurableExecution), on the same version. */
  async rerun(execution: Execution, args: Pick<StartArgs, 'name'> | undefined): Promise<boolean> {
    const arn = execution.DurableExecutionArn;
    if (refuseAction(vscode.l10n.t('Run Again')) || !arn) {
      return false;
    }
    const signal = this.ctx.session.signal;
    const parts = parseArnOfKind(arn, 'lambdaDurableExecution');
    const functionName = parts?.functionName ?? (execution.FunctionArn ? functionNameOf(execution.FunctionArn) : undefined);
    if (!functionName) {
      warn(vscode.l10n.t('Cannot tell which function ran this execution.'));
      return false;
    }
    if (args?.name !== undefined && this.checked(args.name.trim(), validateExecutionName) === undefined) {
      return false;
    }
    const full = await getExecution(this.ctx.clients, arn, true, signal);
    if (full.ExecutionDataIncluded === false) {
      warn(vscode.l10n.t('AWS did not include the input of this execution, so it cannot run again with it.'));
      return false;
    }
    const previous = full.DurableExecutionName ?? parts?.executionName ?? functionName;
    const name = await this.executionName(functionName, suggestedExecutionName(previous), args?.name, signal);
    if (name === undefined) {
      return false;
    }
    return this.invoke(functionName, parts?.qualifier ?? full.Version ?? '$LATEST', name, full.InputPayload ?? '{}', signal);
  }

  private async invoke(functionName: string, qualifier: string, name: string, input: string, signal: AbortSignal): Promise<boolean> {
    const request = { functionName, qualifier, name, input };
    const confirmed = await this.confirm({
      title: vscode.l10n.t('Start the durable execution "{0}" of {1}?', name, functionName),
      details: [
        vscode.l10n.t(
          'Invoke runs {0} (qualifier {1}) asynchronously (InvocationType Event) with {2} bytes of input.',
          functionName,
          qualifier,
          formatNumber(byteLength(input)),
        ),
        vscode.l10n.t('The name is the idempotency key: the same name with the same input returns the existing execution instead of starting another.'),
      ],
      resources: [`${functionName}:${qualifier}`],
      confirmLabel: vscode.l10n.t('Start Execution'),
      cli: [invokeCli(request)],
      client: 'lambda',
    });
    if (!confirmed) {
      return false;
    }
    const arn = await startDurableExecution(this.ctx.clients, request, signal);
    this.host.reloadExecutions(functionName);
    statusMessage(vscode.l10n.t('Started {0}', name));
    if (arn) {
      await this.host.openPanel(arn, name);
    }
    return true;
  }

  /** A value given as an argument: refused with a message when `problem` finds one. */
  private checked(value: string, problem: (value: string) => string | undefined): string | undefined {
    const found = problem(value);
    if (found) {
      warn(found);
      return undefined;
    }
    return value;
  }

  /**
   * A new execution name: valid, and not used by an execution of this function AWS still keeps (the name is
   * the idempotency key: reusing it would return that execution, or fail when the input differs).
   */
  private async executionName(functionName: string, suggested: string, given: string | undefined, signal: AbortSignal): Promise<string | undefined> {
    let value = given?.trim() ?? suggested;
    let taken: string | undefined;
    for (;;) {
      if (given === undefined || taken !== undefined) {
        const typed = await vscode.window.showInputBox({
          title: forPrompt(vscode.l10n.t('Start a durable execution of {0}', functionName)),
          prompt: forPrompt(
            taken ??
              vscode.l10n.t(
                'Execution name (1 to 64 letters, digits, - and _). It must be new: AWS treats the name as the idempotency key and returns an existing execution of that name instead of starting one.',
              ),
          ),
          value,
          ignoreFocusOut: true,
          validateInput: (text) => {
            const problem = validateExecutionName(text);
            return problem ? forPrompt(problem) : undefined;
          },
        });
        if (typed === undefined) {
          return undefined;
        }
        value = typed.trim();
      } else if (this.checked(value, validateExecutionName) === undefined) {
        return undefined;
      }
      const existing = await listExecutionsPage(this.ctx.clients, functionName, undefined, 50, { name: value }, undefined, signal);
      const same = existing.items.find((e) => e.DurableExecutionName === value);
      if (!same) {
        return value;
      }
      taken = vscode.l10n.t('An execution named {0} already exists ({1}): choose another name.', value, same.Status ?? vscode.l10n.t('unknown status'));
      if (given !== undefined) {
        warn(taken);
        return undefined;
      }
    }
  }

  private async askQualifier(): Promise<string | undefined> {
    const latest = { label: '$LATEST', description: vscode.l10n.t('the unpublished code (AWS recommends a version or alias: replay needs the same code)') };
    const other = { label: vscode.l10n.t('Version or alias…'), description: vscode.l10n.t('e.g. 3 or prod') };
    const picked = await vscode.window.showQuickPick([latest, other], {
      title: vscode.l10n.t('Durable functions run qualified: which version?'),
      ignoreFocusOut: true,
    });
    if (picked === latest) {
      return '$LATEST';
    }
    if (picked !== other) {
      return undefined;
    }
    const typed = await vscode.window.showInputBox({
      title: forPrompt(vscode.l10n.t('Qualifier')),
      prompt: forPrompt(vscode.l10n.t('A version number or an alias name.')),
      ignoreFocusOut: true,
      validateInput: (text) => {
        const problem = validateQualifier(text);
        return problem ? forPrompt(problem) : undefined;
      },
    });
    return typed?.trim();
  }

  private async askInput(): Promise<string | undefined> {
    const editor = { label: vscode.l10n.t('Edit JSON in an editor') };
    const file = { label: vscode.l10n.t('Read from a file…') };
    const picked = await vscode.window.showQuickPick([editor, file], { title: vscode.l10n.t('Input of the execution'), ignoreFocusOut: true });
    if (picked === editor) {
      return editJson(vscode.l10n.t('Start Execution'), '{}\n', asyncPayloadMaxBytes);
    }
    if (picked !== file) {
      return undefined;
    }
    const [uri] =
      (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { JSON: ['json'] }, title: vscode.l10n.t('Input of the execution') })) ?? [];
    if (!uri) {
      return undefined;
    }
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > asyncPayloadMaxBytes) {
      warn(vscode.l10n.t('The file has {0} bytes; an asynchronous invocation takes at most {1}.', formatNumber(stat.size), formatNumber(asyncPayloadMaxBytes)));
      return undefined;
    }
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    return this.checked(text, (value) => validateJsonDocument(value, asyncPayloadMaxBytes));
  }

  /** After an action: the execution's rows get its new state, and its open panel reloads (the panel reloads itself). */
  private async refreshExecution(execution: Execution, fromPanel: boolean, fallback: Partial<Execution> | undefined, signal: AbortSignal): Promise<void> {
    const arn = execution.DurableExecutionArn;
    if (!arn) {
      return;
    }
    let fresh: Execution;
    try {
      fresh = toExecution(await getExecution(this.ctx.clients, arn, false, signal), execution);
    } catch {
      fresh = { ...execution, ...fallback };
    }
    this.host.updateRows(fresh);
    if (!fromPanel) {
      void this.ctx.panels.refreshKey(arn);
    }
  }
}
