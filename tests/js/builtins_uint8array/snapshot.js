// A Uint8Array lives in the image (its own allocation type) and works after the resume.
const buf = new Uint8Array(8);
for (let i = 0; i < buf.length; i++) buf[i] = i * 40;
print(buf.join()); // expect: 0,40,80,120,160,200,240,24
export function afterResume() {
  print(buf.length, buf[7], buf.join()); // expect: 8 24 0,40,80,120,160,200,240,24
  buf[0] = 511;
  const copy = buf.slice(0, 3);
  print(buf[0], copy.join(), copy instanceof Uint8Array); // expect: 255 255,40,80 true
}
