// `new` on a plain function creates an object and binds it to `this`.
function Point(x, y) {
  this.x = x;
  this.y = y;
}
const p = new Point(1, 2);
print(p.x, p.y); // expect: 1 2
const q = new Point(3, 4);
print(q.x, q.y, p === q); // expect: 3 4 false
function Empty() {}
const e = new Empty();
print(typeof e, e.anything); // expect: object undefined
const noParens = new Empty;
print(typeof noParens); // expect: object
function Counter(start) {
  this.count = start;
  this.inc = function () { this.count++; return this.count; };
}
const c = new Counter(10);
c.inc();
print(c.inc()); // expect: 12
function Node(value, next) {
  this.value = value;
  this.next = next;
}
let list = null;
for (let i = 0; i < 5; i++) list = new Node(i, list);
let s = '';
for (let n = list; n !== null; n = n.next) s += n.value;
print(s); // expect: 43210
print(p instanceof Point, p instanceof Node); // expect: true false
function Missing(a, b) { this.a = a; this.b = b; }
const m = new Missing(1);
print(m.a, m.b); // expect: 1 undefined
