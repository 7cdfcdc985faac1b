// Drives the dev broker with kafkajs, a pure-JavaScript client that shares no code with librdkafka,
// so it trusts the broker's ApiVersions and the mock's encoding of every version it picks.
// Usage: node roundtrip.mjs <bootstrap servers> <topic>. Exits 0 only if every step worked.
import { Kafka, logLevel } from 'kafkajs'

const [bootstrap, topic] = process.argv.slice(2)
if (!bootstrap || !topic) {
  fail('usage: node roundtrip.mjs <host:port[,host:port]> <topic>')
}

const messageCount = 30
const groupId = `kafkajs-roundtrip-${topic}`

// kafkajs swallows some failures, LeaveGroup's among them (the consumer disconnects anyway), and
// only logs them; any error it logs fails the run.
const errors = []
const kafka = new Kafka({
  clientId: 'kafkajs-roundtrip',
  brokers: bootstrap.split(','),
  logLevel: logLevel.ERROR,
  logCreator: () => ({ namespace, log }) => errors.push(`${namespace}: ${log.message} ${JSON.stringify(log)}`),
  // A broker that answers wrongly will not answer better on a later try; fail within seconds.
  retry: { retries: 2 },
})

const started = Date.now()
let last = 'start'
const step = name => {
  last = name
  console.log(`${((Date.now() - started) / 1000).toFixed(1)}s ${name}`)
}

// A bound of its own, so that a hang still says which step it got stuck after.
setTimeout(() => fail(`no progress for 60 s after: ${last}`), 60_000).unref()

try {
  await run()
} catch (e) {
  fail(`${e.name}: ${e.message}`)
}

if (errors.length > 0) {
  fail(`kafkajs logged errors:\n${errors.join('\n')}`)
}

step('ok')

async function run() {
  const producer = kafka.producer()
  await producer.connect()
  await producer.send({
    topic,
    acks: -1,
    messages: Array.from({ length: messageCount }, (_, i) => ({ key: `key-${i % 7}`, value: `message-${i}` })),
  })
  await producer.disconnect()
  step(`produced ${messageCount} messages to ${topic}`)

  const consumer = kafka.consumer({
    groupId,
    // A lone member joins at once, but the mock holds every later rebalance of the group for
    // sessionTimeout - 1 s, the one a leave starts included: a rerun against the same broker would
    // wait 29 s with kafkajs' default of 30 s. 6 s is the smallest a real broker accepts.
    sessionTimeout: 6000,
    heartbeatInterval: 500,
    // disconnect() first waits for the fetch in flight, which the broker holds this long when idle.
    maxWaitTimeInMs: 500,
  })
  consumer.on(consumer.events.CRASH, e => fail(`the consumer crashed: ${e.payload.error}`))
  const joined = new Promise(resolve => consumer.on(consumer.events.GROUP_JOIN, resolve))
  await consumer.connect()
  await consumer.subscribe({ topic, fromBeginning: true })

  const next = new Map()
  const values = new Set()
  let allConsumed
  const done = new Promise(resolve => (allConsumed = resolve))
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      next.set(partition, BigInt(message.offset) + 1n)
      values.add(message.value.toString())
      if (values.size === messageCount) {
        allConsumed()
      }
    },
  })
  await joined
  step('joined the group')
  await done
  step(`consumed all ${values.size} messages`)

  const offsets = [...next].map(([partition, offset]) => ({ topic, partition, offset: `${offset}` }))
  await consumer.commitOffsets(offsets)
  step('committed')

  // Sends LeaveGroup.
  await consumer.disconnect()
  step('left the group and disconnected')

  await checkCommitted(offsets)
}

async function checkCommitted(expected) {
  const admin = kafka.admin()
  await admin.connect()
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] })
  await admin.disconnect()
  for (const { partition, offset } of expected) {
    const actual = committed.partitions.find(p => p.partition === partition)?.offset
    if (actual !== offset) {
      throw new Error(`partition ${partition}: committed offset is ${actual}, expected ${offset}`)
    }
  }

  step(`committed offsets read back: ${expected.map(o => `${o.partition}@${o.offset}`).join(' ')}`)
}

function fail(message) {
  console.error(`kafkajs roundtrip FAILED: ${message}`)
  process.exit(1)
}
