import type { CategoryView, LocationInput } from '../contracts/api'
import { ADDRESS_MAX, DESCRIPTION_MAX, DESCRIPTION_MIN, MAX_PHOTOS } from '../contracts/limits'
import { isSelectableCategory } from './categories'

export { ADDRESS_MAX, DESCRIPTION_MAX, DESCRIPTION_MIN, MAX_PHOTOS }

export type PhotoState = 'uploading' | 'done' | 'failed'

export interface DraftPhoto {
  key: string
  localPath: string
  state: PhotoState
  fileId?: string
  error?: string
}

export interface ReportDraft {
  category: string
  description: string
  photos: DraftPhoto[]
  /** Set by "使用当前位置" or the map; the address text may be edited afterwards. */
  point: { lng: number; lat: number } | null
  address: string
  anonymous: boolean
}

export type DraftField = 'category' | 'description' | 'photos' | 'location' | 'address' | 'voice'
export type DraftErrors = Partial<Record<DraftField, string>>

export function emptyDraft(): ReportDraft {
  return { category: '', description: '', photos: [], point: null, address: '', anonymous: false }
}

/** Characters as people count them (an emoji is one), the way the counter shows them. */
export function charCount(s: string): number {
  return Array.from(s.trim()).length
}

/**
 * Field-by-field check before sending; the server checks again and its `details` win. `voice`: a voice
 * note is attached (uploaded or still uploading) and describes the problem, so the words may be few or none.
 */
export function validateDraft(d: ReportDraft, categories: CategoryView[], voice = false): DraftErrors {
  const e: DraftErrors = {}
  if (!d.category) e.category = '请选择问题类别'
  else if (categories.length && !isSelectableCategory(categories, d.category)) e.category = '请选择具体类别'
  const n = charCount(d.description)
  if (n === 0 && !voice) e.description = '请描述您遇到的问题，或按住说话留一段语音'
  else if (n < DESCRIPTION_MIN && !voice) e.description = `问题描述至少 ${DESCRIPTION_MIN} 个字，或按住说话留一段语音`
  else if (n > DESCRIPTION_MAX) e.description = `问题描述不能超过 ${DESCRIPTION_MAX} 个字`
  if (d.photos.some((p) => p.state === 'uploading')) e.photos = '照片还在上传，请稍候'
  else if (d.photos.some((p) => p.state === 'failed')) e.photos = '有照片上传失败，请重试或删除'
  else if (d.photos.length > MAX_PHOTOS) e.photos = `最多 ${MAX_PHOTOS} 张照片`
  if (!d.point) e.location = '请选择问题发生的位置'
  if (!d.address.trim()) e.address = '请填写详细地址'
  else if (charCount(d.address) > ADDRESS_MAX) e.address = `地址不能超过 ${ADDRESS_MAX} 个字`
  return e
}

export function toLocation(d: ReportDraft): LocationInput {
  return { lng: d.point?.lng ?? 0, lat: d.point?.lat ?? 0, address: d.address.trim() }
}

/** Server `details` use the contract's field names; map them onto the form's fields. */
export function fieldOfDetail(key: string): DraftField | null {
  if (key === 'category' || key === 'description' || key === 'photos' || key === 'address') return key
  if (key === 'voiceFileId') return 'voice'
  if (key.startsWith('photos')) return 'photos'
  if (key === 'location.address') return 'address'
  if (key.startsWith('location') || key === 'lng' || key === 'lat') return 'location'
  return null
}

export function errorsFromDetails(details: Record<string, string> | undefined): DraftErrors {
  const e: DraftErrors = {}
  for (const [k, v] of Object.entries(details ?? {})) {
    const f = fieldOfDetail(k)
    if (f && !e[f]) e[f] = v
  }
  return e
}
