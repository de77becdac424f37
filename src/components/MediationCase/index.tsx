import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../api'
import type { ActionView, MediationActInput, MediationView, TimelineView } from '../../contracts/api'
import type { Failure } from '../../core/outcome'
import { formatFull } from '../../core/time'
import MediationActSheet from '../MediationActSheet'
import {
  confirmText,
  deadlineInfo,
  dialable,
  findAction,
  inviteMessage,
  isOpen,
  medActionTone,
  needsMedForm,
  statusHint,
  unconfirmedParties,
} from '../MediationKit/logic'
import MediationStatusTag from '../MediationStatusTag'
import MediationThread from '../MediationThread'
import PhotoGrid from '../PhotoGrid'
import Stars from '../Stars'
import Timeline from '../Timeline'
import '../MediationKit/kit.css'
import './index.css'

type Loaded = { case: MediationView; timeline: TimelineView[]; actions: ActionView[] }

const CONFLICT_TEXT = '案件已被他人更新，已刷新为最新内容，请确认后再操作'
export const AGREEMENT_URL = '/pages/mediation/agreement/index'

/**
 * One mediation case, for a party (pages/mediation/detail) or for the mediator and the centre
 * (pages/mediator/case): the same facts, and exactly the moves the server lists for the viewer.
 */
