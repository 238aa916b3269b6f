// One HTTP server for the end-to-end benchmark, in its own process: Express or Fastify, with
// the example route (verification, typed events, dedupe, router, a JSON log line per request,
// as examples/shared/receivers.ts builds it), the same adapter and pipeline with verification
// only, the framework's bare route that reads the body and answers 200, or that bare route with
// the hand-written node:crypto verification of bench/floors.ts and JSON.parse added (the
// "floor" route: what verifying costs over HTTP with no library). Reports its port over IPC.
//
// For a breakdown (bench/e2e.ts --variants), more: `bare-json`, the bare route answering the
// pipeline's JSON body and headers; on Fastify `floor-onrequest`, the floor check inside an
// `onRequest` hook reading the stream itself as the adapter does; `verify-handler`, `safeVerify`
// in an ordinary handler on Fastify's buffer parser, without the pipeline; and
// `verify-onrequest`, `safeVerify` where the adapter calls the pipeline (its hook, its stream
// read, its headers) but without the pipeline, answering an empty 200, or with
// `verify-onrequest-json` the pipeline's JSON body and headers.
//
// Fastify's bare route parses the JSON body: for `application/json` Fastify's own parser
// (secure-json-parse) runs, not the catch-all buffer parser, so the floor route replaces it with
// a buffer parser in its scope to get the raw bytes. Express's bare route reads raw bytes only.
//
//   node bench/run.mjs bench/e2e-server.ts <express|fastify> <variant>
import express from 'express';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createWebhookReceiver, type ReceiverOutcome, type WebhookReceiver } from '../src/core/pipeline/create-webhook-receiver.js';
import { createExpressHandler } from '../src/adapters/express/index.js';
import { hookverifyFastify } from '../src/adapters/fastify/index.js';
import { distinctHeaders } from '../src/adapters/node-http/distinct-headers.js';
import { readNodeBody } from '../src/adapters/node-http/read-node-body.js';
import { responseFor } from '../src/core/pipeline/respond.js';
import { createDeduplicator } from '../src/dedupe/index.js';
import { createRouter } from '../src/events/index.js';
import { peridioEvents } from '../src/senders/peridio/events/index.js';
import { createPeridioVerifier, peridio } from '../src/senders/peridio/index.js';
import { nodeLog } from '../examples/shared/node-log.js';
import type { Headers } from './fixtures.js';
import { peridioFloor, withParse } from './floors.js';

const [framework, variant] = process.argv.slice(2);
const PATH = '/webhooks/peridio';

function logOutcome(outcome: ReceiverOutcome): void {
  const { sender, code, status, event, deliveryId, message } = outcome;
  nodeLog({ outcome: code, status, sender, event, deliveryId }, message);
}

const verifier = () => createPeridioVerifier({ secret: process.env.PERIDIO_WEBHOOK_SECRET });

/** The example's Peridio receiver (examples/shared/receivers.ts), built from the sources. */
function peridioReceiver(): WebhookReceiver {
  // For the breakdown: the same adapter and pipeline with verification only.
  if (variant === 'verify-only') return createWebhookReceiver({ verifier: verifier(), handle: () => undefined });
  return createWebhookReceiver({
    verifier: verifier(),
    events: peridioEvents,
    dedupe: createDeduplicator({ retention: peridio }),
    handle: createRouter(
      peridioEvents,
      {
        'device.release-changed': (event) => {
          const { device, to_release } = event.payload.data.data;
          nodeLog({ handled: event.name }, `handled device.release-changed: ${device.identifier} -> ${to_release.version}`);
        },
        'webhook.test-fire': (event) => nodeLog({ handled: event.name }, 'handled webhook.test-fire: endpoint verified'),
      },
      {
        onUnhandled: (event) => nodeLog({ handled: event.name }, `handled ${event.name}`),
        onUnknown: (event) => nodeLog({ handled: event.name }, `handled unknown Peridio event ${event.name}`),
      },
    ),
    hooks: { onOutcome: logOutcome },
  });
}

/** The floor route's check: hand-written verification, then JSON.parse; undefined when refused. */
function floorCheck(): (body: Buffer, headers: Headers) => unknown {
  return withParse(peridioFloor([process.env.PERIDIO_WEBHOOK_SECRET!]));
}

const processed = responseFor('processed');

