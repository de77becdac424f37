import { useCallback, useRef, useState } from 'react'
import { api } from '../api'
import { randomId } from '../utils/id'
import type { DraftPhoto } from '../utils/report-draft'

/**
 * Photos of a draft, each uploaded as soon as it is picked so submitting only sends file ids.
 * A failed upload stays in the list with a retry; removing it forgets it.
 */
export function usePhotoUploads() {
  const [photos, setPhotos] = useState<DraftPhoto[]>([])
  // Uploads finishing after a removal must not bring the photo back.
  const removed = useRef(new Set<string>())

  const patch = useCallback((key: string, p: Partial<DraftPhoto>) => {
    if (removed.current.has(key)) return
    setPhotos((list) => list.map((x) => (x.key === key ? { ...x, ...p } : x)))
  }, [])

  const upload = useCallback(
    async (key: string, localPath: string) => {
      patch(key, { state: 'uploading', error: undefined })
      const r = await api.uploadPhoto(localPath)
      if (r.ok) patch(key, { state: 'done', fileId: r.fileId })
      else patch(key, { state: 'failed', error: r.message })
    },
    [patch],
  )

  const add = useCallback(
    (paths: string[]) => {
      const items = paths.map((localPath) => ({ key: randomId(12), localPath, state: 'uploading' as const }))
      setPhotos((list) => [...list, ...items])
      for (const it of items) void upload(it.key, it.localPath)
    },
    [upload],
  )

  const remove = useCallback((key: string) => {
    removed.current.add(key)
    setPhotos((list) => list.filter((x) => x.key !== key))
  }, [])

  const retry = useCallback(
    (key: string) => {
      const p = photos.find((x) => x.key === key)
      if (p) void upload(key, p.localPath)
    },
    [photos, upload],
  )

  return { photos, add, remove, retry }
}
