import { useCallback, useEffect, useState } from 'react'
import { api } from '../../api'
import type { CategoryView } from '../../contracts/api'
import { usePhotoUploads } from '../../hooks/usePhotoUploads'
import { useLocationPicker, type PickedLocation } from '../../hooks/useLocationPicker'
import { useVoiceNote } from '../VoiceNote/useVoiceNote'
import { emptyDraft, type DraftErrors, type ReportDraft } from '../../utils/report-draft'

export type ReportFieldValues = Omit<ReportDraft, 'photos'>

interface Options<E> {
  /** Fields the page asks besides the report's own (代办: the resident's name and phone). */
  extra?: E
  /** Called with each category list loaded (the resident's form keeps it for offline use). */
  keepCategories?: (list: CategoryView[]) => void
  /** When the server cannot be reached, a list kept earlier, or null. */
  cachedCategories?: () => CategoryView[] | null
}

/**
 * The state behind <ReportFields>: the fields, their errors, photos, categories and the picked
 * location with its grid. `fieldProps` is spread onto <ReportFields>; the rest is for submitting.
 */
export function useReportForm<E extends object = Record<never, never>, Errs extends DraftErrors = DraftErrors>({
  extra,
  keepCategories,
  cachedCategories,
}: Options<E> = {}) {
  type Fields = ReportFieldValues & E
  const [fields, setFields] = useState<Fields>(() => {
    const { photos: _unused, ...rest } = emptyDraft()
    return { ...rest, ...(extra ?? ({} as E)) }
  })
  const uploads = usePhotoUploads()
  const voice = useVoiceNote()
  const [grid, setGrid] = useState<PickedLocation['grid']>(null)
  const [categories, setCategories] = useState<CategoryView[] | null>(null)
  const [loadError, setLoadError] = useState('')
  const [errors, setErrors] = useState<Errs>({} as Errs)

  const set = <K extends keyof Fields>(k: K, v: Fields[K]) => {
    setFields((f) => ({ ...f, [k]: v }))
    if (errors[k as keyof Errs]) setErrors((e) => ({ ...e, [k]: undefined }))
  }

  // Read once: the page passes plain functions, which need not be stable.
  const [keep] = useState(() => keepCategories)
  const [cached] = useState(() => cachedCategories)
  const loadCategories = useCallback(async () => {
    setLoadError('')
    const r = await api.call('reports.categories', {})
    if (r.ok) {
      setCategories(r.categories)
      keep?.(r.categories)
      return
    }
    // Offline: the last list seen still lets the resident write the report into the outbox.
    const kept = r.code === 'UNAVAILABLE' && cached ? cached() : null
    if (kept) setCategories(kept)
    else setLoadError(r.message)
  }, [keep, cached])

  useEffect(() => {
    void loadCategories()
  }, [loadCategories])

  const onPicked = useCallback((loc: PickedLocation) => {
    setFields((f) => ({ ...f, point: loc.point, address: loc.address || f.address }))
    setGrid(loc.grid)
    setErrors((e) => ({ ...e, location: undefined, address: loc.address ? undefined : e.address }))
  }, [])
  const location = useLocationPicker(onPicked)

  return {
    fields,
    setFields,
    set,
    errors,
    setErrors,
    photos: uploads.photos,
    addPhotos: uploads.add,
    voice,
    grid,
    setGrid,
    categories,
    fieldProps: {
      fields,
      set,
      errors,
      categories,
      loadError,
      onReloadCategories: () => void loadCategories(),
      uploads,
      grid,
      location,
      voice: {
        ...voice.props,
        // A new recording answers the complaint about the last one (and about a missing description).
        onRecorded: (r: Parameters<typeof voice.props.onRecorded>[0]) => {
          setErrors((e) => ({ ...e, voice: undefined, description: undefined }))
          voice.props.onRecorded(r)
        },
      },
    },
  }
}
