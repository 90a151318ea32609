// @colyseus/ws-transport 0.16 ships typings its package.json "exports" does not point to, so under
// "moduleResolution: Bundler" TypeScript cannot find them. The one constructor we use, typed here.
declare module "@colyseus/ws-transport" {
  import type { Transport } from "@colyseus/core";
  import type { ServerOptions } from "ws";
  export class WebSocketTransport extends Transport {
    constructor(options?: ServerOptions & { pingInterval?: number; pingMaxRetries?: number });
    listen(port: number, hostname?: string, backlog?: number, listeningListener?: () => void): this;
    shutdown(): void;
    simulateLatency(milliseconds: number): void;
  }
}
