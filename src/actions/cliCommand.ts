import type { Connection } from '../aws/session';

/**
 * An AWS CLI command as data: `aws <service> <operation> <args…>`. Values are quoted for a POSIX shell when
 * copied, so a name or JSON document taken from AWS can never break out of its argument.
 */
export interface CliCommand {
  /** The CLI's service name, e.g. `dynamodb`, `rds`, `lambda`, `sts`. */
  readonly service: string;
  /** The CLI's operation name, e.g. `delete-backup`. */
  readonly operation: string;
  /** Options in order: `['--backup-arn', arn]`, or `['--use-latest-restorable-time']` for a flag. */
  readonly args: readonly (readonly [string] | readonly [string, string])[];
}

/** Where the command runs: the connection's region and profile, and an endpoint when one is not AWS's own. */
export interface CliTarget {
  readonly connection: Pick<Connection, 'profile' | 'profileExplicit' | 'region'>;
  readonly endpoint?: string | undefined;
}

const bare = /^[A-Za-z0-9_\-.,:/@=+%]+$/;

/** One shell word: bare when only safe characters, else single-quoted (`'` written as `'\''`). */
export function shellQuote(value: string): string {
  return bare.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The exact command line. `--profile` only when the user named a profile: without one the CLI resolves
 * credentials through the same default chain (environment, then the default profile) the extension used.
 */
export function formatCliCommand(command: CliCommand, target: CliTarget): string {
  const words = ['aws', command.service, command.operation];
  for (const [option, value] of command.args) {
    if (value === undefined) {
      words.push(option);
    } else if (value.startsWith('-')) {
      // The CLI would read a separate word starting with "-" as the next option.
      words.push(`${option}=${shellQuote(value)}`);
    } else {
      words.push(option, shellQuote(value));
    }
  }
  if (target.connection.region) {
    words.push('--region', shellQuote(target.connection.region));
  }
  if (target.connection.profileExplicit) {
    words.push('--profile', shellQuote(target.connection.profile));
  }
  if (target.endpoint) {
    words.push('--endpoint-url', shellQuote(target.endpoint));
  }
  return words.join(' ');
}

/** Several commands (e.g. one delete per selected backup) as lines of one script. */
export function formatCliCommands(commands: readonly CliCommand[], target: (command: CliCommand) => CliTarget): string {
  return commands.map((command) => formatCliCommand(command, target(command))).join('\n');
}
