/** Shanghai calendar day → UTC instants at its start and just after its end (from the one time module). */
export { dayStart, nextDayStart } from '../../../src/core/time'
