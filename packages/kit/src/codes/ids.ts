import { badUserInput } from '../errors/graphql-errors';
import { shown } from './division-codes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Record ids are UUIDs: anything else is the caller's mistake (BAD_USER_INPUT), not a missing row (NOT_FOUND). */
export function assertId(value: string, argument: string): string {
  if (!UUID.test(value)) {
    throw badUserInput(argument, `${shown(value)} is not an id returned by the graph`);
  }
  return value;
}
