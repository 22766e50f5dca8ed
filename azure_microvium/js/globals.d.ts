// Globals the VM gives every program, at deploy time and at run time (see README).

/** Converts each argument with String(), joins them with one space and writes a line. */
declare function print(...args: unknown[]): void;

declare const console: {
  /** The same as print. */
  log(...args: unknown[]): void;
};

/** Registers fn as the export with this numeric id (0..65535) in the image. */
declare function vmExport(id: number, fn: (...args: any[]) => any): void;

/**
 * The host function with this numeric id (0..65535). 0xFE00-0xFEFF belong to azure-microvium,
 * 0xFF00 and up to the VM host's standard functions.
 */
declare function vmImport(id: number): (...args: any[]) => any;
