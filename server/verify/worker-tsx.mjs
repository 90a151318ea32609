// Entry of a verifier thread when the server runs from TypeScript sources (`node --import tsx`):
// a worker does not inherit the main thread's loader, so it registers tsx itself first.
import { register } from "tsx/esm/api";

register();
await import(new URL("./worker.ts", import.meta.url).href);
