// globalThis gives access to the builtin globals (the ones this VM has).
print(typeof globalThis, globalThis.Math === Math, globalThis.JSON === JSON, globalThis.globalThis === globalThis); // expect: object true true true
print(globalThis.parseInt("12px"), globalThis.Array.isArray([]), globalThis.Number("3"), globalThis.isNaN("x")); // expect: 12 true 3 true
print(typeof globalThis.Object.keys, typeof globalThis.Error, globalThis.NaN, globalThis.Infinity, globalThis.undefined); // expect: function function NaN Infinity undefined
print(typeof globalThis.notAGlobal, "Math" in globalThis, String(globalThis.String(42)), typeof globalThis.Uint8Array); // expect: undefined true 42 function
print(globalThis.Boolean(0), globalThis.isFinite(1), globalThis.parseFloat("1.5")); // expect: false true 1.5
