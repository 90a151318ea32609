// The benchmark page's build (bench/page/), apart from the product's: dist-bench/ holds the game's
// code plus the benchmark board, which the product's dist/ never contains.
import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vite";
import product from "../vite.config.js";

export default mergeConfig(product, defineConfig({
  build: {
    outDir: "dist-bench",
    rolldownOptions: { input: fileURLToPath(new URL("./page/index.html", import.meta.url)) },
  },
}));
