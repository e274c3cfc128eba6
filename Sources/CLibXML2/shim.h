#ifndef DOSSIER_CLIBXML2_SHIM_H
#define DOSSIER_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/c14n.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/* libxml2 reports some problems (encoding conversion, for instance) through its generic
   error function, which prints to stderr. Swift cannot define a variadic C callback, so the
   silent one lives here. Errors that matter reach the reader's structured handler. */
static inline void dossier_libxml2_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void dossier_libxml2_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, dossier_libxml2_ignore_generic_error);
}
#endif
