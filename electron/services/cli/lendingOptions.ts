/** Options the lending commands add to the CLI's parseArgs table. */
export const lendingCliOptions = {} as const;
