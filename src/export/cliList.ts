import type { CliCommand } from '../actions/cliCommand';
import type { ListCli } from '../tree/listSource';

/**
 * The CLI's `--starting-token` for an API token. The CLI pages with botocore's paginator, whose tokens are
 * not the API's: they are base64 of a JSON object naming the request's token parameter (`{"Marker": "…"}`);
 * the CLI decodes that and sends the value as the parameter. The API's own token (what Copy Next-Page
 * Token copies) is therefore wrapped the same way here.
 */
export function startingToken(inputToken: string, apiToken: string): string {
  // Python's json.dumps (spacing, non-ASCII as \uXXXX), so the token is the one the CLI itself prints as NextToken.
  const json = `{${pythonJson(inputToken)}: ${pythonJson(apiToken)}}`;
  return Buffer.from(json, 'utf8').toString('base64');
}

function pythonJson(text: string): string {
  return JSON.stringify(text).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The list's command, from `apiToken` on when given. */
export function listCommand(cli: ListCli, apiToken: string | undefined): CliCommand {
  return apiToken ? { ...cli.command, args: [...cli.command.args, ['--starting-token', startingToken(cli.inputToken, apiToken)]] } : cli.command;
}
