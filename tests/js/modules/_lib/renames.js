// Helper module: export { local as exported }.
const internalName = 'value of internalName';
function internalFn() { return 'internalFn called'; }
let mutable = 1;
function bumpMutable() { mutable++; }
export { internalName as publicName, internalFn as publicFn, mutable as liveRenamed, bumpMutable };
