import { Button, Input, Popup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { api } from '../../../api'
import { reasonError } from '../../../components/RentalKit/logic'
import RentalReasonSheet from '../../../components/RentalReasonSheet'
import RentalStatusTag from '../../../components/RentalStatusTag'
import type { CheckinStatus, RegistrationView } from '../../../contracts/rental'
import { formatInstant } from '../../../core/time'
import { useOpenAndPullRefresh } from '../../../hooks/useOpenAndPullRefresh'
import { downloadCsv } from '../../../utils/download-csv'
import '../../../components/RentalKit/kit.css'
import './index.css'

export const AUDIT_URL = '/pages/police/audit/index'
const PAGE = 20

const FILTERS: Array<{ key: string; label: string; statuses?: CheckinStatus[] }> = [
  { key: 'all', label: '全部' },
  { key: 'active', label: '在住', statuses: ['active'] },
  { key: 'pending', label: '待确认', statuses: ['pending'] },
  { key: 'checked_out', label: '已退租', statuses: ['checked_out'] },
]

type Sheet = { kind: 'reveal'; reg: RegistrationView } | { kind: 'export' } | null
type Revealed = { reg: RegistrationView; docNumber: string; phone: string; reason: string }

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/**
 * Registrations of the officer's area (派出所 / 来穗), masked. The full number is shown once, in a
 * popup, after a reason is given and audited; the CSV export (H5) is audited the same way.
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
  const query = useRef({ filter, q: '' })

  const statusesOf = (key: string) => FILTERS.find((f) => f.key === key)?.statuses
  const input = (before?: string) => {
    const { filter: f, q: text } = query.current
    const statuses = statusesOf(f)
    return { limit: PAGE, ...(statuses ? { statuses } : {}), ...(text ? { q: text } : {}), ...(before ? { before } : {}) }
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
  const search = () => {
    query.current = { ...query.current, q: q.trim() }
    setPhase('loading')
    void refresh()
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
            <Input value={q} onChange={setQ} onConfirm={search} placeholder='姓名、楼栋、房号或证件号后 4 位' maxLength={40} />
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
        title={sheet ? (sheet.kind === 'reveal' ? `查看 ${sheet.reg.name ?? ''} 的完整证件号码` : '导出辖区登记 CSV') : null}
        hint={sheet?.kind === 'export' ? '导出文件含完整证件号码，请妥善保管。导出事由将记入审计。' : '完整号码只显示一次，查看事由将记入审计。'}
        placeholder='如：核查 11 月 28 日盗窃案相关人员'
        confirmText={sheet?.kind === 'export' ? '导出' : '查看'}
        check={reasonError}
        onSubmit={(reason) => (sheet?.kind === 'reveal' ? reveal(sheet.reg, reason) : exportCsv(reason))}
        onClose={() => setSheet(null)}
      />
    </View>
  )
}
