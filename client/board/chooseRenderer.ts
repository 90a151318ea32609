// WebGL when the machine has a real GPU; the 2D canvas when WebGL would run in software
// (SwiftShader, llvmpipe: headless browsers, VMs, old drivers), where canvas is several times
// faster. `?renderer=canvas|webgl` overrides the guess.
import Phaser from "phaser";

export function chooseRenderer(search: string): number {
  const asked = new URLSearchParams(search).get("renderer");
  if (asked === "canvas") return Phaser.CANVAS;
  if (asked === "webgl") return Phaser.WEBGL;
  try {
    const gl = document.createElement("canvas").getContext("webgl");
    if (!gl) return Phaser.CANVAS;
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return /swiftshader|llvmpipe|software|basic render/i.test(name) ? Phaser.CANVAS : Phaser.AUTO;
  } catch {
    return Phaser.CANVAS;
  }
}
