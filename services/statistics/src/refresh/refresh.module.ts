import { defineModule } from '@shequ/kit';
import type { FeedFactory } from './feed-source';
import { RefreshResolver } from './refresh.resolver';

/** Collecting the department feeds into the store: on a schedule, or when an admin asks. `feeds` opens them for one refresh. */
export function refreshModule(feeds: FeedFactory) {
  return defineModule({ name: 'refresh', resolvers: [RefreshResolver], loaders: () => ({ feeds }) });
}
