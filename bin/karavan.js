#!/usr/bin/env node
// Launcher: runs the TypeScript CLI through tsx's loader, so `npm ci` alone leaves a working
// `npx karavan` with no build step. Kept tiny so that --help and --version stay fast.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
