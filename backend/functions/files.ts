import * as files from '../usecases/files'
import { action, defineFunction } from './handler'
import { photoTicket, registerPhoto, uploadPhoto } from '../../src/contracts/filesSchemas'

export const main = defineFunction('files', {
  upload: action(uploadPhoto, files.upload),
  ticket: action(photoTicket, files.ticket),
  register: action(registerPhoto, files.register),
})
