import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../../api'
import type { HelpStaffSummary } from '../../../../contracts/api'
import { beep, unlockSound } from '../../../../utils/help/beep'
import { arrivals, liveTitle } from '../../../../utils/help/view'

/** How often the desk asks for what changed: a few seconds, cheap (only the changes since the cursor). */
export const LIVE_POLL_MS = 4000
const BASE_TITLE = '一键求助接报'

type Known = Map<string, { status: HelpStaffSummary['status']; escalation: string | null }>

/**
 * The street's live 一键求助: every poll answers all open requests (urgent first) and which were raised
 * since the previous answer's cursor. Those, and any that just went up to the street or the district,
 * beep once (if the sound was turned on) and count in the tab's title until the dispatcher acknowledges them.
 */
export function useHelpLive() {
  const [rows, setRows] = useState<HelpStaffSummary[]>([])
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState('')
  const [openCount, setOpenCount] = useState(0)
  const [unseen, setUnseen] = useState(0)
  const [fresh, setFresh] = useState<string[]>([])
  const [beeps, setBeeps] = useState(0)
  const [sound, setSound] = useState<'off' | 'on' | 'unavailable'>('off')
  const [now, setNow] = useState(() => Date.now())
  const cursor = useRef<string | null>(null)
  const known = useRef<Known>(new Map())
  const busy = useRef(false)
  const visible = useRef(true)

  const poll = useCallback(async () => {
    if (busy.current) return
    busy.current = true
    const first = cursor.current === null
    const r = await api.call('help.live', cursor.current ? { since: cursor.current } : {})
    busy.current = false
    setNow(Date.now())
    if (!r.ok) {
      // Keep what is shown; the next poll tries again.
      setError(r.message)
      if (first) setPhase('error')
      return
    }
    setError('')
    const came = first ? [] : [...new Set([...r.arrived, ...arrivals(known.current, r.items).map((i) => i.id)])]
    known.current = new Map(r.items.map((i) => [i.id, { status: i.status, escalation: i.escalation }]))
    cursor.current = r.cursor
    setOpenCount(r.openCount)
    setRows(r.items)
    setPhase('ready')
    if (came.length) {
      setUnseen((n) => n + came.length)
      setFresh((f) => [...new Set([...f, ...came])])
      setBeeps((n) => n + 1)
      beep()
    }
  }, [])

  useEffect(() => {
    void poll()
    const t = setInterval(() => {
      if (visible.current) void poll()
    }, LIVE_POLL_MS)
    return () => clearInterval(t)
  }, [poll])

  // A desk left behind another browser tab keeps polling (that is what the title is for); it rests only
  // while a request opened from it covers it, and catches up on the way back.
  useDidShow(() => {
    if (!visible.current) void poll()
    visible.current = true
  })
  useDidHide(() => {
    visible.current = false
  })

  useEffect(() => {
    if (typeof document !== 'undefined') document.title = liveTitle(BASE_TITLE, unseen)
  }, [unseen])
  useEffect(
    () => () => {
      if (typeof document !== 'undefined') document.title = BASE_TITLE
    },
    [],
  )

  const acknowledge = () => {
    setUnseen(0)
    setFresh([])
  }

  const turnSoundOn = async () => setSound((await unlockSound()) ? 'on' : 'unavailable')

  return { rows, phase, error, openCount, unseen, fresh, beeps, sound, now, acknowledge, turnSoundOn, retry: poll }
}
