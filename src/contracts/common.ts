/**
 * Wire shapes more than one area shares: photos as the app shows them, and a case's timeline and
 * next moves (reports and mediation render both the same way).
 */
import type { z } from 'zod'
import type { FormField } from '../core/command'
import type { noteVisibility } from './commonSchemas'

export interface PhotoView {
  fileId: string
  /** Short-lived URL the app can show directly. */
  url: string
}

export type NoteVisibility = z.infer<typeof noteVisibility>

export interface TimelineView {
  id: string
  action: string
  actionLabel: string
  fromStatus: string | null
  toStatus: string
  toStatusLabel: string
  /** "居民", "网格员 李明" — never a resident's name to staff when anonymous. */
  actorLabel: string
  note: string | null
  attachments: PhotoView[]
  at: string
  /** 'public': a public update followers see; 'internal': staff only (and the reporter's own rows). */
  visibility: NoteVisibility
  visibilityLabel: string
}

/** A move the viewer may make now, straight from the transition table. */
export interface ActionView {
  action: string
  label: string
  /** The staff sheet's fields of `form` (note, photos, assignee, merge target, rating, 回访结果). */
  needs: Array<'note' | 'attachments' | 'assignee' | 'target' | 'rating' | 'satisfaction'>
  /**
   * What the action sheet shows, in order, from the kind's declaration of the move. The server
   * always sends it; optional only for views built before it existed.
   */
  form?: FormField[]
}

/** One row of a breakdown on a desk page or in stats: what it counts (key and its Chinese label) and how many. */
export interface Tally {
  key: string
  label: string
  count: number
}
