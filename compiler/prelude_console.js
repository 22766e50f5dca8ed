// console, compiled after prelude.js when some module's source mentions it (program.py): a
// program that never does carries neither its global slot nor its object.
const console = { log: print, error: print, warn: print, info: print };
