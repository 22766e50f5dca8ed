// Named imports of constants, lets and functions.
import { PI_ISH, square, cube, version, readHidden } from './_lib/math.js';
print(PI_ISH); // expect: 3.14
print(square(7), cube(3)); // expect: 49 27
print(version); // expect: 1
print(readHidden()); // expect: not exported
print(typeof square); // expect: function
