import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../../../api'
import { askSubscribeConsent, preloadTemplates } from '../../../api/subscribe'
import { buildCheckIn, docNumberError, emptyCheckin, firstError, serverErrors, shanghaiDay, validateCheckin, type CheckinDraft, type CheckinErrors } from '../../../utils/rental/checkin'
import { buildingCodeFrom } from '../../../utils/rental/links'
import type { BuildingPublicView } from '../../../contracts/rental'
import { randomId } from '../../../utils/id'
import { useConsentGate } from '../../../hooks/useConsentGate'

export const MINE_URL = '/pages/rental/mine/index'

type Load = { phase: 'loading' } | { phase: 'ready'; building: BuildingPublicView } | { phase: 'error'; message: string }
export type Cohabitant = CheckinDraft['cohabitants'][number]

/** The check-in page's state: the building from the QR, the tenant's draft and its errors, and sending it. */
export function useCheckin() {
  const { params } = useRouter()
  const code = buildingCodeFrom(params)
  const [load, setLoad] = useState<Load>({ phase: 'loading' })
  const [draft, setDraft] = useState<CheckinDraft>(() => emptyCheckin(shanghaiDay()))
  const [errors, setErrors] = useState<CheckinErrors>({})
  const [busy, setBusy] = useState(false)
  const consent = useConsentGate()
  const [misuse, setMisuse] = useState(false)
  // One key per draft: a retry after a lost answer returns the first registration.
  const [key] = useState(() => randomId())

  const loadBuilding = useCallback(async () => {
    if (!code) return setLoad({ phase: 'error', message: '请扫描楼栋二维码进行登记' })
    setLoad({ phase: 'loading' })
    const r = await api.call('rental.building', { code })
    setLoad(r.ok ? { phase: 'ready', building: r.building } : { phase: 'error', message: r.message })
  }, [code])

  useEffect(() => {
    void loadBuilding()
    void preloadTemplates()
  }, [loadBuilding])

  const set = <K extends keyof CheckinDraft>(k: K, v: CheckinDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }))
    setErrors((e) => (e[k as keyof CheckinErrors] ? { ...e, [k]: undefined } : e))
  }
  const setCohab = (i: number, patch: Partial<Cohabitant>) =>
    set(
      'cohabitants',
      draft.cohabitants.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    )

  // An ID card's number is checked as typed only once it is complete; other documents at once.
  const liveDoc = draft.docType === 'id_card' && draft.docNumber.replace(/\s/g, '').length < 18 ? '' : docNumberError(draft.docNumber, draft.docType)
  const docMessage = errors.docNumber || liveDoc

  const submit = async () => {
    if (busy || load.phase !== 'ready') return
    const b = load.building
    const e = validateCheckin(draft, b.rooms)
    setErrors(e)
    const first = firstError(e)
    if (first) return void Taro.showToast({ title: first, icon: 'none' })
    // At the tap, while WeChat still shows the dialog: the building manager's decision by WeChat.
    await askSubscribeConsent(['checkinDecision'])
    // The app's privacy notice (once), besides this registration's own two consents.
    if (!(await consent.ensure())) return
    setBusy(true)
    const r = await api.call('rental.checkIn', buildCheckIn(draft, b.code, b.notice.version, key))
    setBusy(false)
    if (!r.ok) {
      const fe = serverErrors(r.details)
      setErrors(fe)
      return void Taro.showToast({ title: firstError(fe) || r.message, icon: 'none' })
    }
    void Taro.showToast({ title: '登记已提交', icon: 'success' })
    void Taro.redirectTo({ url: MINE_URL })
  }

  return { code, load, draft, errors, busy, misuse, setMisuse, loadBuilding, set, setCohab, docMessage, submit, consent }
}

export type CheckinState = ReturnType<typeof useCheckin>
