import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../api'
import type { HelperCandidateView } from '../../contracts/mediationHelpers'

type Picker = { phase: 'closed' } | { phase: 'loading' } | { phase: 'ready'; helpers: HelperCandidateView[] } | { phase: 'error'; message: string }

/** The helper roster of the case's street, read when the mediator opens 邀请协助调解人. */
export function useHelperPicker(caseId: string) {
  const [picker, setPicker] = useState<Picker>({ phase: 'closed' })
  const open = async () => {
    setPicker({ phase: 'loading' })
    const r = await api.call('mediation.helpers', { id: caseId })
    if (r.ok) setPicker({ phase: 'ready', helpers: r.helpers })
    else {
      setPicker({ phase: 'error', message: r.message })
      void Taro.showToast({ title: r.message, icon: 'none' })
    }
  }
  return { picker, open, close: () => setPicker({ phase: 'closed' }) }
}
