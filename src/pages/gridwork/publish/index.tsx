import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import { api } from '../../../api'
import FieldError from '../../../components/FieldError'
import { ANNOUNCEMENT_TYPES } from '../../../utils/gridwork/labels'
import { BODY_MAX, TITLE_MAX, communitiesOf, publishErrorsFromDetails, publishTarget, validatePublish, type PublishDraft, type PublishErrors, type TargetKind } from '../../../utils/gridwork/publish'
import { dispatcherStreet, workerGrids } from '../../../utils/gridwork/roles'
import type { GridView } from '../../../contracts/api'
import { useSession } from '../../../hooks/useSession'
import { randomId } from '../../../utils/id'
import '../../../components/GridWorkKit/kit.css'
import './index.css'

const TARGET_LABELS: Record<TargetKind, string> = { mine: '我的网格', grids: '选择网格', community: '整个社区', street: '全街道' }
export const RECEIPTS_URL = '/pages/gridwork/receipts/index'

/** 发布公告: to the worker's grid, or (综治中心) to chosen grids, a community or the whole street. */
export default function GridPublish() {
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
    const text = r.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : r.message
    setFormError(text)
    void Taro.showToast({ title: text, icon: 'none' })
  }

  if (session.status === 'loading') return <View className='jf-page jf-center'>正在加载…</View>
  if (session.status !== 'ready')
    return (
      <View className='jf-page jf-center' id='jf-gw-publish-error'>
        <Text>{session.status === 'error' ? session.message : '请先登录'}</Text>
      </View>
    )
  if (!targets.length)
    return (
      <View className='jf-page jf-center' id='jf-gw-publish-error'>
        <Text>只有网格员和街道综治中心可以发布公告</Text>
      </View>
    )

  const emergency = draft.type === 'emergency'

  return (
    <View className='jf-page jf-gw-publish' id='jf-gw-publish-page'>
      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>公告类型</Text>
        <View className='jf-gw-chips' id='jf-gw-types'>
          {ANNOUNCEMENT_TYPES.map((t) => (
            <View
              key={t.key}
              className={`jf-gw-chip jf-gw-type ${t.key === 'emergency' ? 'is-emergency' : ''} ${draft.type === t.key ? 'is-active' : ''}`}
              data-type={t.key}
              onClick={() => set('type', t.key)}
            >
              <Text>{t.label}</Text>
            </View>
          ))}
        </View>
        <FieldError field='type' message={errors.type} />
        {emergency && (
          <View className='jf-gw-emergency' id='jf-gw-emergency-warn'>
            <Text className='jf-gw-emergency-title'>紧急公告将立即推送并置顶</Text>
            <Text className='jf-gw-emergency-text'>会通过消息推送给目标网格的全部已入群居民，并在未读前置顶显示，将统计 15 分钟内阅读率。请仅用于停水停电、极端天气、安全隐患等紧急情况。</Text>
          </View>
        )}
      </View>

      <View className='jf-card'>
        <Text className='jf-section-title jf-required'>标题</Text>
        <View className='jf-gw-field' id='jf-gw-title'>
          <Input value={draft.title} onChange={(v) => set('title', v)} placeholder='如：本周六上午 9 点小区停水通知' maxLength={TITLE_MAX} />
        </View>
        <FieldError field='title' message={errors.title} />
        <Text className='jf-section-title jf-required'>内容</Text>
        <View className='jf-gw-field jf-gw-body' id='jf-gw-body'>
          <TextArea value={draft.body} onChange={(v) => set('body', v)} placeholder='请写清时间、地点、影响范围和居民需要做什么' maxLength={BODY_MAX} rows={6} autoSize />
        </View>
        <FieldError field='body' message={errors.body} />
      </View>

      <View className='jf-card' id='jf-gw-targets'>
        <Text className='jf-section-title jf-required'>发布范围</Text>
        {targets.length > 1 && (
          <View className='jf-gw-chips'>
            {targets.map((t) => (
              <View key={t} className={`jf-gw-chip jf-gw-target ${draft.target === t ? 'is-active' : ''}`} data-target={t} onClick={() => pickTarget(t)}>
                <Text>{TARGET_LABELS[t]}</Text>
              </View>
            ))}
          </View>
        )}

        {draft.target === 'mine' &&
          (mine.length > 1 ? (
            <View className='jf-gw-chips'>
              {mine.map((g) => (
                <View key={g.code} className={`jf-gw-chip jf-gw-grid-pick ${draft.codes.includes(g.code) ? 'is-active' : ''}`} data-code={g.code} onClick={() => toggleGrid(g.code)}>
                  <Text>{g.name}</Text>
                </View>
              ))}
            </View>
          ) : (
            <Text className='jf-gw-target-line' id='jf-gw-target-mine'>
              发布到：{mine[0]?.name}
            </Text>
          ))}

        {(draft.target === 'grids' || draft.target === 'community') && !streetGrids && (
          <View className='jf-gw-target-line'>
            <Text className='jf-muted'>{gridsError || '正在加载网格…'}</Text>
            {gridsError && (
              <Button size='small' onClick={() => void loadGrids()}>
                重试
              </Button>
            )}
          </View>
        )}

        {draft.target === 'grids' && streetGrids && (
          <View className='jf-gw-chips' id='jf-gw-grid-picks'>
            {streetGrids.map((g) => (
              <View key={g.code} className={`jf-gw-chip jf-gw-grid-pick ${draft.codes.includes(g.code) ? 'is-active' : ''}`} data-code={g.code} onClick={() => toggleGrid(g.code)}>
                <Text>{g.name}</Text>
              </View>
            ))}
          </View>
        )}

        {draft.target === 'community' && streetGrids && (
          <View className='jf-gw-chips' id='jf-gw-communities'>
            {communities.map((c) => (
              <View key={c.code} className={`jf-gw-chip jf-gw-community ${draft.community === c.code ? 'is-active' : ''}`} data-code={c.code} onClick={() => set('community', c.code)}>
                <Text>
                  {c.name}（{c.grids} 个网格）
                </Text>
              </View>
            ))}
          </View>
        )}

        {draft.target === 'street' && street && (
          <Text className='jf-gw-target-line' id='jf-gw-target-street'>
            发布到：{street.name}全部网格
          </Text>
        )}
        <FieldError field='target' message={errors.target} />
        {draft.target === 'grids' && draft.codes.length > 0 && <Text className='jf-gw-note-line'>已选 {draft.codes.length} 个网格</Text>}
      </View>

      {formError && (
        <View className='jf-gw-error' id='jf-gw-publish-form-error'>
          <Text>{formError}</Text>
        </View>
      )}

      <View className='jf-gw-submit-bar'>
        <Button id='jf-gw-publish' type='primary' block size='large' loading={sending} onClick={() => void publish()}>
          {sending ? '正在发布…' : emergency ? '发布紧急公告' : '发布'}
        </Button>
      </View>
    </View>
  )
}
