/** LIKE patterns with the user's or path's own `\`, `%` and `_` escaped, so they match literally. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Everything that starts with `prefix` (a subtree, for materialised paths). */
export const likePrefix = (prefix: string) => `${escapeLike(prefix)}%`;

/** Everything that contains `text` (free-text search). */
export const likeContains = (text: string) => `%${escapeLike(text)}%`;
