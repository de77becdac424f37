import { REPORT_STATUS_LABELS } from '../../core/kinds/reportTerms'
import ToneTag, { type Tone } from './ToneTag'

const STATUS_LABELS: Record<string, string> = REPORT_STATUS_LABELS

/** Open statuses in warm colours, finished ones calm, refusals red: the list reads at a glance. */
const TONE: Record<string, Tone> = {
  submitted: 'info',
  accepted: 'warning',
  assigned: 'warning',
  in_progress: 'warning',
  resolved: 'success',
  closed: 'default',
  rejected: 'danger',
  merged: 'default',
}

export default function StatusTag({ status, label }: { status: string; label?: string }) {
  return (
    <ToneTag
      status={status}
      tone={TONE[status] ?? 'default'}
      plain={status === 'closed' || status === 'merged' || status === 'converted'}
      label={label || STATUS_LABELS[status] || status}
    />
  )
}
