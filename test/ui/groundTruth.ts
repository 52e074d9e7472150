// What the emulator serves, in the order and shape the extension lists it: the expected values of the
// scenarios' assertions, computed from the same pure data builders the emulator uses.
import { buildHistory, regionData, type BackupRecord, type BacktrackRecord, type Dataset, type ExecutionRecord } from '../emulator/data';

export class GroundTruth {
  constructor(private readonly dataset: Dataset) {}

  /** ListBackups without filters: USER backups, oldest first. */
  userBackups(region = 'us-east-1'): BackupRecord[] {
    return regionData(this.dataset, region).backups.filter((b) => b.type === 'USER');
  }

  backup(name: string, region = 'us-east-1'): BackupRecord {
    return must(
      regionData(this.dataset, region).backups.find((b) => b.backupName === name),
      `backup ${name}`,
    );
  }

  clusterIds(region = 'us-east-1'): string[] {
    return regionData(this.dataset, region).clusters.map((c) => c.identifier);
  }

  clusterArn(identifier: string, region = 'us-east-1'): string {
    return must(
      regionData(this.dataset, region).clusters.find((c) => c.identifier === identifier),
      `cluster ${identifier}`,
    ).arn;
  }

  /** DescribeDBClusterBacktracks order: newest first. */
  backtracks(cluster: string, region = 'us-east-1'): BacktrackRecord[] {
    return regionData(this.dataset, region).backtracks.filter((b) => b.clusterIdentifier === cluster);
  }

  /** Durable functions only, by name (the view hides the others unless "Show All Functions"). */
  durableFunctions(region = 'us-east-1'): string[] {
    return regionData(this.dataset, region)
      .functions.filter((f) => f.durableConfig)
      .map((f) => f.name);
  }

  /** ListDurableExecutionsByFunction order: newest first. */
  executions(functionName: string, region = 'us-east-1'): ExecutionRecord[] {
    return regionData(this.dataset, region).executions.filter((e) => e.functionName === functionName);
  }

  execution(name: string, region = 'us-east-1'): ExecutionRecord {
    return must(
      regionData(this.dataset, region).executions.find((e) => e.name === name),
      `execution ${name}`,
    );
  }

  /** Events, operations (distinct operation ids) and invocations in an execution's whole history. */
  historyShape(name: string, region = 'us-east-1'): { events: number; operations: number; invocations: number } {
    const events = buildHistory(this.execution(name, region));
    const ids = new Set(events.map((e) => e.Id).filter((id): id is string => id !== undefined));
    return { events: events.length, operations: ids.size, invocations: events.filter((e) => e.EventType === 'InvocationCompleted').length };
  }
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`the emulator's data has no ${what}`);
  }
  return value;
}

/** How a backtrack row is labelled: the time it went back to, local time, `YYYY-MM-DD HH:MM:SS`. */
export function backtrackLabel(b: BacktrackRecord): string {
  const d = new Date(b.backtrackToMs);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
