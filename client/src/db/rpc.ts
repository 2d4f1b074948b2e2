/**
 * The store runs inside the database's Web Worker (with PGlite, sync and the outbox); screens
 * reach it through this small RPC over a BroadcastChannel, so any tab can use the one worker that
 * holds the database (PGliteWorker elects it).
 */
import type { PGliteInterface } from '@electric-sql/pglite';
import { AppError, isErrorCode, type WireError } from '../../../shared/errors';
import type { OutboxRow, StoreState } from './store';

/** What screens need from the store, wherever it runs. */
export interface StoreApi {
  readonly pg: PGliteInterface;
  readonly bizId: string;
  readonly state: StoreState;
  mutate(name: string, args: unknown): Promise<{ mutationId: number }>;
  inbox(): Promise<OutboxRow[]>;
  takenOver(): Promise<(OutboxRow & { cancel_reason: string })[]>;
  resolve(
    mutationId: number,
    resolution: { action: 'discard' | 'retried' | 'alternative'; reason?: string; replacedBy?: number },
  ): Promise<void>;
  acknowledge(mutationId: number, note: string): Promise<void>;
  addPhoto(unitId: string, contentType: string, data: Uint8Array, caption?: string): Promise<string>;
  photos(unitId: string): Promise<{ id: string; caption: string | null; uploaded_at: Date | null }[]>;
  setOnline(online: boolean): void;
  schedulePush(delayMs: number): void;
  stop(): void;
}

export const REMOTE_METHODS = [
  'mutate',
  'inbox',
  'takenOver',
  'resolve',
  'acknowledge',
  'addPhoto',
  'photos',
  'setOnline',
  'schedulePush',
  'getState',
] as const;
type Method = (typeof REMOTE_METHODS)[number];

export type RpcMessage =
  | { type: 'call'; id: string; method: Method; args: unknown[] }
  | { type: 'result'; id: string; ok: true; value: unknown }
  | { type: 'result'; id: string; ok: false; error: WireError }
  | { type: 'state'; state: StoreState }
  | { type: 'revoked' }
  | { type: 'signed-out' };

export function channelName(key: string) {
  return `bizing-store:${key}`;
}

/** The screens' side: forwards calls to the worker and mirrors its state. */
export class RemoteStore implements StoreApi {
  private readonly channel: BroadcastChannel;
  private readonly waiting = new Map<string, { resolve(v: unknown): void; reject(e: unknown): void }>();
  state: StoreState;

  constructor(
    readonly pg: PGliteInterface,
    readonly bizId: string,
    key: string,
    initial: StoreState,
    private readonly events: { onState(s: StoreState): void; onRevoked(): void; onSignedOut(): void },
  ) {
    this.state = initial;
    this.channel = new BroadcastChannel(channelName(key));
    this.channel.onmessage = (e: MessageEvent<RpcMessage>) => {
      const msg = e.data;
      if (msg.type === 'state') {
        this.state = msg.state;
        events.onState(msg.state);
      } else if (msg.type === 'revoked') events.onRevoked();
      else if (msg.type === 'signed-out') events.onSignedOut();
      else if (msg.type === 'result') {
        const w = this.waiting.get(msg.id);
        if (!w) return;
        this.waiting.delete(msg.id);
        if (msg.ok) w.resolve(msg.value);
        else {
          const code = isErrorCode(msg.error.code) ? msg.error.code : 'internal';
          w.reject(new AppError(code, msg.error.message, msg.error.details));
        }
      }
    };
  }

  private call<T>(method: Method, ...args: unknown[]): Promise<T> {
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.channel.postMessage({ type: 'call', id, method, args } satisfies RpcMessage);
    });
  }

  async refreshState() {
    this.state = await this.call<StoreState>('getState');
    this.events.onState(this.state);
  }
  mutate(name: string, args: unknown) {
    return this.call<{ mutationId: number }>('mutate', name, args);
  }
  inbox() {
    return this.call<OutboxRow[]>('inbox');
  }
  takenOver() {
    return this.call<(OutboxRow & { cancel_reason: string })[]>('takenOver');
  }
  resolve(mutationId: number, resolution: Parameters<StoreApi['resolve']>[1]) {
    return this.call<void>('resolve', mutationId, resolution);
  }
  acknowledge(mutationId: number, note: string) {
    return this.call<void>('acknowledge', mutationId, note);
  }
  addPhoto(unitId: string, contentType: string, data: Uint8Array, caption?: string) {
    return this.call<string>('addPhoto', unitId, contentType, data, caption);
  }
  photos(unitId: string) {
    return this.call<{ id: string; caption: string | null; uploaded_at: Date | null }[]>('photos', unitId);
  }
  setOnline(online: boolean) {
    void this.call('setOnline', online);
  }
  schedulePush(delayMs: number) {
    void this.call('schedulePush', delayMs);
  }
  stop() {
    this.channel.close();
  }
}
