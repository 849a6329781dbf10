// deflateInit2 is a macro in zlib.h; this forwards it so Swift can call it.
#ifndef AUSWEG_CZLIB_SHIM_H
#define AUSWEG_CZLIB_SHIM_H

#include <zlib.h>

static inline int czlib_deflate_init2(
    z_streamp stream, int level, int method, int window_bits, int mem_level, int strategy) {
    return deflateInit2(stream, level, method, window_bits, mem_level, strategy);
}

#endif
