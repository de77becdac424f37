import { medTone } from '../../utils/mediation/status'
import ToneTag from '../StatusTag/ToneTag'

/** A mediation status in the colour of who it waits on; the label always comes from the server. */
export default function MediationStatusTag({ status, label }: { status: string; label: string }) {
  return <ToneTag className='jf-med-status' status={status} label={label} tone={medTone(status)} plain={status === 'declined'} />
}
