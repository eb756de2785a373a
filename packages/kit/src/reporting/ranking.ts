import { readInput } from '../validation/input-rule';
import { integerRule } from '../validation/numbers';

/** How many communities a ranking lists when `first` is not given. */
export const DEFAULT_RANKING_SIZE = 20;
/** The most a ranking lists, as for any list of the graph. */
export const MAX_RANKING_SIZE = 100;

/** A ranking's `first`: 1 to 100 communities (BAD_USER_INPUT naming `first` otherwise). */
export function readRankingFirst(first: number): number {
  return readInput(integerRule(1, MAX_RANKING_SIZE), first, 'first');
}
