/** Length as people count it: characters, not UTF-16 units, without the spaces around. */
export const len = (s: string) => Array.from(s.trim()).length
