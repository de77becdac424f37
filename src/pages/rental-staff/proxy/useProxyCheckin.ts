import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../../../api'
import type { BuildingPublicView, ProxyBuildingView, RegistrationView } from '../../../contracts/rental'
import { randomId } from '../../../utils/id'
import { buildCheckIn, docNumberError, emptyCheckin, firstError, serverErrors, shanghaiDay, validateCheckin, type CheckinDraft, type CheckinErrors } from '../../../utils/rental/checkin'

type Load = { phase: 'loading' } | { phase: 'ready'; buildings: ProxyBuildingView[] } | { phase: 'error'; message: string }
type Cohabitant = CheckinDraft['cohabitants'][number]
export type ProxyCheckinErrors = CheckinErrors & { declaration?: string }

const NOT_DECLARED = '请勾选代办声明：本人确认当事人在场并同意代为申请'

/**
 * 代办登记's state: the buildings of the agent's area, the one picked (its rooms and notice), the
 * tenant's draft as their own form holds it, the agent's declaration, and the registration once sent.
 */
export function useProxyCheckin() {
  const [load, setLoad] = useState<Load>({ phase: 'loading' })
  const [building, setBuilding] = useState<BuildingPublicView | null>(null)
  const [draft, setDraft] = useState<CheckinDraft>(() => emptyCheckin(shanghaiDay()))
  const [declared, setDeclared] = useState(false)
  const [errors, setErrors] = useState<ProxyCheckinErrors>({})
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<RegistrationView | null>(null)
  // One key per tenant: a retry after a lost answer returns the first registration, never a second.
  const [key, setKey] = useState(() => randomId(26))

  const loadBuildings = useCallback(async () => {
    setLoad({ phase: 'loading' })
    const r = await api.call('rental.proxyBuildings', {})
    setLoad(r.ok ? { phase: 'ready', buildings: r.buildings } : { phase: 'error', message: r.message })
  }, [])
  useEffect(() => void loadBuildings(), [loadBuildings])

  const pickBuilding = async (code: string) => {
    if (building?.code === code) return
    const r = await api.call('rental.building', { code })
    if (!r.ok) return void Taro.showToast({ title: r.message, icon: 'none' })
    setBuilding(r.building)
    setDraft((d) => ({ ...d, room: '' }))
  }

  const set = <K extends keyof CheckinDraft>(k: K, v: CheckinDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }))
    setErrors((e) => (e[k as keyof CheckinErrors] ? { ...e, [k]: undefined } : e))
  }
  const setCohab = (i: number, patch: Partial<Cohabitant>) =>
    set(
      'cohabitants',
      draft.cohabitants.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    )
  const declare = (v: boolean) => {
    setDeclared(v)
    if (v) setErrors((e) => ({ ...e, declaration: undefined }))
  }

  const liveDoc = draft.docType === 'id_card' && draft.docNumber.replace(/\s/g, '').length < 18 ? '' : docNumberError(draft.docNumber, draft.docType)
  const docMessage = errors.docNumber || liveDoc

  const submit = async () => {
    if (busy) return
    if (!building) return void Taro.showToast({ title: '请先选择楼栋', icon: 'none' })
    const e: ProxyCheckinErrors = { ...validateCheckin(draft, building.rooms), ...(declared ? {} : { declaration: NOT_DECLARED }) }
    setErrors(e)
    const first = firstError(e) || e.declaration
    if (first) return void Taro.showToast({ title: first, icon: 'none' })
    setBusy(true)
    const r = await api.call('rental.proxyCheckIn', { ...buildCheckIn(draft, building.code, building.notice.version, key), declaration: true })
    setBusy(false)
    if (!r.ok) {
      const fe: ProxyCheckinErrors = { ...serverErrors(r.details), ...(r.details?.declaration ? { declaration: r.details.declaration } : {}) }
      setErrors(fe)
      return void Taro.showToast({ title: firstError(fe) || fe.declaration || r.message, icon: 'none' })
    }
    setDone(r.registration)
    void Taro.showToast({ title: '代办登记已提交', icon: 'success' })
  }

  /** The next tenant of the same building: a fresh form and key, the declaration asked again. */
  const next = () => {
    setDraft(emptyCheckin(shanghaiDay()))
    setDeclared(false)
    setErrors({})
    setDone(null)
    setKey(randomId(26))
  }

  return { load, loadBuildings, building, pickBuilding, draft, set, setCohab, declared, declare, errors, docMessage, busy, submit, done, next }
}

export type ProxyCheckinState = ReturnType<typeof useProxyCheckin>
