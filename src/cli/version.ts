declare const __SP_VERSION__: string | undefined;

/** The package version, set at build time by tsup's `define`. */
export const VERSION: string = typeof __SP_VERSION__ === 'string' ? __SP_VERSION__ : '0.0.0-dev';
