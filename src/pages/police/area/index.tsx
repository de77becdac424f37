import { Button, Input, Popup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { api } from '../../../api'
import { isDocNumberQuery, reasonError } from '../../../components/RentalKit/logic'
import RentalReasonSheet from '../../../components/RentalReasonSheet'
import RentalStatusTag from '../../../components/RentalStatusTag'
import type { CheckinStatus, MisuseView, ReferredCaseView, RegistrationView } from '../../../contracts/rental'
import { formatInstant } from '../../../core/time'
import { useOpenAndPullRefresh } from '../../../hooks/useOpenAndPullRefresh'
import { downloadCsv } from '../../../utils/download-csv'
import '../../../components/RentalKit/kit.css'
import './index.css'
import { SEARCH_MAX } from '../../../contracts/limits'

export const AUDIT_URL = '/pages/police/audit/index'
export const MEDIATION_URL = '/pages/mediation/detail/index'
const PAGE = 20

const FILTERS: Array<{ key: string; label: string; statuses?: CheckinStatus[] }> = [
  { key: 'all', label: '全部' },
  { key: 'active', label: '在住', statuses: ['active'] },
  { key: 'pending', label: '待确认', statuses: ['pending'] },
  { key: 'checked_out', label: '已退租', statuses: ['checked_out'] },
]

type Sheet = { kind: 'reveal'; reg: RegistrationView } | { kind: 'export' } | { kind: 'search'; q: string } | { kind: 'close'; dispute: MisuseView } | null
type Revealed = { reg: RegistrationView; docNumber: string; phone: string; reason: string }

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

type SheetKind = NonNullable<Sheet>['kind']
const SHEET_TITLES: Record<Exclude<SheetKind, 'reveal'>, string> = { export: '导出辖区登记 CSV', search: '按证件号码查询', close: '记录核实结果' }
const sheetTitle = (s: NonNullable<Sheet>) => (s.kind === 'reveal' ? `查看 ${s.reg.name ?? ''} 的完整证件号码` : SHEET_TITLES[s.kind])
const SHEET_HINTS: Record<SheetKind, string> = {
  reveal: '完整号码只显示一次，查看事由将记入审计。',
  export: '导出文件含完整证件号码，请妥善保管。导出事由将记入审计。',
  search: '按完整证件号码查询需说明事由，查询将记入审计（记录中号码脱敏）。',
  close: '核实结果会记入该反映的处理记录。',
}
const SHEET_CONFIRM: Record<SheetKind, string> = { reveal: '查看', export: '导出', search: '查询', close: '提交' }

/**
 * Registrations of the officer's area (派出所 / 来穗), masked. The full number is shown once, in a
 * popup, after a reason is given and audited; the CSV export (H5) and a search by full document
 * number are audited the same way. Above the list, the police's open misuse disputes
 * (有人冒用我的证件) and the mediation cases referred to them (警调对接).
 */
export default function PoliceArea() {
  const [filter, setFilter] = useState('all')
  const [q, setQ] = useState('')
  const [items, setItems] = useState<RegistrationView[]>([])
  const [total, setTotal] = useState(0)
  const [next, setNext] = useState<string | null>(null)
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState('')
  const [more, setMore] = useState(false)
  const [sheet, setSheet] = useState<Sheet>(null)
  const [revealed, setRevealed] = useState<Revealed | null>(null)
  const [disputes, setDisputes] = useState<MisuseView[]>([])
  const [referred, setReferred] = useState<ReferredCaseView[]>([])
  const query = useRef({ filter, q: '', reason: '' })

  const statusesOf = (key: string) => FILTERS.find((f) => f.key === key)?.statuses
  const input = (before?: string) => {
    const { filter: f, q: text, reason } = query.current
    const statuses = statusesOf(f)
    return { limit: PAGE, ...(statuses ? { statuses } : {}), ...(text ? { q: text } : {}), ...(text && reason ? { reason } : {}), ...(before ? { before } : {}) }
  }

  const refresh = useCallback(async () => {
    setPhase((p) => (p === 'ready' ? p : 'loading'))
    const asked = query.current
    const r = await api.call('rental.area', input())
    if (asked !== query.current) return
    if (!r.ok) {
      setError(r.message)
      return setPhase('error')
    }
    setItems(r.registrations)
    setDisputes(r.disputes)
    setReferred(r.referred)
    setNext(r.next)
    setTotal(r.total)
    setPhase('ready')
  }, [])

  useOpenAndPullRefresh(refresh)

  const loadMore = async () => {
    if (!next || more) return
    setMore(true)
    const r = await api.call('rental.area', input(next))
    setMore(false)
    if (!r.ok) return toast(r.message)
    setItems((list) => [...list, ...r.registrations.filter((x) => !list.some((y) => y.id === x.id))])
    setNext(r.next)
  }
  useReachBottom(() => void loadMore())

  const pickFilter = (key: string) => {
    query.current = { ...query.current, filter: key }
    setFilter(key)
    setPhase('loading')
    void refresh()
  }
  const run = (text: string, reason: string) => {
    query.current = { ...query.current, q: text, reason }
    setPhase('loading')
    void refresh()
  }
  // A full document number is a read of personal data: asked why first, and recorded.
  const search = () => (isDocNumberQuery(q) ? setSheet({ kind: 'search', q: q.trim() }) : run(q.trim(), ''))

  const closeDispute = async (dispute: MisuseView, note: string): Promise<string> => {
    const r = await api.call('rental.closeDispute', { id: dispute.id, version: dispute.version, note })
    if (!r.ok) return r.details?.note ?? r.message
    setSheet(null)
    setDisputes((list) => list.filter((x) => x.id !== dispute.id))
    void Taro.showToast({ title: '已记录核实结果', icon: 'success' })
    return ''
  }

  const reveal = async (reg: RegistrationView, reason: string): Promise<string> => {
    const r = await api.call('rental.reveal', { id: reg.id, reason })
    if (!r.ok) return r.details?.reason ?? r.message
    setSheet(null)
    // Shown once and kept nowhere: closing the popup drops it from the page (a native modal would keep its text in the DOM).
    setRevealed({ reg, docNumber: r.docNumber, phone: r.phone, reason })
    return ''
  }

  const exportCsv = async (reason: string): Promise<string> => {
    const statuses = statusesOf(query.current.filter)
    const r = await api.call('rental.exportCsv', { reason, ...(statuses ? { statuses } : {}) })
    if (!r.ok) return r.details?.reason ?? r.message
    setSheet(null)
    downloadCsv(r.filename, r.csv)
    void Taro.showToast({ title: `已导出 ${r.rows} 条`, icon: 'success' })
    return ''
  }

  return (
    <View className='jf-page jf-police-area' id='jf-police-area' data-phase={phase} data-total={total}>
      <View className='jf-rental-head'>
        <Text className='jf-rental-head-title'>辖区出租屋登记</Text>
        <Text className='jf-rental-head-sub'>证件号码默认脱敏；查看完整号码或导出需填写事由，全程留痕。</Text>
        <View className='jf-rental-actions jf-police-links'>
          <Button id='jf-police-go-audit' size='small' fill='outline' onClick={() => void Taro.navigateTo({ url: AUDIT_URL })}>
            查询记录
          </Button>
          {process.env.TARO_ENV === 'h5' && (
            <Button id='jf-police-export' size='small' type='primary' onClick={() => setSheet({ kind: 'export' })}>
              导出 CSV
            </Button>
          )}
        </View>
      </View>

      <View className='jf-card'>
        <View className='jf-rental-chips jf-police-filters' id='jf-police-filters'>
          {FILTERS.map((f) => (
            <View key={f.key} className={`jf-rental-chip jf-police-filter ${filter === f.key ? 'is-active' : ''}`} data-filter={f.key} onClick={() => pickFilter(f.key)}>
              <Text>{f.label}</Text>
            </View>
          ))}
        </View>
        <View className='jf-police-search'>
          <View className='jf-rental-input jf-police-q' id='jf-police-q'>
            <Input value={q} onChange={setQ} onConfirm={search} placeholder='楼栋名称、地址或完整证件号码' maxLength={SEARCH_MAX} />
          </View>
          <Button id='jf-police-search' size='small' type='primary' fill='outline' onClick={search}>
            搜索
          </Button>
        </View>
      </View>

      {phase === 'loading' && <View className='jf-center'>正在加载…</View>}
      {phase === 'error' && (
        <View className='jf-center' id='jf-police-error'>
          <Text>{error}</Text>
          <View className='jf-rental-submit'>
            <Button size='small' onClick={() => void refresh()}>
              重试
            </Button>
          </View>
        </View>
      )}
      {phase === 'ready' && disputes.length > 0 && (
        <View className='jf-card' id='jf-police-disputes' data-count={disputes.length}>
          <Text className='jf-section-title'>证件冒用反映（{disputes.length}）</Text>
          {disputes.map((d) => (
            <View key={d.id} className='jf-rental-row jf-police-dispute' data-id={d.id}>
              <View className='jf-rental-row-top'>
                <Text className='jf-rental-row-title'>
                  {d.docTypeLabel} <Text className='jf-rental-doc'>{d.docNumberMasked}</Text>
                </Text>
                <Text className='jf-rental-flag is-warn'>{d.statusLabel}</Text>
              </View>
              <Text className='jf-rental-row-sub'>
                {d.reporterName} 在 {d.buildingName}（{d.gridName}）扫码反映 · {formatInstant(d.createdAt)}
              </Text>
              <Text className='jf-rental-row-sub'>“{d.note}”</Text>
              <Text className='jf-rental-row-sub jf-muted'>{d.related.length > 0 ? `辖区内该证件的登记 ${d.related.length} 条：` : '辖区内暂无该证件的登记'}</Text>
              {d.related.map((r) => (
                <Text key={r.id} className='jf-rental-row-sub jf-police-dispute-reg' data-id={r.id}>
                  · {r.name ?? '（已清除）'} · {r.buildingName} {r.room} · {r.statusLabel} · {formatInstant(r.createdAt)}登记
                </Text>
              ))}
              <View className='jf-rental-actions'>
                <Button className='jf-police-dispute-close' size='small' type='primary' fill='outline' onClick={() => setSheet({ kind: 'close', dispute: d })}>
                  核实处理
                </Button>
              </View>
            </View>
          ))}
        </View>
      )}
      {phase === 'ready' && referred.length > 0 && (
        <View className='jf-card' id='jf-police-referred' data-count={referred.length}>
          <Text className='jf-section-title'>警调对接案件（{referred.length}）</Text>
          <Text className='jf-rental-row-sub jf-muted jf-police-section-hint'>调解员转交派出所的案件；查看详情将记入审计。</Text>
          {referred.map((c) => (
            <View key={c.id} className='jf-rental-row jf-police-referred-case' data-id={c.id} onClick={() => void Taro.navigateTo({ url: `${MEDIATION_URL}?id=${encodeURIComponent(c.id)}` })}>
              <View className='jf-rental-row-top'>
                <Text className='jf-rental-row-title'>
                  {c.disputeTypeLabel} · {c.unitName}
                </Text>
                <Text className='jf-rental-flag is-warn'>{c.statusLabel}</Text>
              </View>
              <Text className='jf-rental-row-sub'>转交说明：{c.referralNote}</Text>
              <Text className='jf-rental-row-sub jf-muted'>{formatInstant(c.updatedAt)}转交</Text>
            </View>
          ))}
        </View>
      )}
      {phase === 'ready' && (
        <View className='jf-card' id='jf-police-list' data-count={items.length}>
          <Text className='jf-section-title'>共 {total} 条</Text>
          {items.length === 0 && <View className='jf-rental-empty'>没有符合条件的登记</View>}
          {items.map((reg) => (
            <View key={reg.id} className='jf-rental-row jf-police-reg' data-id={reg.id} data-status={reg.status}>
              <View className='jf-rental-row-top'>
                <Text className='jf-rental-row-title'>
                  {reg.name ?? '（已清除）'} · {reg.buildingName} {reg.room}
                  {reg.leaseOverdue && <Text className='jf-rental-flag'>租约逾期</Text>}
                </Text>
                <RentalStatusTag status={reg.status} label={reg.statusLabel} />
              </View>
              {reg.docNumberMasked && (
                <Text className='jf-rental-row-sub'>
                  {reg.docTypeLabel} <Text className='jf-rental-doc jf-police-doc'>{reg.docNumberMasked}</Text>
                  {reg.phone ? ` · ${reg.phone}` : ''}
                </Text>
              )}
              {reg.alerts.length > 0 && (
                <View className='jf-rental-alerts jf-police-alerts'>
                  {reg.alerts.map((a) => (
                    <Text key={a} className='jf-rental-flag jf-police-alert'>
                      {a}
                    </Text>
                  ))}
                </View>
              )}
              <Text className='jf-rental-row-sub'>
                {reg.gridName} · 入住 {reg.moveInDate} · 租约至 {reg.leaseEnd} · {formatInstant(reg.createdAt)}登记
              </Text>
              {reg.docNumberMasked && (
                <View className='jf-rental-actions'>
                  <Button className='jf-police-reveal' size='small' fill='outline' type='primary' onClick={() => setSheet({ kind: 'reveal', reg })}>
                    查看完整号码
                  </Button>
                </View>
              )}
            </View>
          ))}
          {items.length > 0 && (
            <View className='jf-rental-more' id='jf-police-more' onClick={() => void loadMore()}>
              <Text>{more ? '正在加载…' : next ? '加载更多' : '没有更多了'}</Text>
            </View>
          )}
        </View>
      )}

      <Popup visible={revealed !== null} position='center' round destroyOnClose onClose={() => setRevealed(null)} className='jf-rental-popup'>
        {revealed && (
          <View className='jf-rental-sheet jf-police-revealed' id='jf-police-revealed' data-id={revealed.reg.id}>
            <Text className='jf-section-title'>{revealed.reg.name} 的证件号码</Text>
            <Text className='jf-rental-row-sub'>
              {revealed.reg.docTypeLabel}：<Text className='jf-rental-doc' id='jf-police-revealed-doc'>{revealed.docNumber}</Text>
            </Text>
            <Text className='jf-rental-row-sub'>手机：{revealed.phone}</Text>
            <Text className='jf-rental-row-sub jf-muted'>本次查看已记录（事由：{revealed.reason}），关闭后不再显示。</Text>
            <View className='jf-rental-sheet-actions'>
              <Button id='jf-police-revealed-close' size='small' type='primary' onClick={() => setRevealed(null)}>
                关闭
              </Button>
            </View>
          </View>
        )}
      </Popup>

      <RentalReasonSheet
        title={sheet ? sheetTitle(sheet) : null}
        hint={sheet ? SHEET_HINTS[sheet.kind] : ''}
        placeholder={sheet?.kind === 'close' ? '如：已入户核实，另一登记人冒用证件，已驳回并立案' : '如：核查 11 月 28 日盗窃案相关人员'}
        confirmText={sheet ? SHEET_CONFIRM[sheet.kind] : ''}
        check={reasonError}
        onSubmit={(reason) => {
          if (sheet?.kind === 'reveal') return reveal(sheet.reg, reason)
          if (sheet?.kind === 'close') return closeDispute(sheet.dispute, reason)
          if (sheet?.kind === 'search') {
            setSheet(null)
            run(sheet.q, reason)
            return Promise.resolve('')
          }
          return exportCsv(reason)
        }}
        onClose={() => setSheet(null)}
      />
    </View>
  )
}
