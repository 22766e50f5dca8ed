// Static methods and static fields: on the class, not on instances; `this` in a static
// method is the class; statics are inherited by subclasses.
class Registry {
  static count = 0;
  static prefix = 'id-';
  static next() { this.count++; return this.prefix + this.count; }
  static create() { return new this(this.next()); }
  constructor(id) { this.id = id; }
}
print(Registry.next(), Registry.next(), Registry.count); // expect: id-1 id-2 2
const r = Registry.create();
print(r.id, r instanceof Registry, r.next, r.count); // expect: id-3 true undefined undefined
class Special extends Registry {
  static prefix = 'sp-';
}
const s = Special.create();
print(s.id, s instanceof Special, Special.count, Registry.count); // expect: sp-4 true 4 3
class Config {
  static defaults = { a: 1 };
  static merged = { ...Config.defaults, b: 2 };
  static get size() { return Object.keys(this.merged).length; }
}
print(Config.merged.b, Config.size); // expect: 2 2
print(typeof Registry.next, 'next' in r); // expect: function false

export function afterResume() {
  print(Registry.next(), Special.next(), Registry.create().id); // expect: id-4 sp-5 id-5
}
