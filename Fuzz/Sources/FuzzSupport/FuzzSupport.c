// Only the declaration in include/FuzzSupport.h is needed; SwiftPM wants a source file.
#include "FuzzSupport.h"
