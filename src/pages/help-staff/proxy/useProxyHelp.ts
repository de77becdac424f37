import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import { useVoiceNote } from '../../../components/VoiceNote/useVoiceNote'
import { normalizePhone, proxyFieldOf, validateProxy, type ProxyErrors } from '../../../components/StaffKit/logic'
import { HELP_TEXT_MAX } from '../../../contracts/limits'
import type { HelpKind } from '../../../core/kinds/helpTerms'
import { useLocationPicker, type PickedLocation } from '../../../hooks/useLocationPicker'
import { randomId } from '../../../utils/id'

type Errors = ProxyErrors & { kind?: string; declaration?: string; place?: string }

/**
 * 代为求助: the person with the agent (name, phone to call back), what is happening, a voice note or a
 * line, where (the agent's position, or a point picked on the map) and the agent's declaration. Sent
 * once per page (one idempotency key): a second tap after a lost answer is the same request.
 */
export function useProxyHelp() {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [kind, setKind] = useState<HelpKind | ''>('')
  const [text, setText] = useState('')
  const [declared, setDeclared] = useState(false)
  const voice = useVoiceNote()
  const [place, setPlace] = useState<PickedLocation | null>(null)
  const [errors, setErrors] = useState<Errors>({})
  const [refusal, setRefusal] = useState('')
  const [sending, setSending] = useState(false)
  const key = useRef(randomId(26))
  const location = useLocationPicker(useCallback((loc: PickedLocation) => setPlace(loc), []))

  useEffect(() => {
    // The agent is with the person: their own position is where help should come.
    void location.fromDevice()
    // Only when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const clear = (k: keyof Errors) => setErrors((e) => (e[k] ? { ...e, [k]: undefined } : e))

  const send = async () => {
    if (sending) return
    setRefusal('')
    const found: Errors = {
      ...validateProxy({ name, phone }),
      ...(kind ? {} : { kind: '请选择遇到的情况' }),
      ...(place ? {} : { place: location.error || '需要位置才能找到值班人员，请定位或在地图上选点' }),
      ...(declared ? {} : { declaration: '请勾选代办声明' }),
    }
    if (Object.values(found).some(Boolean)) {
      setErrors(found)
      return void Taro.showToast({ title: Object.values(found).find(Boolean)!, icon: 'none' })
    }
    if (voice.uploading) return void Taro.showToast({ title: '语音正在上传，请稍候', icon: 'none' })
    setSending(true)
    const r = await api.call('help.proxyRaise', {
      idempotencyKey: key.current,
      kind: kind as HelpKind,
      ...(text.trim() ? { text: text.trim().slice(0, HELP_TEXT_MAX) } : {}),
      ...(voice.fileId ? { voiceFileId: voice.fileId } : {}),
      location: { lng: place!.point.lng, lat: place!.point.lat },
      proxy: { name: name.trim(), phone: normalizePhone(phone) },
      declaration: true,
    })
    setSending(false)
    if (!r.ok) {
      const fromServer: Errors = {}
      for (const [k, v] of Object.entries(r.details ?? {})) {
        const f = proxyFieldOf(k)
        if (f) fromServer[f] ??= v
      }
      setErrors(fromServer)
      setRefusal(r.message)
      return
    }
    void Taro.showToast({ title: '求助已发出', icon: 'success' })
    // The request's staff page: who was told, who is coming, the person's details.
    setTimeout(() => void Taro.redirectTo({ url: `/pages/help-staff/case/index?id=${encodeURIComponent(r.help.id)}` }), 800)
  }

  return {
    person: { name, phone, setName: (v: string) => (setName(v), clear('proxyName')), setPhone: (v: string) => (setPhone(v), clear('proxyPhone')) },
    kind,
    pickKind: (k: HelpKind) => (setKind(k), clear('kind')),
    text,
    setText,
    voice: voice.props,
    place,
    location,
    declared,
    declare: (v: boolean) => (setDeclared(v), clear('declaration')),
    errors,
    refusal,
    sending,
    send,
  }
}
