// Classes are outside the subset.
class Point { // expect compile error: not supported
  constructor(x) { this.x = x; }
}
print(new Point(1).x);
