/* replay_main.c: runs fuzz_restore.c's LLVMFuzzerTestOneInput on each file named on the command
 * line, without libFuzzer, so that a C compiler without it (gcc, the cross-profile builds of
 * tests/mcu) can replay tests/fuzz/regressions under the sanitizers. Exit 0 when every input
 * ran to its end; a finding aborts, as under libFuzzer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  for (int i = 1; i < argc; i++) {
    FILE* f = fopen(argv[i], "rb");
    if (!f) {
      fprintf(stderr, "replay: cannot open %s\n", argv[i]);
      return 2;
    }
    uint8_t* data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
      if (len == cap) {
        cap = cap ? 2 * cap : 4096;
        uint8_t* bigger = (uint8_t*)realloc(data, cap);
        if (!bigger) {
          fprintf(stderr, "replay: out of memory\n");
          return 2;
        }
        data = bigger;
      }
      size_t got = fread(data + len, 1, cap - len, f);
      if (got == 0) break;
      len += got;
    }
    fclose(f);
    LLVMFuzzerTestOneInput(data, len);
    free(data);
    printf("replayed %s (%zu bytes)\n", argv[i], len);
  }
  return 0;
}
