/** CloudBase side of file metadata (the bytes are the FileStore's, files.ts). */
import type { FileMetaRepo } from '../../ports'
import { FILE_FIELDS } from '../tables'
import { guard } from './cloudbaseErrors'
import { byId, checked, type CloudbaseAccess } from './db'
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
  }
}
