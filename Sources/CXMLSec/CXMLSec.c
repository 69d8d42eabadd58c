#include "CXMLSec.h"
#include <libxml/parser.h>

void CXMLSec_initialize(void) {
    xmlInitParser();
}

int CXMLSec_isWellFormed(const char *bytes, size_t length) {
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == NULL) return 0;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, bytes, (int)length, NULL, NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    int ok = doc != NULL && ctxt->wellFormed;
    if (doc != NULL) xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    return ok;
}
