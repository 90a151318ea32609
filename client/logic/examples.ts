// The curriculum's four designs as save files (examples/, written by scripts/make-examples.ts),
// bundled so "Load game" can open them without a server.
import distributed from "../../examples/distributed.json?raw";
import scaleUp from "../../examples/scale-up.json?raw";
import secured from "../../examples/secured.json?raw";
import simpleStack from "../../examples/simple-stack.json?raw";

export const EXAMPLE_SAVES: readonly { id: string; title: string; text: string }[] = [
  { id: "simple-stack", title: "One server", text: simpleStack },
  { id: "distributed", title: "Load balancer + primary-replica", text: distributed },
  { id: "secured", title: "Firewalls, HTTPS, monitoring", text: secured },
  { id: "scale-up", title: "Load-balancer cluster, one role per server", text: scaleUp },
];
