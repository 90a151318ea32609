// @colyseus/ws-transport 0.16 ships types, but its package.json "exports" does not name them, so
// TypeScript cannot see them. This is the part we use. (A tsconfig `paths` entry would also work
// for tsc, but tsx follows `paths` at run time and then loads the CommonJS build, whose separate
// copy of @colyseus/core has no rooms: every join fails with "seat reservation expired".)
declare module "@colyseus/ws-transport" {
  import type { Transport } from "@colyseus/core";
  import type { Server } from "node:http";

  export interface TransportOptions {
    server?: Server;
    maxPayload?: number;
    pingInterval?: number;
    pingMaxRetries?: number;
    perMessageDeflate?: boolean;
  }
  export const WebSocketTransport: new (options?: TransportOptions) => Transport;
}
