import DataLoader from 'dataloader';

/**
 * A per-request loader of one row per key: `fetch` reads all requested keys
 * in one statement; keys nothing matches resolve to null.
 */
export function loaderByKey<Key, Row>(fetch: (keys: Key[]) => Promise<Row[]>, keyOf: (row: Row) => Key): DataLoader<Key, Row | null> {
  return new DataLoader<Key, Row | null>(async (keys) => {
    const byKey = new Map((await fetch([...keys])).map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/**
 * A per-request loader of the rows under each key (children of a parent),
 * in the order `fetch` returns them, from one statement for all keys.
 */
export function loaderOfLists<Key, Row>(fetch: (keys: Key[]) => Promise<Row[]>, keyOf: (row: Row) => Key): DataLoader<Key, Row[]> {
  return new DataLoader<Key, Row[]>(async (keys) => {
    const byKey = new Map<Key, Row[]>(keys.map((key) => [key, []]));
    for (const row of await fetch([...keys])) {
      byKey.get(keyOf(row))?.push(row);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}
