/** The commander program: every command registered, parsed, and errors turned into exit codes. */
import { Command, CommanderError, Help, type Option } from 'commander';
import { commands } from './commands/index.ts';
import { packageVersion } from './version.ts';
import { reportError } from './output.ts';

export function buildProgram(): Command {
  const program = new Command('karavan')
    .description(
      'Trade-cooperation intelligence for a pair of countries (default Belarus -> Kazakhstan):\n' +
        "the importer's needs, the exporter's supply, export potential, rivals, joint production,\n" +
        'economic complexity and machinery planning. Offline; data from your BACI / UN Comtrade files.',
    )
    .version(packageVersion(), '-V, --version')
    .configureHelp({
      // An option that says its default in its own words says it once: commander would add '(default: "25")'.
      optionDescription(this: Help, option: Option): string {
        return /\(default: /.test(option.description)
          ? option.description
          : Help.prototype.optionDescription.call(this, option);
      },
    })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}

/** Parses argv and runs the command; returns the process exit code (0 ok, 1 error, 2 usage). */
export async function runProgram(argv: string[]): Promise<number> {
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
