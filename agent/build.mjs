// Bundles the reference agent and its installer into agent/dist (zod included), so the
// installed agent needs nothing but Node. Run by `npm run agent:build`.
import { resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
for (const [entry, name] of [
  ['agent/src/main.ts', 'tally-agent'],
  ['agent/src/install.ts', 'install'],
]) {
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    resolve: { alias: { '@': root } },
    ssr: { noExternal: true },
    build: {
      ssr: resolve(root, entry),
      outDir: resolve(root, 'agent/dist'),
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { entryFileNames: `${name}.mjs`, format: 'es' } },
    },
  });
}
console.log('agent built: agent/dist/tally-agent.mjs, agent/dist/install.mjs');
