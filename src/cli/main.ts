/**
 * The `karavan` command line. Each command lives in `commands/<name>.ts`, maps its flags to
 * the core's options type and calls the same core function the HTTP API calls. Core modules
 * are imported lazily inside each action, and commander itself only when a command is parsed,
 * so `--version` costs one small file read (issue: start-up within 2x of a bare `node -e 0`).
 */
import { packageVersion } from './version.ts';

/** Runs the CLI; returns the process exit code (0 ok, 1 error, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  quietOnClosedPipe();
  const { runProgram } = await import('./program.ts');
  return runProgram(argv);
}

let pipeHandled = false;

/** `karavan countries | head` closes the pipe early: that is the reader's choice, not an error to report. */
function quietOnClosedPipe(): void {
  if (pipeHandled) return;
  pipeHandled = true;
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
}
