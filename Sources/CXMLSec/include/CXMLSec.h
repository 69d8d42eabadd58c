#ifndef CXMLSEC_H
#define CXMLSEC_H
/// Opaque wrapper over libxml2: this header must never include a libxml header,
/// because Debian's libxml2 headers pull ICU headers that clash with Foundation's.
#include <stddef.h>

/// Initialises the libxml2 parser once per process; safe to call repeatedly.
void CXMLSec_initialize(void);

/// Returns 1 when `bytes` is a well-formed XML document, 0 otherwise.
int CXMLSec_isWellFormed(const char *bytes, size_t length);
#endif
