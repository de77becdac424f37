import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../api'
import type { ModerateInput, ModerationItemView } from '../../contracts/api'
import type { Failure } from '../../core/outcome'
import { usePagedList } from '../../hooks/usePagedList'
import { appendItems, describeInput, photoInput, replaceItem, reportInput, type DescriptionMove, type PhotoMove } from '../ModerationKit/logic'
import type { SheetTask } from './ModerationSheet'

const PAGE = 20
const CONFLICT_TEXT = '该事项已被他人更新，已刷新'
const DONE: Record<string, string> = { publish: '已公开', hide: '已隐藏', redact: '已编辑后公开', unhide: '已恢复公开视图' }
/** WeChat answers an image check by a push, usually within seconds: look again a few times. */
const CHECK_POLL_MS = 1500
const CHECK_POLLS = 8

type Row = ModerationItemView & { id: string }
const rowOf = (item: ModerationItemView): Row => ({ ...item, id: item.case.id })

/**
 * 内容审核's state: reports in the caller's scope with content still 待审核 (the server decides the
 * scope), polled while a photo is under WeChat's check. Each decision is one cases.moderate call
 * whose answer replaces the item, so the list shows what was decided until the next reload.
 */
export function useModerationQueue() {
  const list = usePagedList<Row>(
    (before) =>
      api.call('cases.moderationQueue', before ? { before, limit: PAGE } : { limit: PAGE }).then((r) => (r.ok ? { ok: true as const, items: r.items.map(rowOf), next: r.next } : r)),
    { merge: appendItems },
  )
  const { items, setItems, refresh } = list
  const [busy, setBusy] = useState<{ id: string; key: string } | null>(null)
  const [task, setTask] = useState<SheetTask | null>(null)
  const polls = useRef(0)
  const checking = items.some((x) => x.photos.some((p) => p.checking))

  useEffect(() => {
    if (!checking) {
      polls.current = 0
      return
    }
    if (polls.current >= CHECK_POLLS) return
    const timer = setTimeout(() => {
      polls.current += 1
      void refresh()
    }, CHECK_POLL_MS)
    return () => clearTimeout(timer)
  }, [checking, items, refresh])

  /** One cases.moderate round trip; a stale version reloads the queue. */
  const send = async (input: ModerateInput): Promise<Failure | null> => {
    const r = await api.call('cases.moderate', input)
    if (r.ok) {
      setItems((list) => replaceItem(list, rowOf(r.item)))
      setTask(null)
      const underCheck = input.target === 'photo' && input.decision === 'publish' && r.item.photos.find((p) => p.fileId === input.fileId)?.checking
      void Taro.showToast({ title: underCheck ? '已提交内容安全检测' : DONE[input.decision] ?? '已处理', icon: underCheck ? 'none' : 'success', duration: 1200 })
      return null
    }
    if (r.code === 'CONFLICT') {
      setTask(null)
      await refresh()
      void Taro.showToast({ title: CONFLICT_TEXT, icon: 'none', duration: 2000 })
      return null
    }
    return r
  }

  /** A one-tap decision (publish, the face/plate hide, unhide): its failure is a toast. */
  const tap = async (id: string, key: string, input: ModerateInput) => {
    if (busy) return
    setBusy({ id, key })
    const failure = await send(input)
    setBusy(null)
    if (failure) void Taro.showToast({ title: failure.message, icon: 'none', duration: 2500 })
  }

  const onDescription = (item: ModerationItemView, move: DescriptionMove) => {
    const ref = { id: item.case.id, version: item.version }
    if (move === 'publish') void tap(item.case.id, 'desc-publish', describeInput(ref, 'publish'))
    else setTask(move === 'redact' ? { mode: 'redact', item } : { mode: 'hide-description', item })
  }

  const onPhoto = (item: ModerationItemView, fileId: string, move: PhotoMove) => {
    const ref = { id: item.case.id, version: item.version }
    if (move === 'hide') setTask({ mode: 'hide-photo', item, fileId })
    else void tap(item.case.id, `photo-${move}-${fileId}`, photoInput(ref, fileId, move))
  }

  const onReport = (item: ModerationItemView, hide: boolean) => {
    if (hide) setTask({ mode: 'hide-report', item })
    else void tap(item.case.id, 'report-unhide', reportInput({ id: item.case.id, version: item.version }, false))
  }

  return { list, busy, task, closeSheet: () => setTask(null), send, onDescription, onPhoto, onReport }
}
