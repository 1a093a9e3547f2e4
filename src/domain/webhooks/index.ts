export * from './webhook-events.js'
export * from './webhook-signature.js'
