#!/usr/bin/env node
// Launcher: runs the compiled CLI in dist/ (built by `npm run build`, which `npm ci` runs through `prepare`
// and `npm pack` through `prepack`). Kept to one import so that --help and --version stay fast.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv);
