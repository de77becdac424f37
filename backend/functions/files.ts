import { register } from '../usecases/files/register'
import { ticket } from '../usecases/files/ticket'
import { upload } from '../usecases/files/upload'
import { uploadVoice } from '../usecases/files/uploadVoice'
import { action, defineFunction } from './handler'
import { photoTicket, registerPhoto, uploadPhoto, uploadVoice as voiceInput } from '../../src/contracts/filesSchemas'

export const main = defineFunction('files', {
  upload: action(uploadPhoto, upload),
  ticket: action(photoTicket, ticket),
  register: action(registerPhoto, register),
  uploadVoice: action(voiceInput, uploadVoice),
})
