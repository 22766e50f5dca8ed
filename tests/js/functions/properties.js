// Functions have a name and can carry their own properties.
function namedDecl() {}
print(namedDecl.name); // expect: namedDecl
const expr = function inner() {};
print(expr.name); // expect: inner
function tagged() { return tagged.calls = (tagged.calls || 0) + 1; }
tagged();
tagged();
print(tagged.calls); // expect: 2
const f = () => 1;
f.label = 'arrow with a property';
print(f.label, f()); // expect: arrow with a property 1
print(typeof namedDecl, typeof f); // expect: function function
print(namedDecl === namedDecl, (() => 1) === (() => 1)); // expect: true false
