/**
 * Moderation is part of the report area now (usecases/report/). This path stays only because
 * backend/runtime.ts requires it by name; point that require at '../report/mediaCheck' and delete this file.
 */
export { receiveMediaCheck } from '../report/mediaCheck'
