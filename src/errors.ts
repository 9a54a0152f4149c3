// Two kinds of user-facing failure besides a bad database (store/): one input that cannot be
// used (named on stderr, the run goes on, exit 1) and a command line that makes no sense (exit 2).

export class InputError extends Error {}

export class UsageError extends Error {}
