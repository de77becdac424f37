import { register } from '../usecases/files/register'
import { ticket } from '../usecases/files/ticket'
import { upload } from '../usecases/files/upload'
import { action, defineFunction } from './handler'
import { photoTicket, registerPhoto, uploadPhoto } from '../../src/contracts/filesSchemas'

export const main = defineFunction('files', {
  upload: action(uploadPhoto, upload),
  ticket: action(photoTicket, ticket),
  register: action(registerPhoto, register),
})
