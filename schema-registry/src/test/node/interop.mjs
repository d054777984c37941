// Drives @kafkajs/confluent-schema-registry against a registry URL, for RegistryInteropTest.
//   node interop.mjs <registryUrl> encode <subject>   registers a schema, encodes a record, prints {id, payload(base64)}
//   node interop.mjs <registryUrl> decode <base64>    decodes a wire-format payload, prints the record as JSON
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry'

const [, , host, mode, arg] = process.argv
const registry = new SchemaRegistry({ host })

const schema = {
  type: 'record',
  name: 'Reading',
  namespace: 'interop',
  fields: [
    { name: 'sensor', type: 'string' },
    { name: 'value', type: 'double' },
    { name: 'count', type: 'long' },
    { name: 'tags', type: { type: 'array', items: 'string' } },
    { name: 'note', type: ['null', 'string'], default: null }
  ]
}

if (mode === 'encode') {
  const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject: arg })
  const payload = await registry.encode(id, { sensor: 'node-7', value: 21.5, count: 42, tags: ['a', 'b'], note: 'from node' })
  console.log(JSON.stringify({ id, payload: payload.toString('base64') }))
} else if (mode === 'decode') {
  const record = await registry.decode(Buffer.from(arg, 'base64'))
  console.log(JSON.stringify(record))
} else {
  console.error('usage: interop.mjs <registryUrl> encode <subject> | decode <base64>')
  process.exit(2)
}
