import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { SchemaCheckError } from './schema-check-error';
import type { SchemaChange } from './schema-changes';
import { readOptional } from './subgraph-files';

/** A breaking change a department accepts for its next release, and why. */
export interface Acknowledgement {
  /** The change's path (`Community.population`) or its whole message, as the check prints them. */
  change: string;
  reason: string;
}

const acknowledgementsSchema = z.array(
  z
    .object({
      change: z.string({ required_error: 'is required' }).trim().min(1, 'may not be empty'),
      reason: z.string({ required_error: 'is required: say why callers may lose what the change removes' }).trim().min(1, 'may not be empty'),
    })
    .strict(),
);

/**
 * The acknowledgements in `path` (none when there is no file). `source` names
 * the file in a refusal, which says which entry is wrong and how.
 */
export function readAcknowledgements(path: string, source: string): Acknowledgement[] {
  const text = readOptional(path);
  if (text === null) {
    return [];
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SchemaCheckError('INVALID_ACKNOWLEDGEMENTS', `${source} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = acknowledgementsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `entry ${Number(issue.path[0]) + 1}${issue.path.length > 1 ? `, "${issue.path.slice(1).join('.')}"` : ''}` : 'the file';
    throw new SchemaCheckError(
      'INVALID_ACKNOWLEDGEMENTS',
      `${source}: ${where}: ${issue.message} (expected a list of { "change": "<the change's path or message>", "reason": "…" })`,
    );
  }
  return parsed.data;
}

/** Empties the file: its changes are released, and the next release starts with none accepted. */
export function clearAcknowledgements(path: string): void {
  writeFileSync(path, '[]\n');
}

export function acknowledges(acknowledgement: Acknowledgement, change: SchemaChange): boolean {
  return acknowledgement.change === change.path || acknowledgement.change === change.message;
}
