/** Worker-thread entry: hosts one Core and answers call messages from the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { Core } from './core';
import type { CoreOptions } from './host';
import type { WorkerReply, WorkerRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('core worker must run in a worker thread');
const core = new Core(workerData as CoreOptions);

port.on('message', (msg: WorkerRequest) => {
  void (async () => {
    let reply: WorkerReply;
    switch (msg.type) {
      case 'call':
        reply = { id: msg.id, result: await core.call(msg.sessionId, msg.method, msg.payload) };
        break;
      case 'endSession':
        await core.endSession(msg.sessionId);
        reply = { id: msg.id, result: { ok: true, value: null } };
        break;
      case 'close':
        await core.close();
        reply = { id: msg.id, result: { ok: true, value: null } };
        break;
    }
    port.postMessage(reply);
  })();
});
