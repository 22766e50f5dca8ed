// Objects are compared by identity and passed by reference.
const a = { v: 1 };
const b = a;
const c = { v: 1 };
print(a === b, a === c, a == c); // expect: true false false
b.v = 2;
print(a.v); // expect: 2
function mutate(o) { o.v = 'mutated'; }
mutate(c);
print(c.v); // expect: mutated
function replace(o) { o = { v: 'new' }; return o; }
const r = replace(a);
print(a.v, r.v); // expect: 2 new
print({} === {}, [] === []); // expect: false false
const self = {};
self.me = self;
print(self.me === self, self.me.me.me === self); // expect: true true
const list = [a, a, c];
print(list[0] === list[1], list[1] === list[2]); // expect: true false
list[0].v = 99;
print(a.v, list[1].v); // expect: 99 99
