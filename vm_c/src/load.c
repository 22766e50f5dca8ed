/* load.c: creating a VM from a bytecode unit, freeing a VM, and the ROM bounds checks shared
 * with the image loader.
 *
 * A unit is untrusted input: every offset in its header is checked against the ROM before the
 * VM is made (docs/internals.md section 9), and the ROM is copied into a buffer the VM owns, so
 * the caller may free the unit. Globals start as HOLE (the TDZ marker).
 */
#include "internal.h"

static const uint8_t unit_magic[8] = {'M', 'V', 'M', 'U', 'N', 'I', 'T', 0};
#define UNIT_HEADER_SIZE 28u

bool rom_alloc_ok(const uint8_t* rom, uint32_t rom_len, uint32_t off, uint32_t type) {
  if ((off & 3u) || (uint64_t)off + 8 > rom_len) return false;
  uint32_t h = rd32(rom + off);
  uint32_t size = header_size(h), t = header_type(h);
  if (size < 8 || (uint64_t)off + size > rom_len) return false;
  switch (type) {
    case TC_INVALID:  // a string
      if (t == TC_STRING8) return 8 + (uint64_t)rd32(rom + off + 4) <= size;
      if (t == TC_STRING16) return 8 + 2 * (uint64_t)rd32(rom + off + 4) <= size;
      return false;
    case TC_FUNCTION:
      return t == TC_FUNCTION && size >= FN_CODE &&
             (uint64_t)FN_CODE + rd32(rom + off + FN_CODE_LEN) <= size;
    case TC_CONSTS:
      return t == TC_CONSTS && 8 + 4 * (uint64_t)rd32(rom + off + 4) <= size;
    default:
      return t == type;
  }
}

bool rom_names_ok(const uint8_t* rom, uint32_t rom_len, uint32_t names, uint32_t count) {
  if (names == NO_OFFSET) return true;
  if (!rom_alloc_ok(rom, rom_len, names, TC_CONSTS)) return false;
  if (rd32(rom + names + 4) != count) return false;
  for (uint32_t i = 0; i < count; i++) {
    mvm_value_t v = rd32(rom + names + 8 + 4 * i);
    if (!value_is_rom(v) || !rom_alloc_ok(rom, rom_len, value_rom_offset(v), TC_INVALID)) {
      return false;
    }
  }
  return true;
}

mvm_vm_t* vm_struct_new(mvm_resolve_import_t resolve, void* context) {
  mvm_vm_t* vm = (mvm_vm_t*)MVM_MALLOC(sizeof(mvm_vm_t), context);
  if (!vm) return NULL;
  MVM_MEMSET(vm, 0, sizeof *vm);
  vm->context = context;
  vm->resolve = resolve;
  vm->exception = VAL_UNDEFINED;
  vm->global_names = NO_OFFSET;
  return vm;
}

mvm_err_t mvm_new_from_unit(const uint8_t* unit, size_t unit_len, const mvm_config_t* cfg,
                            mvm_resolve_import_t resolve, void* context, mvm_vm_t** out_vm) {
  if (!out_vm) return MVM_E_INVALID_ARGUMENT;
  *out_vm = NULL;
  if (!unit) return MVM_E_INVALID_ARGUMENT;
  if (unit_len < UNIT_HEADER_SIZE || MVM_MEMCMP(unit, unit_magic, 8) != 0) {
    return MVM_E_INVALID_UNIT;
  }
  if (rd16(unit + 8) != K_UNIT_VERSION) return MVM_E_INVALID_UNIT;
  uint32_t global_count = rd16(unit + 10);
  uint32_t rom_len = rd32(unit + 12);
  uint32_t entry = rd32(unit + 16);
  uint32_t names = rd32(unit + 20);
  uint32_t export_count = rd16(unit + 24);
  uint64_t rom_at = ((uint64_t)UNIT_HEADER_SIZE + 8 * (uint64_t)export_count + 3) & ~(uint64_t)3;
  if (rom_at + rom_len > unit_len || rom_len >= 0x7FFFFFFF) return MVM_E_INVALID_UNIT;
  const uint8_t* rom = unit + rom_at;
  if (!rom_alloc_ok(rom, rom_len, entry, TC_FUNCTION)) return MVM_E_INVALID_UNIT;
  if (!rom_names_ok(rom, rom_len, names, global_count)) return MVM_E_INVALID_UNIT;
  for (uint32_t i = 0; i < export_count; i++) {
    const uint8_t* e = unit + UNIT_HEADER_SIZE + 8 * i;
    if (!rom_alloc_ok(rom, rom_len, rd32(e), TC_INVALID) || rd16(e + 4) >= global_count) {
      return MVM_E_INVALID_UNIT;
    }
  }

  mvm_vm_t* vm = vm_struct_new(resolve, context);
  if (!vm) return MVM_E_OUT_OF_MEMORY;
  mvm_err_t err = MVM_E_OK;
  // Padding after the copy keeps operand reads of a truncated last instruction inside the block.
  vm->rom_owned = (uint8_t*)MVM_MALLOC((size_t)rom_len + 8, context);
  vm->globals = (mvm_value_t*)MVM_MALLOC(sizeof(mvm_value_t) * (global_count + 1), context);
  if (export_count) {
    vm->unit_exports = (unit_export_t*)MVM_MALLOC(sizeof(unit_export_t) * export_count, context);
  }
  if (!vm->rom_owned || !vm->globals || (export_count && !vm->unit_exports)) {
    err = MVM_E_OUT_OF_MEMORY;
  }
  if (!err) {
    MVM_MEMCPY(vm->rom_owned, rom, rom_len);
    MVM_MEMSET(vm->rom_owned + rom_len, 0, 8);
    vm->rom = vm->rom_owned;
    vm->rom_len = rom_len;
    vm->entry = entry;
    vm->global_names = names;
    vm->global_count = global_count;
    for (uint32_t i = 0; i < global_count; i++) vm->globals[i] = VAL_HOLE;
    for (uint32_t i = 0; i < export_count; i++) {
      const uint8_t* e = unit + UNIT_HEADER_SIZE + 8 * i;
      vm->unit_exports[i].name = rd32(e);
      vm->unit_exports[i].slot = rd16(e + 4);
    }
    vm->unit_export_count = export_count;
    err = vm_alloc_runtime(vm, cfg);
  }
  if (!err) err = roots_create(vm);
  if (err) {
    mvm_free(vm);
    return err;
  }
  *out_vm = vm;
  return MVM_E_OK;
}

void mvm_free(mvm_vm_t* vm) {
  if (!vm) return;
  void* ctx = vm->context;
  (void)ctx;  // unused when the port's MVM_FREE ignores its context
  vm_release_memory(vm);
  MVM_FREE(vm, ctx);
}

void mvm_free_buffer(void* buffer) {
  if (buffer) MVM_FREE(buffer, NULL);
}
