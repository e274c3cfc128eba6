#ifndef DOSSIER_CLIBZIP_SHIM_H
#define DOSSIER_CLIBZIP_SHIM_H
#include <zip.h>
#endif
