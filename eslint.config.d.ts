// Types of what eslint.config.js exports, for test/architecture.test.ts (the config itself stays plain JavaScript so
// that ESLint loads it without a TypeScript loader).
import type { Linter } from 'eslint';

export type Stage = 'messages' | 'data' | 'metrics' | 'machinery' | 'analysis' | 'report' | 'cli' | 'server';
export const allowedImports: Record<Stage, Stage[]>;
declare const config: Linter.Config[];
export default config;
