// Usage and configuration errors (exit code 2). A module of its own, so the CLI can catch them
// without loading the config schema (zod) before a command needs it.
export class ConfigError extends Error {}
