#ifndef DOSSIER_CPOPPLER_SHIM_H
#define DOSSIER_CPOPPLER_SHIM_H
#include <poppler.h>

/* GError's domain for poppler is a macro around a function; Swift sees the function. */
static inline GQuark dossier_poppler_error_quark(void) { return poppler_error_quark(); }
#endif