/** An empty 200, or with `json` the pipeline's own answer to a processed delivery. */
function accept(reply: FastifyReply, json: boolean): FastifyReply {
  return json ? reply.code(processed.status).headers(processed.headers).send(processed.body) : reply.code(200).send();
}

/** A route answering from its `onRequest` hook, reading the stream itself as the adapter does. */
function onRequestRoute(app: FastifyInstance, accepts: (body: Uint8Array, request: FastifyRequest) => boolean | Promise<boolean>, json = false): void {
  const route = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const body = (await readNodeBody(request.raw, 1024 * 1024))!;
    const answer = accepts(body, request);
    // A synchronous check is not awaited: the floor route pays no promise it does not need.
    const ok = typeof answer === 'boolean' ? answer : await answer;
    return ok ? accept(reply, json) : reply.code(401).send();
  };
  app.all(PATH, { onRequest: route }, route);
}

async function listen(): Promise<number> {
  if (framework === 'express') {
    const app = express();
    if (variant === 'bare') app.post(PATH, express.raw({ type: '*/*', limit: '1mb' }), (_req, res) => void res.sendStatus(200));
    else if (variant === 'floor') {
      const check = floorCheck();
      app.post(PATH, express.raw({ type: '*/*', limit: '1mb' }), (req, res) => {
        res.sendStatus(check(req.body as Buffer, req.headers as Headers) === undefined ? 401 : 200);
      });
    } else app.all(PATH, createExpressHandler(peridioReceiver()));
    return new Promise((resolve) => {
      const server = app.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  }
  const app = Fastify();
  if (variant === 'bare' || variant === 'bare-json') {
    await app.register(async (scope) => {
      scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));
      scope.post(PATH, async (_request, reply) => accept(reply, variant === 'bare-json'));
    });
  } else if (variant === 'floor' || variant === 'verify-handler') {
    await app.register(async (scope) => {
      // The raw bytes, for the check: replaces Fastify's JSON parser in this scope only.
      scope.removeContentTypeParser('application/json');
      scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));
      if (variant === 'floor') {
        const check = floorCheck();
        scope.post(PATH, async (request, reply) => reply.code(check(request.body as Buffer, request.headers as Headers) === undefined ? 401 : 200).send());
      } else {
        const verify = verifier();
        scope.post(PATH, async (request, reply) => {
          const outcome = await verify.safeVerify({ body: request.body as Buffer, headers: distinctHeaders(request.raw) });
          return reply.code(outcome.ok ? 200 : 401).send();
        });
      }
    });
  } else if (variant === 'verify-onrequest' || variant === 'verify-onrequest-json') {
    // The adapter's own steps (onRequest, its stream read, distinct headers) around safeVerify,
    // without the pipeline; the -json one answers as the pipeline does.
    const verify = verifier();
    onRequestRoute(app, async (body, request) => (await verify.safeVerify({ body, headers: distinctHeaders(request.raw) })).ok, variant === 'verify-onrequest-json');
  } else if (variant === 'floor-onrequest') {
    const check = floorCheck();
    onRequestRoute(app, (body, request) => check(Buffer.from(body.buffer, body.byteOffset, body.byteLength), request.headers as Headers) !== undefined);
  } else {
    await app.register(hookverifyFastify, { path: PATH, receiver: peridioReceiver() });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

const VARIANTS = ['hookverify', 'verify-only', 'bare', 'floor', 'bare-json', 'floor-onrequest', 'verify-handler', 'verify-onrequest', 'verify-onrequest-json'];
const FASTIFY_ONLY = ['bare-json', 'floor-onrequest', 'verify-handler', 'verify-onrequest', 'verify-onrequest-json'];
if ((framework !== 'express' && framework !== 'fastify') || !VARIANTS.includes(variant!) || (framework === 'express' && FASTIFY_ONLY.includes(variant!))) {
  console.error(`usage: e2e-server.ts <express|fastify> <${VARIANTS.join('|')}> (${FASTIFY_ONLY.join(', ')}: fastify only)`);
  process.exit(2);
}
const port = await listen();
process.send?.({ port });
// CPU time on request, so bench/e2e.ts can divide it by the requests of a run.
process.on('message', (message) => {
  if (message !== 'cpu') return;
  const usage = process.cpuUsage();
  process.send?.({ cpu: usage.user + usage.system, user: usage.user });
});
process.on('disconnect', () => process.exit(0));
