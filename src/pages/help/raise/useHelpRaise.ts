import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import { askSubscribeConsent, preloadTemplates } from '../../../api/subscribe'
import { HELP_TEXT_MAX } from '../../../contracts/limits'
import type { HelpKind } from '../../../core/kinds/helpTerms'
import { useLocationPicker, type PickedLocation } from '../../../hooks/useLocationPicker'
import { randomId } from '../../../utils/id'
import { statusUrl } from '../../../utils/help/urls'
import { useVoiceNote } from '../../../components/VoiceNote/useVoiceNote'

/** Why the last 发出求助 did not go through; the page then shows 110 / 120 / 119 whatever the reason. */
export interface Refusal {
  code: string
  message: string
}

/**
 * 一键求助: what is happening, an optional voice note or line of text, and where the person is (read
 * from the phone as the page opens). 发出求助 sends it once per page (one idempotency key), so a
 * second tap after a lost answer is the same request.
 */
export function useHelpRaise() {
  const [kind, setKind] = useState<HelpKind | ''>('')
  const [text, setText] = useState('')
  const voice = useVoiceNote()
  const [place, setPlace] = useState<PickedLocation | null>(null)
  const [kindError, setKindError] = useState('')
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const [sending, setSending] = useState(false)
  const key = useRef(randomId(26))
  const location = useLocationPicker(useCallback((loc: PickedLocation) => setPlace(loc), []))

  useEffect(() => {
    void preloadTemplates()
    // The position is needed to find who is on duty: asked at once, the map is the way out.
    void location.fromDevice()
    // Only when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const pickKind = (k: HelpKind) => {
    setKind(k)
    setKindError('')
  }

  const send = async () => {
    if (sending) return
    setRefusal(null)
    if (!kind) {
      setKindError('请选择遇到的情况')
      void Taro.showToast({ title: '请选择遇到的情况', icon: 'none' })
      return
    }
    if (!place) {
      setRefusal({ code: 'VALIDATION', message: location.error || '需要您的位置才能找到值班人员，请允许定位或在地图上选点' })
      return
    }
    if (voice.uploading) {
      void Taro.showToast({ title: '语音正在上传，请稍候', icon: 'none' })
      return
    }
    setSending(true)
    await askSubscribeConsent(['caseProgress'])
    const r = await api.call('help.raise', {
      idempotencyKey: key.current,
      kind,
      ...(text.trim() ? { text: text.trim().slice(0, HELP_TEXT_MAX) } : {}),
      ...(voice.fileId ? { voiceFileId: voice.fileId } : {}),
      location: { lng: place.point.lng, lat: place.point.lat },
    })
    setSending(false)
    if (!r.ok) {
      setRefusal({ code: r.code, message: r.message })
      return
    }
    void Taro.redirectTo({ url: statusUrl(r.help.id, true) })
  }

  return { kind, pickKind, kindError, text, setText, voice: voice.props, place, location, refusal, sending, send }
}
