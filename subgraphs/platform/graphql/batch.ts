/** Helpers for DataLoader batch functions: answers must come back in the order of the keys. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function byKey<T, K>(items: readonly T[], key: (item: T) => K, keys: readonly K[]): (T | undefined)[] {
  const index = new Map(items.map((item) => [key(item), item]));
  return keys.map((k) => index.get(k));
}

/**
 * Maps each key to its answer, or to its own Error: one key whose rows cannot be read (a sum out of
 * range) fails that key alone, not every entity batched with it.
 */
export function perKey<K, V>(keys: readonly K[], answer: (key: K) => V): (V | Error)[] {
  return keys.map((key) => {
    try {
      return answer(key);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  });
}
