// Classes are in the subset, but not their private names.
class Counter {
  #count = 0; // expect compile error: private names (#x) are not supported
  increment() { return 1; }
}
print(new Counter().increment());
