import type { IncomingMessage } from 'node:http';
import { parseJson, readBody } from './body';
import { FaultQueue, parseFault } from './faults';
import type { InFlight } from './inFlight';
import { answerEventsControl } from './eventsDelivery';
import { answerMessagesControl } from './messagesControl';
import type { RequestLog } from './requestLog';
import { NOT_FOUND, pathSegments } from './routes';
import { Reply, json } from './send';
import type { MockState, MockUser } from './state';
import { answerWebhookControl } from './webhookControl';

export interface MockContext {
  state: MockState;
  faults: FaultQueue;
  log: RequestLog;
  inFlight: InFlight;
}

class BadRequest extends Error {}

const bad = (message: string): Reply => json(400, { error: true, message });

/** The `/__mock/` routes: no auth, because only tests and the demo script on this machine call them. */
export async function answerControl(ctx: MockContext, req: IncomingMessage, pathname: string): Promise<Reply> {
  const parts = pathSegments(pathname)?.slice(1);
  if (!parts) return NOT_FOUND();
  const route = `${req.method ?? ''} ${parts.length === 3 && parts[0] === 'instances' ? `instances/*/${parts[2]}` : parts.join('/')}`;
  try {
    switch (route) {
      case 'GET state':
        return json(200, { instances: ctx.state.snapshot() });
      case 'POST reset':
        resetAll(ctx);
        return json(200, { ok: true });
      case 'POST instances':
        return addInstance(ctx, await readJson(req));
      case 'POST instances/*/connect':
      case 'POST instances/*/disconnect':
      case 'POST instances/*/rotate':
        return instanceAction(ctx, parts[1], parts[2], await readJson(req));
      case 'POST instances/*/flip':
        return flipInstance(ctx, parts[1], await readJson(req));
      case 'GET instances/*/messages':
        return answerMessagesControl(ctx.state, parts[1], 'messages', undefined);
      case 'POST instances/*/numbers':
        return answerMessagesControl(ctx.state, parts[1], 'numbers', await readJson(req));
      case 'GET instances/*/webhook':
        return answerWebhookControl(ctx.state, 'GET', parts[1], undefined);
      case 'POST instances/*/webhook':
        return answerWebhookControl(ctx.state, 'POST', parts[1], await readJson(req));
      case 'POST instances/*/events':
      case 'GET instances/*/deliveries': {
        const instance = ctx.state.find(parts[1]);
        if (!instance) return json(404, { error: true, message: 'Instance not found' });
        const body = req.method === 'POST' ? await readJson(req) : undefined;
        return answerEventsControl(instance.deliveries, req.method ?? '', body);
      }
      case 'GET faults':
        return json(200, { faults: ctx.faults.pending });
      case 'POST faults': {
        const parsed = parseFault(await readJson(req));
        if (!parsed.ok) return bad(parsed.reason);
        ctx.faults.add(parsed.fault);
        return json(200, { ok: true, queued: ctx.faults.pending.length });
      }
      case 'DELETE faults':
        ctx.faults.clear();
        return json(200, { ok: true });
      case 'GET requests':
        return json(200, ctx.log.all());
      case 'DELETE requests':
        ctx.log.clear();
        return json(200, { ok: true });
      case 'GET concurrency':
        return json(200, ctx.inFlight.snapshot());
      case 'DELETE concurrency':
        ctx.inFlight.reset();
        return json(200, ctx.inFlight.snapshot());
      default:
        return NOT_FOUND();
    }
  } catch (err) {
    if (err instanceof BadRequest) return bad(err.message);
    throw err;
  }
}

/** Instances keep their tokens: a reset undoes what a test did, not how the server was started. */
export function resetAll(ctx: MockContext): void {
  ctx.state.reset();
  ctx.faults.clear();
  ctx.log.clear();
  ctx.inFlight.reset();
}

function addInstance(ctx: MockContext, body: unknown): Reply {
  const { key, token } = (body ?? {}) as Record<string, unknown>;
  if (typeof key !== 'string' || key === '' || typeof token !== 'string') {
    return bad('body must be {"key": string, "token": string}');
  }
  ctx.state.upsert({ key, token });
  return json(200, { ok: true, key });
}

function instanceAction(ctx: MockContext, key: string, action: string, body: unknown): Reply {
  const instance = ctx.state.find(key);
  if (!instance) return json(404, { error: true, message: 'Instance not found' });
  if (action === 'connect') {
    const { id, name } = (body ?? {}) as Record<string, unknown>;
    const user: Partial<MockUser> = {};
    if (typeof id === 'string') user.id = id;
    if (typeof name === 'string') user.name = name;
    instance.connect(user);
  } else if (action === 'disconnect') {
    if (instance.connected) instance.deliveries.connection('close', 'disconnected');
    instance.disconnect();
  } else {
    return json(200, { currentQr: instance.rotate() });
  }
  return json(200, { ok: true, connected: instance.connected });
}

/** `{ "afterMs": 0..600000, "connected": boolean }`: the state changes on a timer, with no request to watch for. */
function flipInstance(ctx: MockContext, key: string, body: unknown): Reply {
  const instance = ctx.state.find(key);
  if (!instance) return json(404, { error: true, message: 'Instance not found' });
  const { afterMs, connected } = (body ?? {}) as Record<string, unknown>;
  if (typeof afterMs !== 'number' || !(afterMs >= 0 && afterMs <= 600_000) || typeof connected !== 'boolean') {
    return bad('body must be {"afterMs": 0..600000, "connected": boolean}');
  }
  instance.flipIn(afterMs, connected);
  return json(200, { ok: true, afterMs, connected });
}

/** An empty body reads as undefined, so `connect` works with or without one. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  if (body.tooLarge) throw new BadRequest('body too large');
  const parsed = parseJson(body);
  if (!parsed.ok) throw new BadRequest('body is not valid JSON');
  return parsed.value;
}
