// Destructuring parameters: object and array patterns, nested, defaults for the whole
// parameter and for parts, in arrows and methods.
function area({ w, h = w }) { return w * h; }
print(area({ w: 3 }), area({ w: 3, h: 4 })); // expect: 9 12
function first([f, ...rest]) { return f + '/' + rest.length; }
print(first([1, 2, 3]), first('xy')); // expect: 1/2 x/1
function options({ verbose = false, level = 1 } = {}) { return verbose + ':' + level; }
print(options(), options({ level: 3 }), options({ verbose: true })); // expect: false:1 false:3 true:1
const swap = ([a, b]) => [b, a];
print(swap([1, 2]).join(',')); // expect: 2,1
const point = { coords: { x: 5, y: -5 }, label: 'P' };
const describe = ({ label, coords: { x, y } }) => label + '(' + x + ',' + y + ')';
print(describe(point)); // expect: P(5,-5)
const o = { m({ n } = { n: 'default' }) { return n; } };
print(o.m(), o.m({ n: 'given' })); // expect: default given
function mixed(a, { b } = {}, [c = 'c'] = [], ...rest) { return [a, b, c, rest.length].join('|'); }
print(mixed(1), mixed(1, { b: 2 }, [3], 4, 5)); // expect: 1||c|0 1|2|3|2
try {
  area();
} catch (e) {
  print(e instanceof TypeError); // expect: true
}
print([[1, 'a'], [2, 'b']].map(([n, s]) => s + n).join(' ')); // expect: a1 b2

export function afterResume() {
  print(area({ w: 2 }), describe({ label: 'Q', coords: { x: 0, y: 1 } })); // expect: 4 Q(0,1)
}
