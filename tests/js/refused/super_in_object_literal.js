// `super` works in classes only: an object literal's method using it is refused.
const base = { m() { return 1; } };
const o = { __proto__: base, m() { return super.m() + 1; } }; // expect compile error: 'super' keyword unexpected here
print(o.m());
