/** The case's message thread: merging polled messages and the next cursor. */
import type { MessageView } from '../../contracts/api'
import { MESSAGE_MAX } from '../../contracts/limits'

/** New messages joined onto the shown ones: no duplicates (a poll may overlap a send), oldest first. */
export function mergeMessages(shown: MessageView[], incoming: MessageView[]): MessageView[] {
  if (!incoming.length) return shown
  const byId = new Map(shown.map((m) => [m.id, m]))
  for (const m of incoming) byId.set(m.id, m)
  return [...byId.values()].sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at < b.at ? -1 : 1))
}

/** The `after` cursor for the next poll: the newest message's id (ids sort by time). */
export function afterCursor(messages: MessageView[]): string | undefined {
  return messages.length ? messages[messages.length - 1]!.id : undefined
}

export { MESSAGE_MAX }
export const POLL_MS = 5000
