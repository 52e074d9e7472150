// Runtime chunk: see core.ts.
export {
  LambdaClient,
  ListFunctionsCommand,
  ListDurableExecutionsByFunctionCommand,
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  StopDurableExecutionCommand,
  SendDurableExecutionCallbackSuccessCommand,
  SendDurableExecutionCallbackFailureCommand,
  SendDurableExecutionCallbackHeartbeatCommand,
  InvokeCommand,
} from '@aws-sdk/client-lambda';
export type {
  FunctionConfiguration,
  Execution,
  Event as HistoryEvent,
  GetDurableExecutionResponse,
  ExecutionStatus,
  ErrorObject,
} from '@aws-sdk/client-lambda';
