// ?? returns the right side only when the left is null or undefined.
let log = '';
function v(x) { log += '[' + x + ']'; return x; }
print(null ?? 'd', undefined ?? 'd'); // expect: d d
print(0 ?? 'd', '' ?? 'd', false ?? 'd'); // expect: 0  false
print((0 / 0) ?? 'd'); // expect: NaN
print(undefined ?? null); // expect: null
print(v('left') ?? v('right')); // expect: left
print(log); // expect: [left]
log = '';
print(v(null) ?? v('right')); // expect: right
print(log); // expect: [null][right]
const cfg = { timeout: 0, name: null };
print(cfg.timeout ?? 30, cfg.timeout || 30); // expect: 0 30
print(cfg.name ?? 'anon', cfg.missing ?? 'none'); // expect: anon none
print(null ?? undefined ?? 'third'); // expect: third
print((null || undefined) ?? 'mixed with parens'); // expect: mixed with parens
