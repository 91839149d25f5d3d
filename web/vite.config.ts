import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

/**
 * The web app: a single-page app served from the same origin as the API (the local runtime, or CloudFront in front
 * of API Gateway). In `vite dev` the API is proxied to the local runtime on port 3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [solid()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: {
      output: {
        // A chunk of strings is named by its area and language ("strings-tickets-ru-<hash>.js"), not only "ru".
        chunkFileNames: (chunk) => {
          const area = chunk.facadeModuleId?.match(/\/i18n\/areas\/(\w+)\/(\w+)\.ts$/);
          return area ? `assets/strings-${area[1]}-${area[2]}-[hash].js` : "assets/[name]-[hash].js";
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: false },
    },
  },
});
