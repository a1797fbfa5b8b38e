/** CLI commands for the lending area (`lending …`). Placeholder until the area's commands exist. */
import type { Command } from './session';

export const lendingCommands: Record<string, Command> = {};

/** Usage lines for these commands (each line ends with a newline), shown by `npm run -s cli`. */
export const lendingUsage = '';
