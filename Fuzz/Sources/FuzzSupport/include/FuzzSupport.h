#ifndef DOSSIER_FUZZ_SUPPORT_H
#define DOSSIER_FUZZ_SUPPORT_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's own mutator, callable from a custom mutator (provided by libclang_rt.fuzzer).
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t maxSize);

#endif
