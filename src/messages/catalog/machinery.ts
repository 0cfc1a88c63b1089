/**
 * The machinery planner's words (src/cli/machinery-format.ts, the machinery commands, the
 * showcase's tables): headings, column labels, sentences and warnings, in English and Russian.
 */
export const machineryMessages = {} as const;
