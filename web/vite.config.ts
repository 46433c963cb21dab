import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

// The app lives in web/ but imports the SDK (../sdk) and the compiled ABIs (../artifacts).
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  server: { fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // sdk/core's index also re-exports the protocol lab (fast-check) and the scenario-file schema
      // (zod), which the dapp never calls. Declaring those modules free of side effects lets the
      // bundler drop them instead of shipping ~90 kB gzipped of unused code.
      treeshake: {
        moduleSideEffects: (id: string) => !/node_modules\/(fast-check|zod)\/|sdk\/core\/(lab\/|scenario)/.test(id),
      },
    },
  },
});
