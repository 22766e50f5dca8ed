// Added to the prelude (prelude.js) only when some module mentions `bind`, so other programs
// carry nothing of it.
// f.bind(thisArg, ...args): the compiler turns every call `X.bind(...)` into
// `__mvm_bind(X, ...)` (lower_expr.py). A function without its own `bind` gets a bound arrow
// (so `new` on it throws TypeError); any other value keeps its own `bind` method.
function __mvm_bind(f, thisArg, ...bound) {
  if (typeof f !== 'function' || f['bind'] !== undefined) return f['bind'](thisArg, ...bound);
  return (...args) => f.apply(thisArg, bound.concat(args));
}
// Every other read `X.bind` becomes `__mvm_bind_of(X)`: a function's `bind` is then this
// generic method (it binds its receiver), anything else's `bind` property is read as usual.
function __mvm_bind_of(f) {
  if (typeof f !== 'function' || f['bind'] !== undefined) return f['bind'];
  return __mvm_bind_method;
}
function __mvm_bind_method(thisArg, ...bound) {
  return __mvm_bind(this, thisArg, ...bound);
}
