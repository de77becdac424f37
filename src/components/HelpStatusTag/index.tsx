import type { HelpStatus } from '../../core/kinds/helpTerms'
import ToneTag, { type Tone } from '../StatusTag/ToneTag'

/** Waiting for someone to come is red, someone on the way amber, the end quiet. */
const TONE: Record<HelpStatus, Tone> = { raised: 'danger', escalated: 'danger', taken: 'warning', closed: 'default' }

/** A 一键求助 request's status (or, once sent up, where it went: 已上报街道综治中心) in the colour of its urgency. */
export default function HelpStatusTag({ status, label, className }: { status: HelpStatus; label: string; className?: string }) {
  return <ToneTag className={className} status={status} label={label} tone={TONE[status]} plain={status === 'closed'} />
}
