import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import { api } from '../../../api'
import { communitiesOf, publishErrorsFromDetails, publishTarget, validatePublish, type PublishDraft, type PublishErrors, type TargetKind } from '../../../utils/gridwork/publish'
import { dispatcherStreet, workerGrids } from '../../../utils/gridwork/roles'
import type { GridView } from '../../../contracts/api'
import { useSession } from '../../../hooks/useSession'
import { randomId } from '../../../utils/id'
import { RECEIPTS_URL } from '../../../utils/gridwork/links'

/** The 发布公告 form: who may publish where, the draft, its checks and the send. */
export function useGridPublish() {
  const { params } = useRouter()
  const preset = params.code ? decodeURIComponent(params.code) : ''
  const { state: session } = useSession()
  const me = session.status === 'ready' ? session.me : null
  const mine = useMemo(() => (me ? workerGrids(me) : []), [me])
  const street = me ? dispatcherStreet(me) : null

  const [draft, setDraft] = useState<PublishDraft>({ type: 'notice', title: '', body: '', target: 'mine', codes: [], community: '' })
  const [streetGrids, setStreetGrids] = useState<GridView[] | null>(null)
  const [gridsError, setGridsError] = useState('')
  const [errors, setErrors] = useState<PublishErrors>({})
  const [formError, setFormError] = useState('')
  const [sending, setSending] = useState(false)
  // One key per draft: a retry after a lost answer must not push the same announcement twice.
  const idempotencyKey = useRef(randomId(26))
  const started = useRef(false)

  const targets: TargetKind[] = [...(mine.length ? (['mine'] as const) : []), ...(street ? (['grids', 'community', 'street'] as const) : [])]

  // Who is signed in decides the starting target: the worker's own grid, or the grid the street opened this from.
  useEffect(() => {
    if (!me || started.current) return
    started.current = true
    const own = mine.find((g) => g.code === preset) ?? mine[0]
    if (own && (!street || !preset || mine.some((g) => g.code === preset))) setDraft((d) => ({ ...d, target: 'mine', codes: [own.code] }))
    else if (street) setDraft((d) => ({ ...d, target: 'grids', codes: preset ? [preset] : [] }))
  }, [me, mine, preset, street])

  const loadGrids = async () => {
    if (!street) return
    setGridsError('')
    const r = await api.call('reports.gridMap', {})
    if (!r.ok) return setGridsError(r.message)
    // Grid codes extend the street's 区划代码; another street's grids are not this centre's to address.
    const own = r.grids.filter((g) => g.code.startsWith(street.code))
    setStreetGrids((own.length ? own : r.grids).map(({ code, name, path, phone }) => ({ code, name, path, phone })))
  }

  useEffect(() => {
    if (street && !streetGrids) void loadGrids()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [street?.code])

  const communities = useMemo(() => communitiesOf(streetGrids ?? []), [streetGrids])

  const set = <K extends keyof PublishDraft>(k: K, v: PublishDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }))
    const field = k === 'codes' || k === 'community' ? 'target' : k
    if (errors[field as keyof PublishErrors]) setErrors((e) => ({ ...e, [field]: undefined }))
  }

  const pickTarget = (t: TargetKind) => {
    if (t === draft.target) return
    setErrors((e) => ({ ...e, target: undefined }))
    setDraft((d) => ({ ...d, target: t, codes: t === 'mine' ? (mine[0] ? [mine[0].code] : []) : t === 'grids' ? [] : d.codes }))
  }

  const toggleGrid = (code: string) => set('codes', draft.codes.includes(code) ? draft.codes.filter((c) => c !== code) : [...draft.codes, code])

  const publish = async () => {
    if (sending) return
    setFormError('')
    const found = validatePublish(draft, street?.code ?? null)
    if (Object.keys(found).length) {
      setErrors(found)
      void Taro.showToast({ title: Object.values(found).find(Boolean)!, icon: 'none' })
      return
    }
    if (draft.type === 'emergency') {
      const c = await Taro.showModal({ title: '发布紧急公告', content: '紧急公告会推送给目标网格的全部居民，并在他们的公告列表置顶。确定发布吗？', confirmText: '发布' })
      if (!c.confirm) return
    }
    setSending(true)
    const r = await api.call('grid.publish', {
      idempotencyKey: idempotencyKey.current,
      type: draft.type as Exclude<PublishDraft['type'], ''>,
      title: draft.title.trim(),
      body: draft.body.trim(),
      target: publishTarget(draft, street?.code ?? null),
    })
    setSending(false)
    if (r.ok) {
      void Taro.showToast({ title: `已发布到 ${r.grids} 个网格`, icon: 'success', duration: 1200 })
      // Replace the form: "back" from the receipts must not land on an announcement already sent.
      setTimeout(() => void Taro.redirectTo({ url: `${RECEIPTS_URL}?id=${encodeURIComponent(r.announcement.id)}` }), 800)
      return
    }
    // The draft and its key stay, so the next tap is a safe retry.
    setErrors(publishErrorsFromDetails(r.details))
    const text = r.message
    setFormError(text)
    void Taro.showToast({ title: text, icon: 'none' })
  }
  return { session, mine, street, draft, streetGrids, gridsError, errors, formError, sending, targets, loadGrids, communities, set, pickTarget, toggleGrid, publish }
}

export type GridPublishState = ReturnType<typeof useGridPublish>
