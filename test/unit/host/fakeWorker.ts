// An in-process stand-in for a worker_threads Worker: messages go through structuredClone (as postMessage does) to
// the real worker handler driven by a fake engine.
import { EventEmitter } from 'node:events';
import type { WorkerLike } from '../../../src/host/workerClient';
import { createHandler, type Engine } from '../../../src/worker/handler';
import type { ToWorker } from '../../../src/worker/protocol';

export class FakeWorker extends EventEmitter implements WorkerLike {
  terminated = false;
  readonly received: ToWorker[] = [];
  private readonly handle: (m: unknown) => Promise<void>;
  constructor(engine: Engine) {
    super();
    this.handle = createHandler(engine, (m) => {
      const copy = structuredClone(m);
      if (!this.terminated) setImmediate(() => !this.terminated && this.emit('message', copy));
    });
  }
  postMessage(msg: ToWorker): void {
    this.received.push(msg);
    const copy = structuredClone(msg);
    setImmediate(() => void this.handle(copy));
  }
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(1);
  }
}
