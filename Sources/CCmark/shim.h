#ifndef AUSWEG_CCMARK_SHIM_H
#define AUSWEG_CCMARK_SHIM_H

#include <cmark.h>

#endif
