/** Identifiers shared by package.json and the code: change both together. */

export const extensionId = 'aws-history-explorer.aws-history-explorer';

export const ViewId = {
  dynamodb: 'awsHistory.dynamodbBackups',
  rds: 'awsHistory.auroraBacktracks',
  lambda: 'awsHistory.lambdaDurableExecutions',
} as const;
export type ServiceKey = keyof typeof ViewId;
export const serviceKeys: readonly ServiceKey[] = ['dynamodb', 'rds', 'lambda'];

export const Command = {
  selectProfile: 'awsHistory.selectProfile',
  selectRegion: 'awsHistory.selectRegion',
  refresh: 'awsHistory.refresh',
  loadMore: 'awsHistory.loadMore',
  loadUpTo: 'awsHistory.loadUpTo',
  copyNextToken: 'awsHistory.copyNextToken',
  resumeFromToken: 'awsHistory.resumeFromToken',
  retry: 'awsHistory.retry',
  showDetails: 'awsHistory.showDetails',
  copyArn: 'awsHistory.copyArn',
  copyName: 'awsHistory.copyName',
  openInConsole: 'awsHistory.openInConsole',
  clearFilters: 'awsHistory.clearFilters',
  showLog: 'awsHistory.showLog',
  pickConnection: 'awsHistory.pickConnection',
  addConnection: 'awsHistory.addConnection',
  removeConnection: 'awsHistory.removeConnection',
  openArn: 'awsHistory.openArn',
  copyLink: 'awsHistory.copyLink',
  resetWorkspaceSettingApprovals: 'awsHistory.resetWorkspaceSettingApprovals',
  exportList: 'awsHistory.exportList',
  copyAsCliCommand: 'awsHistory.copyAsCliCommand',
  dynamodbFilter: 'awsHistory.dynamodb.filter',
  dynamodbFilterActive: 'awsHistory.dynamodb.filterActive',
  dynamodbCopyTableArn: 'awsHistory.dynamodb.copyTableArn',
  dynamodbShowTableBackups: 'awsHistory.dynamodb.showTableBackups',
  dynamodbCreateBackup: 'awsHistory.dynamodb.createBackup',
  /** The same action from a backup row, titled "Back Up This Table Now…" (a menu cannot retitle a command). */
  dynamodbCreateBackupOfTable: 'awsHistory.dynamodb.createBackupOfTable',
  dynamodbDeleteBackup: 'awsHistory.dynamodb.deleteBackup',
  dynamodbRestoreBackup: 'awsHistory.dynamodb.restoreBackup',
  dynamodbRestoreToPointInTime: 'awsHistory.dynamodb.restoreToPointInTime',
  rdsFilter: 'awsHistory.rds.filter',
  rdsFilterActive: 'awsHistory.rds.filterActive',
  rdsCopyBacktrackId: 'awsHistory.rds.copyBacktrackId',
  rdsBacktrackCluster: 'awsHistory.rds.backtrackCluster',
  rdsBacktrackBefore: 'awsHistory.rds.backtrackBefore',
  lambdaFilter: 'awsHistory.lambda.filter',
  lambdaFilterActive: 'awsHistory.lambda.filterActive',
  lambdaCopyFunctionArn: 'awsHistory.lambda.copyFunctionArn',
  lambdaStopExecution: 'awsHistory.lambda.stopExecution',
  lambdaSendCallbackSuccess: 'awsHistory.lambda.sendCallbackSuccess',
  lambdaSendCallbackFailure: 'awsHistory.lambda.sendCallbackFailure',
  lambdaSendCallbackHeartbeat: 'awsHistory.lambda.sendCallbackHeartbeat',
  lambdaStartExecution: 'awsHistory.lambda.startExecution',
  lambdaRerunExecution: 'awsHistory.lambda.rerunExecution',
  lambdaShowAllFunctions: 'awsHistory.lambda.showAllFunctions',
  lambdaShowDurableFunctions: 'awsHistory.lambda.showDurableFunctions',
} as const;
export type CommandId = (typeof Command)[keyof typeof Command];

/**
 * Tree row kinds. Menus in package.json match these with regexes: a `:arn`, `:name`, `:details` or
 * `:console` segment turns on the generic action of that name, so one entry serves every service; `:list`
 * marks a row whose children are a paged list (Export…, Copy as AWS CLI Command).
 */
export const enum ContextValue {
  /** A connection's root row when a view shows several (Remove Connection, Copy… on it). */
  connection = 'awsHistory:connection',
  loadMore = 'awsHistory:loadMore',
  loading = 'awsHistory:loading',
  error = 'awsHistory:error',
  errorCredentials = 'awsHistory:error:credentials',
  errorStaleToken = 'awsHistory:error:staleToken',
  empty = 'awsHistory:empty',
  emptyFiltered = 'awsHistory:empty:filtered',
  /** A backup that is not AVAILABLE (CREATING or DELETED): nothing can be restored from or deleted. */
  backup = 'awsHistory:dynamodb:backup:arn:name:details:console',
  /** `:available`: Restore and Delete apply (menus match `^awsHistory:dynamodb:backup:available`). */
  backupAvailable = 'awsHistory:dynamodb:backup:available:arn:name:details:console',
  cluster = 'awsHistory:rds:cluster:arn:name:console:list',
  clusterDisabled = 'awsHistory:rds:clusterDisabled:arn:name:console',
  backtrack = 'awsHistory:rds:backtrack:arn:details:console',
  durableFunction = 'awsHistory:lambda:function:arn:name:console:list',
  plainFunction = 'awsHistory:lambda:functionPlain:arn:name:console',
  execution = 'awsHistory:lambda:execution:arn:name:details:console',
  executionRunning = 'awsHistory:lambda:execution:running:arn:name:details:console',
  /** Running and waiting on exactly one callback (per its last loaded history): the row answers it. */
  executionCallback = 'awsHistory:lambda:execution:running:callback:arn:name:details:console',
}

export const ContextKey = {
  setup: 'awsHistory.setup',
  anyFiltered: 'awsHistory.anyFiltered',
  filtered: (service: ServiceKey) => `awsHistory.${service}.filtered`,
  lambdaShowAll: 'awsHistory.lambda.showAll',
} as const;

export const Setting = {
  section: 'awsHistory',
  profile: 'profile',
  region: 'region',
  pageSize: 'pageSize',
  endpoints: 'endpoints',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
  lambdaAutoRefreshSeconds: 'lambda.autoRefreshSeconds',
  lambdaHistoryLoadAllLimit: 'lambda.historyLoadAllLimit',
} as const;
