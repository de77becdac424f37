/** CloudBase side of the files aggregate: file metadata (the bytes are the FileStore's, files.ts) and upload tickets. */
import type { FileMetaRepo } from '../../ports'
import { FILE_FIELDS } from '../tables'
import { guard } from './cloudbaseErrors'
import { answered, byId, byIds, checked, type CloudbaseAccess } from './db'
import { docMapper, withoutId } from './docs'

const fileDocs = docMapper('jf_files', FILE_FIELDS, 'id')

export function cloudbaseFileMeta(c: CloudbaseAccess): FileMetaRepo {
  return {
    async putFileMeta(f) {
      const doc = fileDocs.toDoc(f)
      checked(await guard(() => c.coll('files').doc(f.id).set(withoutId(doc))))
    },
    async getFileMeta(id) {
      const d = await byId(c.coll, 'files', id)
      return d ? fileDocs.fromDoc(d) : null
    },
    async getFileMetas(ids) {
      return (await byIds(c, 'files', ids)).map(fileDocs.fromDoc)
    },
    /** One document per ticket, its _id the path's hash; a used ticket keeps `usedAt`. */
    async putUploadTicket(t) {
      checked(await guard(() => c.coll('upload_tickets').doc(t.pathHash).set({ ownerId: t.ownerId, expiresAt: new Date(t.expiresAt).toISOString(), usedAt: null })))
    },
    async useUploadTicket(pathHash, ownerId, now) {
      const at = new Date(now).toISOString()
      // One conditional update: of two registrations of one ticket at once, only one matches.
      const res = await guard(() =>
        c.coll('upload_tickets').where({ _id: pathHash, ownerId, usedAt: null, expiresAt: c.db.command.gt(at) }).options({ multiple: false }).update({ usedAt: at }),
      )
      return answered(res, 'updated') === 1
    },
  }
}
