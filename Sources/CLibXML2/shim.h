#ifndef DOSSIER_CLIBXML2_SHIM_H
#define DOSSIER_CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU, so libxml/encoding.h includes the system's <unicode/ucnv.h>.
   Its UErrorCode clashes with the one in Swift's Foundation (_FoundationICU) in any module that
   sees both. dossier never touches the ICU converter fields of xmlCharEncodingHandler (only
   pointers to libxml2's own structures cross into Swift), so the ICU parts are left out here. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
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
