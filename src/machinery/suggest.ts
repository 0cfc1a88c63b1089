/** Close-match suggestions for unknown ids (Levenshtein distance, then shared prefix/substring). */

export function levenshteinDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Up to `limit` candidates closest to `wanted`: substring matches first, then by edit distance. */
export function closestIds(wanted: string, candidates: readonly string[], limit = 3): string[] {
  const query = wanted.toLowerCase();
  const scored = candidates.map((id) => {
    const lower = id.toLowerCase();
    const contains = lower.includes(query) || query.includes(lower) ? 0 : 1;
    return { id, contains, distance: levenshteinDistance(query, lower) };
  });
  const maxDistance = Math.max(3, Math.ceil(query.length / 2));
  return scored
    .filter((s) => s.contains === 0 || s.distance <= maxDistance)
    .sort((x, y) => x.contains - y.contains || x.distance - y.distance || x.id.localeCompare(y.id))
    .slice(0, limit)
    .map((s) => s.id);
}
