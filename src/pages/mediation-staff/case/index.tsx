import MediationCase from '../../../components/MediationCase'

/** The mediator's and the centre's view of a case: full phones and the forms for their moves. */
export default function MediatorCase() {
  return <MediationCase audience='staff' />
}
