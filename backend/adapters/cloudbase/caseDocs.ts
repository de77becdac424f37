/** How a case and its timeline rows look as CloudBase documents (shared by the case repo and the case walk). */
import type { Case, TimelineEvent } from '../../../src/core/case'
import { CASE_FIELDS, EVENT_FIELDS } from '../tables'
import { docMapper, type Doc } from './docs'

export const caseDocs = docMapper('jf_cases', CASE_FIELDS, 'id')
/** `seq` keeps append order, as the SQLite adapter's autoincrement does. */
export const eventDocs = docMapper('jf_timeline', EVENT_FIELDS, 'id')

export const caseToDoc = (c: Case): Doc => caseDocs.toDoc(c)
export const eventToDoc = (e: TimelineEvent, seq: number): Doc => eventDocs.toDoc(e, { seq })
export const docToEvent = (d: Doc): TimelineEvent => eventDocs.fromDoc(d)
