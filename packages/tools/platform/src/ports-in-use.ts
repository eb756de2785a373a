import { isPortFree } from '@shequ/database';

export interface NamedPort {
  name: string;
  port: number;
}

/**
 * The ports of `wanted` that another program already holds. Checked before
 * anything starts: a process that cannot listen exits and is restarted, and
 * the program holding its port — a platform left running, a bench — would
 * answer its readiness probe, so the launcher would call it ready.
 */
export async function portsInUse(wanted: readonly NamedPort[]): Promise<NamedPort[]> {
  const free = await Promise.all(wanted.map((entry) => isPortFree(entry.port)));
  return wanted.filter((_entry, index) => !free[index]);
}

/** What to tell the person starting the platform when its ports are taken. */
export function portsInUseMessage(taken: readonly NamedPort[]): string {
  const listed = taken.map((entry) => `${entry.port} (${entry.name})`).join(', ');
  return `port${taken.length > 1 ? 's' : ''} ${listed} already in use: is another \`pnpm start\` or a \`pnpm bench\` still running? Stop it, then start again.`;
}
