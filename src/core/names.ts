/**
 * A person's real name where its case does not need it in full: the first and last characters
 * (张*明, 张*), so a neighbour recognises a party without the name being collected from a list.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}*${chars[chars.length - 1]}`
}

/** A join's note as written before names were masked on the timeline: 「楼上住户王先生」 → 「楼*生」. */
export function maskCorrectionNote(note: string): string {
  return note.replace(/被申请人姓名由「([^」]*)」更正为「([^」]*)」/g, (_all, was: string, now: string) => `被申请人姓名由「${maskName(was)}」更正为「${maskName(now)}」`)
}

/** `text` with every given name replaced by its mask, longest first (so 王小明 masks before 王小). */
export function maskNamesIn(text: string, names: readonly string[]): string {
  const sorted = [...new Set(names.map((n) => n.trim()).filter((n) => Array.from(n).length >= 2))].sort((a, b) => b.length - a.length)
  return sorted.reduce((t, n) => t.split(n).join(maskName(n)), text)
}