export default function MediationCase({ audience }: { audience: 'party' | 'staff' }) {
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  // Straight from 申请调解: the invitation codes are the one thing to do next.
  const justApplied = params.created === '1'
  const [data, setData] = useState<Loaded | null>(null)
  const [error, setError] = useState<Failure | null>(null)
  const [visible, setVisible] = useState(true)
  const [sheet, setSheet] = useState<ActionView | null>(null)
  const [busy, setBusy] = useState('')
  const [notice, setNotice] = useState<{ tone: 'info' | 'warn' | 'error'; text: string } | null>(null)
  const shownOnce = useRef(false)

  const load = useCallback(async () => {
    if (!id) {
      setError({ ok: false, code: 'VALIDATION', message: '缺少案件编号' })
      return false
    }
    const r = await api.call('mediation.get', { id })
    if (r.ok) {
      setData({ case: r.case, timeline: r.timeline, actions: r.actions })
      setError(null)
      return true
    }
    setError(r)
    return false
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  // Back on the page: others may have moved the case meanwhile (the mediator drafted, the other side consented).
  useDidShow(() => {
    setVisible(true)
    if (shownOnce.current) void load()
    shownOnce.current = true
  })
  useDidHide(() => setVisible(false))

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  /** One mediation.act round trip; the answer replaces the page, a stale version reloads it. */
  const send = async (input: MediationActInput, label: string): Promise<Failure | null> => {
    const r = await api.call('mediation.act', input)
    if (r.ok) {
      setData({ case: r.case, timeline: r.timeline, actions: r.actions })
      setSheet(null)
      setNotice(null)
      void Taro.showToast({ title: `${label}成功`, icon: 'success', duration: 1200 })
      return null
    }
    if (r.code === 'CONFLICT') {
      setSheet(null)
      await load()
      setNotice({ tone: 'warn', text: r.message ? `${r.message}（已刷新为最新内容）` : CONFLICT_TEXT })
      void Taro.showToast({ title: '内容已更新，已刷新', icon: 'none', duration: 2000 })
      return null
    }
    return r
  }

  const ask = async (content: string): Promise<boolean> => {
    try {
      const m = await Taro.showModal({ title: '请确认', content, confirmText: '确认', cancelText: '取消' })
      return m.confirm
    } catch {
      return false
    }
  }

  const oneTap = async (a: ActionView, input: MediationActInput, question: string | null) => {
    if (busy) return
    if (question && !(await ask(question))) return
    setBusy(a.action)
    const failure = await send(input, a.label)
    setBusy('')
    if (failure) {
      const text = failure.code === 'UNAVAILABLE' ? '网络不可用，请稍后重试' : failure.message
      setNotice({ tone: 'error', text })
      void Taro.showToast({ title: text, icon: 'none' })
    }
  }

  const tap = (a: ActionView) => {
    if (!data || busy) return
    if (needsMedForm(a.action)) {
      setSheet(a)
      return
    }
    void oneTap(a, { id: data.case.id, action: a.action, version: data.case.version }, confirmText(a.action))
  }

  if (!data)
    return (
      <View className='jf-page jf-center' id='jf-med-error' data-code={error?.code ?? ''}>
        <Text>{error ? error.message : '正在加载…'}</Text>
        {error && (
          <View className='jf-med-retry'>
            <Button size='small' onClick={() => void load()}>
              重试
            </Button>
          </View>
        )}
      </View>
    )

  const c = data.case
  const staff = audience === 'staff'
  const dl = deadlineInfo(c.deadline, c.status, new Date(), c.overdue)
  const confirmAct = findAction(data.actions, 'confirm_agreement')
  const barActions = data.actions.filter((a) => a.action !== 'confirm_agreement')
  const call = (phone: string | null) => {
    const n = dialable(phone)
    if (n) void Taro.makePhoneCall({ phoneNumber: n }).catch(() => undefined)
  }
  const copy = (text: string, done: string) =>
    void Taro.setClipboardData({ data: text })
      .then(() => Taro.showToast({ title: done, icon: 'none' }))
      .catch(() => undefined)
  const pending = unconfirmedParties(c)
  const hint = statusHint(c.status, c.myRole)
  const unusedInvites = c.invites.filter((x) => !x.used)

  const invitesCard = c.invites.length > 0 && (
    <View className={`jf-card jf-med-invites ${justApplied || unusedInvites.length ? 'is-prominent' : ''}`} id='jf-med-invites'>
      <Text className='jf-section-title'>邀请对方参加调解</Text>
      <Text className='jf-med-invites-help'>
        请把邀请码发给对方当事人。对方打开街坊通「在线调解」→「输入邀请码」，填写后即可查看申请并加入调解。
      </Text>
      {c.invites.map((inv) => (
        <View key={inv.code} className='jf-med-invite' data-code={inv.code} data-used={inv.used ? '1' : '0'}>
          <View className='jf-med-invite-main'>
            <Text className='jf-med-invite-name'>{inv.name}</Text>
            <Text className='jf-med-invite-code'>{inv.code}</Text>
          </View>
          <View className='jf-med-invite-foot'>
            <Text className='jf-muted'>{inv.used ? '对方已通过邀请码加入' : '对方尚未加入'}</Text>
            {inv.used ? (
              <Text className='jf-med-invite-used'>已加入</Text>
            ) : (
              <Button
                className='jf-med-invite-copy'
                data-code={inv.code}
                size='small'
                type='primary'
                fill='outline'
                onClick={() => copy(inviteMessage(inv.name, inv.code), '邀请码已复制，请发给对方')}
              >
                复制邀请码
              </Button>
            )}
          </View>
        </View>
      ))}
    </View>
  )

  return (
    <View
      className={`jf-page jf-med-case jf-med-case-${audience}`}
      id={staff ? 'jf-medc-case' : 'jf-med-detail'}
      data-case-id={c.id}
      data-status={c.status}
      data-version={c.version}
      data-my-role={c.myRole ?? ''}
    >
      {justApplied && c.invites.length > 0 && (
        <View className='jf-med-banner' id='jf-med-created'>
          <Text>调解申请已提交。请把下方邀请码转发给对方当事人，对方加入并同意后即可开始调解。</Text>
        </View>
      )}
      {notice && (
        <View className={`jf-med-banner is-${notice.tone}`} id='jf-med-notice'>
          <Text>{notice.text}</Text>
        </View>
      )}

      <View className='jf-card jf-med-head'>
        <View className='jf-med-head-row'>
          <Text className='jf-med-type' id='jf-med-type'>
            {c.disputeTypeLabel}
          </Text>
          <MediationStatusTag status={c.status} label={c.statusLabel} />
        </View>
        {hint && (
          <Text className='jf-med-hint' id='jf-med-hint'>
            {hint}
          </Text>
        )}
        <Text className='jf-muted jf-med-head-meta'>
          申请于 {formatFull(c.createdAt)} · 希望{c.preferredWay === 'online' ? '线上调解' : '到社区调解室调解'}
        </Text>
      </View>

      {justApplied && invitesCard}

      <View className='jf-card'>
        <CellGroup divider>
          <Cell title='受理街道' extra={<Text id='jf-med-street'>{c.streetName}</Text>} />
          <Cell title='调解组织' extra={<Text id='jf-med-committee'>{c.committee?.name ?? '待受理后确定'}</Text>} />
          <Cell
            title='调解员'
            extra={
              <View className='jf-med-mediator-cell'>
                <Text id='jf-med-mediator'>{c.mediatorName ?? '待指派'}</Text>
                {c.mediatorPhone && (
                  <Text
                    id='jf-med-mediator-phone'
                    className={dialable(c.mediatorPhone) ? 'jf-med-phone' : 'jf-muted'}
                    onClick={() => call(c.mediatorPhone)}
                  >
                    ☎ {c.mediatorPhone}
                  </Text>
                )}
              </View>
            }
          />
          {c.deadline && (
            <Cell
              title='调解期限'
              extra={
                <View className='jf-med-mediator-cell' id='jf-med-deadline' data-overdue={dl?.overdue ? '1' : '0'}>
                  <Text>{formatFull(c.deadline)}</Text>
                  {dl && <Text className={`jf-med-deadline ${dl.overdue ? 'is-overdue' : dl.urgent ? 'is-urgent' : ''}`}>{dl.text}</Text>}
                </View>
              }
            />
          )}
          {c.judicialConfirmation && <Cell title='司法确认' extra={<Text id='jf-med-judicial'>已申请司法确认</Text>} />}
        </CellGroup>
      </View>

      {c.agreement && (
        <View className={`jf-card jf-med-agreement ${c.status === 'agreement_pending' ? 'is-pending' : ''}`} id='jf-med-agreement' data-version={c.agreement.version}>
          <View className='jf-med-card-head'>
            <Text className='jf-section-title'>调解协议</Text>
            <Text className='jf-muted jf-med-card-head-extra'>
              第 {c.agreement.version} 版 · {formatFull(c.agreement.draftedAt)}
            </Text>
          </View>
          <Text className='jf-med-agreement-text' id='jf-med-agreement-text'>
            {c.agreement.text}
          </Text>
          <View className='jf-med-terms' id='jf-med-agreement-terms'>
            <Text className='jf-med-sub'>协议条款</Text>
            {c.agreement.terms.map((t, i) => (
              <Text key={i} className='jf-med-agreement-term'>
                {i + 1}. {t}
              </Text>
            ))}
          </View>
          <View className='jf-med-confirms' id='jf-med-confirmations'>
            <Text className='jf-med-sub'>当事人确认</Text>
            {c.agreement.confirmations.map((x, i) => (
              <View key={i} className='jf-med-confirmation' data-name={x.name}>
                <Text>
                  ✓ {x.sideLabel} {x.name}
                </Text>
                <Text className='jf-muted'>{formatFull(x.at)}</Text>
              </View>
            ))}
            {!c.agreement.confirmations.length && <Text className='jf-muted'>尚无当事人确认</Text>}
            {pending.length > 0 && c.status === 'agreement_pending' && <Text className='jf-muted jf-med-pending'>待确认：{pending.join('、')}</Text>}
          </View>
          {c.agreement.confirmedByMe && (
            <Text className='jf-med-confirmed-me' id='jf-med-confirmed-me'>
              您已确认本版协议
            </Text>
          )}
          {confirmAct && (
            <View className='jf-med-card-action'>
              <Button
                id='jf-med-confirm-agreement'
                className='jf-med-act'
                data-action='confirm_agreement'
                type='primary'
                block
                loading={busy === 'confirm_agreement'}
                onClick={() =>
                  void oneTap(
                    confirmAct,
                    { id: c.id, action: 'confirm_agreement', version: c.version, agreementVersion: c.agreement!.version },
                    '确认后即表示您已阅读并同意本协议的全部内容。',
                  )
                }
              >
                {confirmAct.label || '确认协议'}
              </Button>
            </View>
          )}
          {c.status === 'succeeded' && (
            <View
              className='jf-med-print-link'
              id='jf-med-print'
              onClick={() => void Taro.navigateTo({ url: `${AGREEMENT_URL}?id=${encodeURIComponent(c.id)}` })}
            >
              <Text>打印协议 / 查看人民调解协议书 ›</Text>
            </View>
          )}
        </View>
      )}

      {c.referral && (
        <View className='jf-card jf-med-referral-card' id='jf-med-referral' data-referral={c.referral.type}>
          <Text className='jf-section-title'>后续处理途径</Text>
          <View className='jf-med-body'>
            <Text className='jf-med-referral-label'>{c.referral.label}</Text>
            {c.referral.note && <Text className='jf-med-para'>{c.referral.note}</Text>}
          </View>
        </View>
      )}

      {c.myRating !== null && (
        <View className='jf-card' id='jf-med-my-rating' data-rating={c.myRating}>
          <Text className='jf-section-title'>我的评价</Text>
          <View className='jf-med-body'>
            <Stars value={c.myRating} readOnly />
          </View>
        </View>
      )}

      {!justApplied && invitesCard}

      {c.sessions.length > 0 && (
        <View className='jf-card' id='jf-med-sessions'>
          <Text className='jf-section-title'>调解安排</Text>
          {c.sessions.map((s, i) => (
            <View key={s.id} className='jf-med-session' data-session-id={s.id} data-mode={s.mode}>
              <View className='jf-med-session-head'>
                <Text className='jf-med-session-no'>第 {i + 1} 次</Text>
                <Text className={`jf-med-session-mode is-${s.mode}`}>{s.modeLabel}</Text>
              </View>
              <Text className='jf-med-session-at'>{formatFull(s.at)}</Text>
              <Text className='jf-med-session-place' onClick={() => s.mode === 'online' && copy(s.place, '已复制会议信息')}>
                {s.mode === 'online' ? '会议：' : '地点：'}
                {s.place}
                {s.mode === 'online' ? '（点击复制）' : ''}
              </Text>
              {s.notes && <Text className='jf-med-session-notes'>调解记录：{s.notes}</Text>}
            </View>
          ))}
        </View>
      )}

      <View className='jf-card' id='jf-med-parties'>
        <Text className='jf-section-title'>当事人</Text>
        {c.parties.map((p, i) => (
          <View key={i} className='jf-med-party' data-side={p.side} data-consent={p.consent} data-joined={p.joined ? '1' : '0'}>
            <View className='jf-med-party-main'>
              <Text className='jf-med-party-name'>
                {p.name}
                {p.isMe ? '（我）' : ''}
              </Text>
              <Text className='jf-muted'>
                {p.sideLabel}
                {p.phone ? ' · ' : ''}
              </Text>
              {p.phone && (
                <Text className={dialable(p.phone) && !p.isMe ? 'jf-med-phone jf-med-party-phone' : 'jf-muted jf-med-party-phone'} onClick={() => !p.isMe && call(p.phone)}>
                  {p.phone}
                </Text>
              )}
            </View>
            <View className='jf-med-party-state'>
              {p.side === 'respondent' && !p.joined && <Text className='jf-med-badge is-grey'>未加入</Text>}
              {p.side === 'respondent' && <Text className={`jf-med-badge is-${p.consent}`}>{p.consentLabel}</Text>}
            </View>
          </View>
        ))}
      </View>

      <View className='jf-card' id='jf-med-application'>
        <Text className='jf-section-title'>事实经过</Text>
        <Text className='jf-med-para jf-med-body' id='jf-med-facts'>
          {c.facts}
        </Text>
        <Text className='jf-section-title'>申请人请求</Text>
        <Text className='jf-med-para jf-med-body' id='jf-med-claims'>
          {c.claims}
        </Text>
        {c.evidence.length > 0 && (
          <>
            <Text className='jf-section-title'>证据材料</Text>
            <View className='jf-med-body'>
              <PhotoGrid photos={c.evidence} />
            </View>
          </>
        )}
      </View>

      {c.status !== 'applied' && c.status !== 'rejected' && (
        <MediationThread
          caseId={c.id}
          active={visible}
          canWrite={isOpen(c.status)}
          hint={staff ? '您发出的消息各方当事人都能看到' : '调解员和各方当事人都能看到这里的消息'}
        />
      )}

      <View className='jf-card'>
        <Text className='jf-section-title'>{staff ? '办理记录' : '调解进度'}</Text>
        <Timeline events={data.timeline} />
      </View>

      {(barActions.length > 0 || staff) && (
        <>
          <View className='jf-med-bar-space' />
          <View className='jf-med-bar' id='jf-med-act-bar'>
            {barActions.length ? (
              barActions.map((a) => {
                const tone = medActionTone(a.action)
                return (
                  <View key={a.action} className='jf-med-bar-cell'>
                    <Button
                      className={`jf-med-act jf-med-act-${tone}`}
                      data-action={a.action}
                      type={tone === 'default' ? 'default' : tone === 'danger' ? 'danger' : 'primary'}
                      fill={tone === 'danger' ? 'outline' : undefined}
                      block
                      loading={busy === a.action}
                      onClick={() => tap(a)}
                    >
                      {a.label}
                    </Button>
                  </View>
                )
              })
            ) : (
              <Text className='jf-muted' id='jf-med-act-none'>
                当前没有可办理的操作
              </Text>
            )}
          </View>
        </>
      )}

      <MediationActSheet c={c} action={sheet} onClose={() => setSheet(null)} onSubmit={(input) => send(input, sheet?.label ?? '')} />
    </View>
  )
}
