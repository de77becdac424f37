/** Browser file reading for the H5 desk pages (the console is never in the mini-program). */
import { MAX_GEOJSON_BYTES, MAX_TABLE_BYTES } from '../../contracts/limits'

export function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => resolve(String(r.result ?? ''))
    r.onerror = () => reject(r.error ?? new Error('read failed'))
    r.readAsText(file, 'utf-8')
  })
}

/** The file's bytes as base64 (the server decodes CSV encodings and .xlsx itself). */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => {
      const url = String(r.result ?? '')
      resolve(url.slice(url.indexOf(',') + 1))
    }
    r.onerror = () => reject(r.error ?? new Error('read failed'))
    r.readAsDataURL(file)
  })
}

export const CHANGE_LABELS = { added: '新增', changed: '变更', unchanged: '无变化', removed: '删除' } as const

export { MAX_GEOJSON_BYTES, MAX_TABLE_BYTES }
