// Renamed imports (import { a as b }) and renamed exports (export { a as b }).
import { square as sq, PI_ISH as approxPi } from './_lib/math.js';
import { publicName, publicFn as callMe, liveRenamed, bumpMutable } from './_lib/renames.js';
print(sq(9), approxPi); // expect: 81 3.14
print(publicName); // expect: value of internalName
print(callMe()); // expect: internalFn called
print(liveRenamed); // expect: 1
bumpMutable();
bumpMutable();
print(liveRenamed); // expect: 3
print(typeof internalName); // expect: undefined
