// A small simulation mixing objects, arrays, closures and a linear congruential generator.
function makeRng(seed) {
  let s = seed;
  return function () {
    s = (s * 75 + 74) % 65537;
    return s;
  };
}
const rng = makeRng(42);
const queue = { head: null, tail: null, size: 0 };
function enqueue(v) {
  const node = { v, next: null };
  if (queue.tail) queue.tail.next = node; else queue.head = node;
  queue.tail = node;
  queue.size++;
}
function dequeue() {
  const node = queue.head;
  queue.head = node.next;
  if (!queue.head) queue.tail = null;
  queue.size--;
  return node.v;
}
let served = 0;
let maxSize = 0;
let checksum = 0;
for (let t = 0; t < 1000; t++) {
  const r = rng();
  if (r % 4 !== 0) enqueue(t);
  if (queue.size > 0 && r % 3 !== 1) {
    checksum = (checksum * 31 + dequeue()) % 1000003;
    served++;
  }
  if (queue.size > maxSize) maxSize = queue.size;
}
print(served, queue.size, maxSize, checksum); // expect: 695 91 93 893471
