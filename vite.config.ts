// The client build. index.html at the root loads client/main.ts (the DOM menu and the
// simulation); Phaser and the board come later through a dynamic import, in their own chunk, so
// the menu is usable before the game engine has even downloaded.
import { defineConfig } from "vite";

export default defineConfig({
  root: ".",
  publicDir: "assets/static",
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1600,
    // Board pictures stay files: Phaser loads them by URL with a progress bar.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: "phaser", test: /node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
  server: { port: 5173 },
});
