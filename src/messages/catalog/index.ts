/** The whole catalog: each domain's messages, every id in English and Russian. */
import { analysisMessages } from './analysis.ts';
import { commonMessages } from './common.ts';
import { machineryMessages } from './machinery.ts';
import { regionMessages } from './regions.ts';
import { reportMessages } from './report.ts';

export const catalog = {
  ...commonMessages,
  ...analysisMessages,
  ...reportMessages,
  ...machineryMessages,
  ...regionMessages,
} as const satisfies Record<string, { en: string; ru: string }>;

export type MessageId = keyof typeof catalog;
