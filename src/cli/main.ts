/**
 * The `karavan` command line. Each command lives in `commands/<name>.ts`, maps its flags to
 * the core's options type and calls the same core function the HTTP API calls. Core modules
 * are imported lazily inside each action so `--help` and `--version` stay fast.
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { commands } from './commands/index.ts';
import { reportError } from './output.ts';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command('karavan')
    .description(
      'Trade-cooperation intelligence for a pair of countries (default Belarus -> Kazakhstan):\n' +
        "the importer's needs, the exporter's supply, export potential, rivals, joint production,\n" +
        'economic complexity and machinery planning. Offline; data from your BACI / UN Comtrade files.',
    )
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI; returns the process exit code (0 ok, 1 error, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    reportError(error);
    return 1;
  }
}
