import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../api'
import type { PartnerView, SubscriptionView } from '../../../contracts/integrations'
import type { EventSelection } from '../../../core/caseEvents'
import type { Outcome } from '../../../core/outcome'

export type Notice = { ok: boolean; text: string } | null

/** A refused form: the message, and each refused field's words under that field. */
export type Refusal = { text: string; fields: Record<string, string> }

/** A key or secret just made: shown once in the dialog, never again (only its hint or nothing is stored readable). */
export interface Revealed {
  title: string
  /** What the value is, said before it: 「城市问题上报平台」的接口密钥. */
  what: string
  value: string
  /** What to do with it, for whom. */
  hint: string
  /** What the other side sends beside it (a 12345 platform names itself in each request). */
  alongside?: { label: string; value: string }
}

/**
 * The 对外接口 page's state: Open311 keys and 12345 platforms (partners), case-event subscriptions,
 * what was just issued (shown once), and the revokes, each asked for confirmation first.
 */
export function useIntegrations() {
  const [partners, setPartners] = useState<PartnerView[] | null>(null)
  const [subscriptions, setSubscriptions] = useState<SubscriptionView[] | null>(null)
  const [notice, setNotice] = useState<Notice>(null)
  const [revealed, setRevealed] = useState<Revealed | null>(null)

  const load = async () => {
    const [p, s] = await Promise.all([api.call('integrations.partners', {}), api.call('integrations.subscriptions', {})])
    if (p.ok) setPartners(p.partners)
    if (s.ok) setSubscriptions(s.subscriptions)
    const failed = !p.ok ? p : !s.ok ? s : null
    if (failed) setNotice({ ok: false, text: failed.message })
  }
  useEffect(() => {
    void load()
  }, [])

  /** Sends a form; a refusal comes back for the form to show, a success reveals its key or secret once. */
  const made = <T extends object>(r: Outcome<T>, reveal: (made: T) => Revealed): Refusal | null => {
    if (!r.ok) return { text: r.message, fields: r.details ?? {} }
    setNotice(null)
    setRevealed(reveal(r))
    void load()
    return null
  }

  const issueKey = async (name: string) =>
    made(await api.call('integrations.issueKey', { name }), (r) => ({
      title: '接口密钥已发放',
      what: `「${r.partner.name}」的接口密钥`,
      value: r.key,
      hint: `请交给对方系统的技术人员：每次调用附上此密钥（api_key）和管辖区编码（jurisdiction_id）${r.partner.jurisdiction}。列表中只显示密钥末四位。`,
    }))

  const addHotline = async (name: string, webhookUrl: string) =>
    made(await api.call('integrations.addHotline', { name, webhookUrl }), (r) => ({
      title: '12345 平台已添加',
      what: `「${r.partner.name}」的签名密钥`,
      value: r.secret,
      hint: '请把对接方编号和签名密钥一并交给 12345 平台的技术人员：平台派单时在请求中附上对接方编号并用密钥签名，我们回复受理、办结、回访时也用此密钥签名。',
      alongside: { label: '对接方编号', value: r.partner.id },
    }))

  const subscribe = async (name: string, url: string, events: EventSelection) =>
    made(await api.call('integrations.subscribe', { name, url, events }), (r) => ({
      title: '事件订阅已添加',
      what: `「${r.subscription.name}」的签名密钥`,
      value: r.secret,
      hint: '请交给接收方的技术人员：每条事件都带签名，接收方用此密钥核对签名和时间，确认是本系统发出的。',
    }))

  const revokePartner = async (p: PartnerView) => {
    const what = p.kind === 'open311' ? '接口密钥' : '12345 热线对接'
    const { confirm } = await Taro.showModal({ title: `停用${what}`, content: `停用后「${p.name}」立即无法再调用本系统，且不能恢复（可重新发放）。确定停用？` })
    if (!confirm) return
    const r = await api.call('integrations.revokePartner', { id: p.id })
    setNotice(r.ok ? { ok: true, text: `已停用「${p.name}」` } : { ok: false, text: r.message })
    void load()
  }

  const revokeSubscription = async (s: SubscriptionView) => {
    const { confirm } = await Taro.showModal({ title: '停用事件订阅', content: `停用后不再向「${s.name}」发送新的事件，且不能恢复（可重新订阅）。确定停用？` })
    if (!confirm) return
    const r = await api.call('integrations.revokeSubscription', { id: s.id })
    setNotice(r.ok ? { ok: true, text: `已停用「${s.name}」` } : { ok: false, text: r.message })
    void load()
  }

  return { partners, subscriptions, notice, revealed, closeRevealed: () => setRevealed(null), issueKey, addHotline, subscribe, revokePartner, revokeSubscription }
}

export type Integrations = ReturnType<typeof useIntegrations>
