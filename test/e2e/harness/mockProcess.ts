import { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess, stopProcess, waitFor } from './processes';

export interface MockSentMessage {
  to: string;
  text: string;
  id: string;
  time: number;
}

/** `webhookUrl`, `webhookEnabled` and `webhookSecondaryUrl` as the mock serves them, plus any field a test staged. */
export type MockWebhook = { webhookUrl?: string; webhookEnabled?: boolean; webhookSecondaryUrl?: string } & Record<
  string,
  unknown
>;

export interface MockInstanceState {
  connected: boolean;
  currentQr?: string;
  issuedQrs: string[];
  lastPairingCode?: string;
  sentMessages: MockSentMessage[];
  webhook: MockWebhook;
  /** Bodies of accepted `configWebhook` calls, in order. */
  webhookConfigs: unknown[];
  /** Numbers `isOnWhatsApp` answers true for, the linked user's own included. */
  knownNumbers: string[];
}

export interface LoggedRequest {
  time: number;
  method: string;
  path: string;
  query: string;
  key?: string;
  authorized: boolean;
  authorization?: string;
  /** Parsed JSON, or raw text cut short; absent when the request had no body. */
  body?: unknown;
}

/** The project's mock MegaAPI as a child process, driven through its /__mock/ routes. */
export class MockProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(
    root: string,
    logDir: string,
    instances: string[],
    qrRotateSeconds = 20,
    delayMs = 0,
  ): Promise<MockProcess> {
    const logFile = join(logDir, `mock-${Date.now()}-${process.pid}.log`);
    const args = [join(root, 'out/test/mock/cli.js'), '--port', '0', '--qr-rotate-seconds', String(qrRotateSeconds)];
    if (delayMs > 0) args.push('--delay-ms', String(delayMs));
    for (const instance of instances) args.push('--instance', instance);
    const child = startProcess(process.execPath, args, logFile);
    const url = await waitFor(
      'the mock MegaAPI',
      async () => /MOCK_LISTENING (\S+)/.exec(readFileSync(logFile, 'utf8'))?.[1],
      15_000,
    );
    if (child.exitCode !== null) throw new Error(`the mock MegaAPI exited (${child.exitCode}); see ${logFile}`);
    return new MockProcess(child, url);
  }

  async state(key: string): Promise<MockInstanceState> {
    const all = (await this.call('GET', '/__mock/state')) as { instances: Record<string, MockInstanceState> };
    return all.instances[key];
  }

  async addInstance(key: string, token: string): Promise<void> {
    await this.call('POST', '/__mock/instances', { key, token });
  }

  async connect(key: string): Promise<void> {
    await this.call('POST', `/__mock/instances/${key}/connect`, {
      id: '5511987654321@s.whatsapp.net',
      name: 'Loja Teste',
    });
  }

  async disconnect(key: string): Promise<void> {
    await this.call('POST', `/__mock/instances/${key}/disconnect`);
  }

  /** Links or unlinks the instance after `afterMs`, on the mock's own timer. */
  async flip(key: string, afterMs: number, connected: boolean): Promise<void> {
    await this.call('POST', `/__mock/instances/${key}/flip`, { afterMs, connected });
  }

  async rotate(key: string): Promise<string> {
    return ((await this.call('POST', `/__mock/instances/${key}/rotate`)) as { currentQr: string }).currentQr;
  }

  async fault(fault: Record<string, unknown>): Promise<void> {
    await this.call('POST', '/__mock/faults', fault);
  }

  async sentMessages(key: string): Promise<MockSentMessage[]> {
    return ((await this.call('GET', `/__mock/instances/${key}/messages`)) as { messages: MockSentMessage[] }).messages;
  }

  async webhook(key: string): Promise<MockWebhook> {
    return ((await this.call('GET', `/__mock/instances/${key}/webhook`)) as { webhook: MockWebhook }).webhook;
  }

  /** Merges into the instance's webhook; a null field is removed. */
  async setWebhook(key: string, fields: Record<string, unknown>): Promise<void> {
    await this.call('POST', `/__mock/instances/${key}/webhook`, fields);
  }

  /** Makes `isOnWhatsApp` answer true for these 10-15 digits. */
  async addKnownNumber(key: string, digits: string): Promise<void> {
    await this.call('POST', `/__mock/instances/${key}/numbers`, { number: digits });
  }

  async requests(key?: string): Promise<LoggedRequest[]> {
    const all = (await this.call('GET', '/__mock/requests')) as LoggedRequest[];
    return key === undefined ? all : all.filter((r) => r.key === key);
  }

  /** API requests in flight now, and the most at once since the last reset. */
  async concurrency(): Promise<{ inFlight: number; peak: number }> {
    return (await this.call('GET', '/__mock/concurrency')) as { inFlight: number; peak: number };
  }

  async resetConcurrency(): Promise<void> {
    await this.call('DELETE', '/__mock/concurrency');
  }

  stop(): Promise<void> {
    return stopProcess(this.child);
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(this.url + path, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`mock ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  }
}
