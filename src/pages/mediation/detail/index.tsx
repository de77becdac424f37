import MediationCase from '../../../components/MediationCase'

/** A party's view of their mediation case (applicant or respondent). */
export default function MediationDetail() {
  return <MediationCase audience='party' />
}
