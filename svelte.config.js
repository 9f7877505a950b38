/** Svelte 5 understands TypeScript in components natively; nothing to preprocess. */
export default {
  compilerOptions: { runes: true },
};
