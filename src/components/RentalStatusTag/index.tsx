import { statusTone } from '../../utils/rental/labels'
import ToneTag from '../StatusTag/ToneTag'

/** A check-in status (待确认 / 在住 / 已驳回 / 已退租 / 已清除); the label comes from the server. */
export default function RentalStatusTag({ status, label }: { status: string; label: string }) {
  return <ToneTag className='jf-rental-status' status={status} label={label} tone={statusTone(status)} plain={status === 'checked_out' || status === 'purged'} />
}
