// Classes across a snapshot: a class hierarchy defined at build time, instances made at
// build time and after resume, static state kept.
class Node2 {
  static made = 0;
  constructor(value) {
    this.value = value;
    this.next = null;
    Node2.made++;
  }
}
class List {
  head = null;
  size = 0;
  push(v) {
    const n = new Node2(v);
    n.next = this.head;
    this.head = n;
    this.size++;
    return this;
  }
  toString() {
    const parts = [];
    for (let n = this.head; n; n = n.next) parts.push(n.value);
    return parts.join('>');
  }
}
class CountingList extends List {
  pushes = 0;
  push(v) { this.pushes++; return super.push(v); }
}
const list = new CountingList().push(1).push(2);
print('' + list, list.pushes, Node2.made); // expect: 2>1 2 2

export function afterResume() {
  list.push(3);
  const other = new CountingList().push('a');
  print('' + list, list.size, list.pushes, '' + other, Node2.made); // expect: 3>2>1 3 3 a 4
  print(other instanceof List, Object.keys(other).join(',')); // expect: true head,size,pushes
}
