// typeof on an undeclared identifier is "undefined" (no ReferenceError).
print(typeof neverDeclared); // expect: undefined
print(typeof neverDeclared === 'undefined'); // expect: true
function check() { return typeof alsoNeverDeclared; }
print(check()); // expect: undefined
if (typeof someOptionalThing === 'undefined') print('fallback used'); // expect: fallback used
