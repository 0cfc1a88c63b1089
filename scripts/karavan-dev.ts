// Runs the CLI from the TypeScript sources (for development: `npx tsx scripts/karavan-dev.ts report ...`), so a
// change in src/ is seen without `npm run build`. Users and tests run the compiled bin/karavan.js.
import { main } from '../src/cli/main.ts';

process.exitCode = await main(process.argv);
