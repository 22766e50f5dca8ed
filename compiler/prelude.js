// The prelude: compiled before every program; its bindings are visible in every module
// (after the module's own declarations). Keep it small: it costs ROM in every image.
const print = vmImport(0xFF00); // IMPORT_ID_PRINT
