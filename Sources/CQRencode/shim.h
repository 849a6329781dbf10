// libqrencode declares plain functions and enums, which Swift imports as they
// are; this header only makes them visible. No macro needs forwarding.
#ifndef AUSWEG_CQRENCODE_SHIM_H
#define AUSWEG_CQRENCODE_SHIM_H

#include <qrencode.h>

#endif
