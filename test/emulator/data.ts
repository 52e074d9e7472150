/**
 * The emulator's data sets as pure functions: tests call buildDataset() to
 * compute ground truth without a server, and the server serves exactly this.
 *
 * Adding a data set means adding a builder to DATASET_BUILDERS and its name
 * to DatasetName in model.ts (`hostile` lives in gen-hostile.ts).
 */
import { sortBackups, bigTable, demoDynamo, euDynamo, hugeTable } from './gen-dynamodb';
import { buildExecutionDetail, buildHistory } from './gen-history';
import { hostileRegions } from './gen-hostile';
import { BIG_FUNCTION_EMPTY_PAGE_OFFSET, demoLambda, euLambda, largeLambda, sortExecutions } from './gen-lambda';
import { demoRds, euRds, largeRds, sortBacktracks } from './gen-rds';
import { ACCOUNT_ID, Dataset, DatasetName, RegionData } from './model';
import { floorToMinute } from './time';

export * from './model';
export { buildExecutionDetail, buildHistory };

export interface BuildOptions {
  dataset: DatasetName;
  /** Epoch ms every relative time is based on. Default: Date.now() floored to the minute. */
  now?: number;
}

export const PRIMARY_REGION = 'us-east-1';
export const SECONDARY_REGION = 'eu-west-1';
/** large only: the region holding HugeTable's 100,000 backups (the export benchmark), made on first request. */
export const HUGE_REGION = 'ca-central-1';

function emptyRegion(region: string): RegionData {
  return { region, tables: [], backups: [], clusters: [], backtracks: [], functions: [], executions: [], emptyPages: [] };
}

function demoRegions(now: number): Record<string, RegionData> {
  const us = PRIMARY_REGION;
  const eu = SECONDARY_REGION;
  const usDynamo = demoDynamo(us, now);
  const usRds = demoRds(us, now);
  const usLambda = demoLambda(us, now);
  const euD = euDynamo(eu, now);
  const euR = euRds(eu, now);
  const euL = euLambda(eu, now);
  return {
    [us]: { region: us, ...usDynamo, ...usRds, ...usLambda, emptyPages: [] },
    [eu]: { region: eu, ...euD, ...euR, ...euL, emptyPages: [] },
  };
}

/** Demo plus the bulk data in us-east-1 (see the README-style notes in gen-*.ts). */
function largeRegions(now: number): Record<string, RegionData> {
  const regions = demoRegions(now);
  const us = regions[PRIMARY_REGION];
  const big = bigTable(PRIMARY_REGION, now);
  us.tables = [...us.tables, big.table].sort((a, b) => (a.name < b.name ? -1 : 1));
  us.backups = sortBackups([...us.backups, ...big.backups]);

  const rds = largeRds(PRIMARY_REGION, now);
  us.clusters = [...us.clusters, ...rds.clusters].sort((a, b) => (a.identifier < b.identifier ? -1 : 1));
  us.backtracks = sortBacktracks([...us.backtracks, ...rds.backtracks]);

  const orderWorkflow = us.functions.find((f) => f.name === 'order-workflow')!;
  const lambda = largeLambda(PRIMARY_REGION, now, orderWorkflow.arn);
  us.functions = [...us.functions, ...lambda.functions].sort((a, b) => (a.name < b.name ? -1 : 1));
  us.executions = sortExecutions([...us.executions, ...lambda.executions]);
  us.emptyPages = [{ functionName: 'big-function', atOffset: BIG_FUNCTION_EMPTY_PAGE_OFFSET }];
  // Not enumerable and built on first access: 100,000 backups cost seconds and tens of MB, and only the
  // export benchmark lists them; every other user of `large` never pays for them.
  let huge: RegionData | undefined;
  Object.defineProperty(regions, HUGE_REGION, {
    enumerable: false,
    get: () => {
      if (!huge) {
        const { table, backups } = hugeTable(HUGE_REGION, now);
        huge = { ...emptyRegion(HUGE_REGION), tables: [table], backups };
      }
      return huge;
    },
  });
  return regions;
}

const DATASET_BUILDERS: Record<DatasetName, (now: number) => Record<string, RegionData>> = {
  demo: demoRegions,
  large: largeRegions,
  hostile: (now) => hostileRegions(now),
};

export const DATASET_NAMES = Object.keys(DATASET_BUILDERS) as DatasetName[];

export function isDatasetName(value: string): value is DatasetName {
  return Object.prototype.hasOwnProperty.call(DATASET_BUILDERS, value);
}

export function buildDataset(options: BuildOptions): Dataset {
  if (!isDatasetName(options.dataset)) {
    throw new Error(`Unknown dataset "${String(options.dataset)}"; expected one of ${DATASET_NAMES.join(', ')}`);
  }
  const now = options.now ?? floorToMinute(Date.now());
  return { name: options.dataset, now, regions: DATASET_BUILDERS[options.dataset](now) };
}

/**
 * The data of one region in `account`. The first account's is the data set itself; the second account holds
 * the first account's data of the other demo region (us-east-1 ↔ eu-west-1), moved to its own account and
 * region, so every account and region has its own, different items with ARNs of its own.
 */
export function accountRegionData(dataset: Dataset, account: string, region: string): RegionData {
  if (account === ACCOUNT_ID) {
    return regionData(dataset, region);
  }
  const source = region === PRIMARY_REGION ? SECONDARY_REGION : region === SECONDARY_REGION ? PRIMARY_REGION : undefined;
  if (!source) {
    return emptyRegion(region);
  }
  // Records are plain JSON (times are epoch ms): rewriting the ARNs' account and region fields is exact.
  const json = JSON.stringify(regionData(dataset, source))
    .replaceAll(`:${source}:${ACCOUNT_ID}:`, `:${region}:${account}:`)
    .replaceAll(`::${ACCOUNT_ID}:`, `::${account}:`);
  return { ...(JSON.parse(json) as RegionData), region };
}

/** The data for one region; regions without data get empty lists (as a fresh AWS region would). */
export function regionData(dataset: Dataset, region: string): RegionData {
  return dataset.regions[region] ?? emptyRegion(region);
}
