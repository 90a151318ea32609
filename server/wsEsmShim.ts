// @colyseus/ws-transport 0.16's ES-module build calls `new WebSocket.Server(...)` on the default
// export of "ws". Under Node's ESM loader that default is ws's WebSocket class without the
// `Server` alias (only ws's CommonJS index adds it), so the server would die with "WebSocket.Server
// is not a constructor". Restore the alias before the transport is built. Import this first.
import * as wsModule from "ws";

const ws = wsModule as unknown as { default: { Server?: unknown }; WebSocketServer: unknown };
ws.default.Server ??= ws.WebSocketServer;
