/**
 * Typo tolerance for region search: how many edits a query word may carry, and the edit distance
 * (optimal string alignment, i.e. Damerau-Levenshtein with adjacent transpositions) between a query
 * word and the *start* of a region word, so that "denpasr" finds Denpasar and "sukamj" (a typo on the
 * way to "sukamaju") already finds Sukamaju while the user is still typing.
 */

/** No typos in words under 4 letters (too many near neighbours), 1 from 4 letters, 2 from 8. */
export function typoAllowance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

/**
 * The fewest edits turning `token` into some prefix of `word`, or `limit + 1` when that exceeds
 * `limit`. Gives up as soon as a whole row of the table exceeds the limit, which for a word that
 * starts differently is after two or three letters: that is what keeps a scan of the whole
 * vocabulary (~50,000 words) within a few milliseconds.
 */
export function prefixEditDistance(token: string, word: string, limit: number): number {
  return distance(token, word, limit, false);
}

/** The edits turning `token` into the whole of `word`, or `limit + 1` when that exceeds `limit`. */
export function editDistance(token: string, word: string, limit: number): number {
  return distance(token, word, limit, true);
}

function distance(token: string, word: string, limit: number, wholeWord: boolean): number {
  const m = token.length;
  if (wholeWord && Math.abs(m - word.length) > limit) return limit + 1;
  // A prefix of `word` longer than m + limit cannot be within `limit` edits of `token`.
  const n = wholeWord ? word.length : Math.min(word.length, m + limit);
  if (m - n > limit) return limit + 1;
  let before = new Int32Array(n + 1);
  let previous = new Int32Array(n + 1);
  let current = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    let rowMin = i;
    const t = token.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const w = word.charCodeAt(j - 1);
      let value = Math.min(previous[j - 1]! + (t === w ? 0 : 1), previous[j]! + 1, current[j - 1]! + 1);
      if (i > 1 && j > 1 && t === word.charCodeAt(j - 2) && token.charCodeAt(i - 2) === w) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  if (wholeWord) return Math.min(previous[n]!, limit + 1);
  // The last row holds the distance of the whole token to each prefix of the word.
  let best = limit + 1;
  for (let j = 0; j <= n; j++) if (previous[j]! < best) best = previous[j]!;
  return best;
}
