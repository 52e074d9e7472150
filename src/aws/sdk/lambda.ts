// Runtime chunk: see core.ts.
export {
  LambdaClient,
  ListFunctionsCommand,
  ListDurableExecutionsByFunctionCommand,
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  StopDurableExecutionCommand,
} from '@aws-sdk/client-lambda';
export type {
  FunctionConfiguration,
  Execution,
  Event as HistoryEvent,
  GetDurableExecutionResponse,
  ExecutionStatus,
} from '@aws-sdk/client-lambda';
