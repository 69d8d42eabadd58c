#include "CXMLSec.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>

// Options: no network, CDATA merged into text (as lxml), big line numbers. Deliberately NOT
// XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_DTDVALID nor XML_PARSE_HUGE.
static const int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES
                               | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

static pthread_once_t initializeOnce = PTHREAD_ONCE_INIT;

static void initializeParser(void) { xmlInitParser(); }

void CXMLSec_initialize(void) { pthread_once(&initializeOnce, initializeParser); }

int CXMLSec_isWellFormed(const char *bytes, size_t length) {
    CXMLSecParseResult result;
    CXMLSecDocument *document = CXMLSec_parse(bytes, length, CXMLSecParseDefault, &result);
    if (document == NULL) return 0;
    CXMLSec_freeDocument(document);
    return 1;
}

// MARK: - Parsing

/// SAX callback for `<!DOCTYPE`: remembers it and stops the parser before the internal subset
/// (entity declarations) is read.
static void refuseDoctype(void *context, const xmlChar *name, const xmlChar *externalID, const xmlChar *systemID) {
    (void)name; (void)externalID; (void)systemID;
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)context;
    int *seen = (int *)ctxt->_private;
    if (seen != NULL) *seen = 1;
    xmlStopParser(ctxt);
}

/// Silences libxml2's generic error output on this thread while `body` runs (c14n, copies).
typedef struct {
    xmlGenericErrorFunc generic;
    void *genericContext;
    xmlStructuredErrorFunc structured;
    void *structuredContext;
} SavedErrorHandlers;

static void ignoreGenericError(void *context, const char *message, ...) { (void)context; (void)message; }
static void ignoreStructuredError(void *context, xmlErrorPtr error) { (void)context; (void)error; }

static SavedErrorHandlers silenceErrors(void) {
    SavedErrorHandlers saved = { xmlGenericError, xmlGenericErrorContext, xmlStructuredError, xmlStructuredErrorContext };
    xmlSetGenericErrorFunc(NULL, ignoreGenericError);
    xmlSetStructuredErrorFunc(NULL, ignoreStructuredError);
    return saved;
}

static void restoreErrors(SavedErrorHandlers saved) {
    xmlSetGenericErrorFunc(saved.genericContext, saved.generic);
    xmlSetStructuredErrorFunc(saved.structuredContext, saved.structured);
}

static void fail(CXMLSecParseResult *result, CXMLSecParseStatus status, int line, const char *message) {
    if (result == NULL) return;
    result->status = status;
    result->line = line;
    result->message[0] = 0;
    if (message != NULL) {
        strncpy(result->message, message, sizeof(result->message) - 1);
        result->message[sizeof(result->message) - 1] = 0;
        size_t n = strlen(result->message);
        while (n > 0 && (result->message[n - 1] == '\n' || result->message[n - 1] == ' ')) result->message[--n] = 0;
    }
}

CXMLSecDocument *CXMLSec_parse(const char *bytes, size_t length, CXMLSecParseOptions options, CXMLSecParseResult *result) {
    CXMLSec_initialize();
    fail(result, CXMLSecParseOK, 0, NULL);
    if (length > (size_t)INT_MAX) {
        fail(result, CXMLSecParseTooLarge, 0, "document too large");
        return NULL;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == NULL) {
        fail(result, CXMLSecParseTooLarge, 0, "out of memory");
        return NULL;
    }
    int doctypeSeen = 0;
    ctxt->_private = &doctypeSeen;
    if (ctxt->sax != NULL) ctxt->sax->internalSubset = refuseDoctype;
    static const char empty[1] = { 0 };
    int parseOptions = (options & CXMLSecParseKeepCDATA) ? (kParseOptions & ~XML_PARSE_NOCDATA) : kParseOptions;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, length == 0 ? empty : bytes, (int)length, NULL, NULL, parseOptions);
    if (doctypeSeen || (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL))) {
        if (doc != NULL) xmlFreeDoc(doc);
        fail(result, CXMLSecParseDoctypeRefused, 0, "DOCTYPE");
        ctxt->_private = NULL;
        xmlFreeParserCtxt(ctxt);
        return NULL;
    }
    if (doc == NULL || !ctxt->wellFormed || xmlDocGetRootElement(doc) == NULL) {
        xmlErrorPtr error = xmlCtxtGetLastError(ctxt);
        fail(result, CXMLSecParseMalformed, error != NULL ? error->line : 0,
             error != NULL && error->message != NULL ? error->message : "not well-formed");
        if (doc != NULL) xmlFreeDoc(doc);
        ctxt->_private = NULL;
        xmlFreeParserCtxt(ctxt);
        return NULL;
    }
    ctxt->_private = NULL;
    xmlFreeParserCtxt(ctxt);
    return (CXMLSecDocument *)doc;
}

void CXMLSec_freeDocument(CXMLSecDocument *document) {
    if (document != NULL) xmlFreeDoc((xmlDocPtr)document);
}

void CXMLSec_freeBuffer(void *buffer) {
    if (buffer != NULL) xmlFree(buffer);
}

// MARK: - Navigation

CXMLSecNode *CXMLSec_documentElement(CXMLSecDocument *document) {
    return document == NULL ? NULL : (CXMLSecNode *)xmlDocGetRootElement((xmlDocPtr)document);
}

CXMLSecNode *CXMLSec_firstElementChild(CXMLSecNode *node) {
    return node == NULL ? NULL : (CXMLSecNode *)xmlFirstElementChild((xmlNodePtr)node);
}

CXMLSecNode *CXMLSec_nextElementSibling(CXMLSecNode *node) {
    return node == NULL ? NULL : (CXMLSecNode *)xmlNextElementSibling((xmlNodePtr)node);
}

CXMLSecNode *CXMLSec_parentElement(CXMLSecNode *node) {
    if (node == NULL) return NULL;
    xmlNodePtr parent = ((xmlNodePtr)node)->parent;
    return parent != NULL && parent->type == XML_ELEMENT_NODE ? (CXMLSecNode *)parent : NULL;
}

const char *CXMLSec_localName(CXMLSecNode *node) {
    return node == NULL ? "" : (const char *)((xmlNodePtr)node)->name;
}

const char *CXMLSec_namespaceURI(CXMLSecNode *node) {
    xmlNodePtr n = (xmlNodePtr)node;
    return n != NULL && n->ns != NULL ? (const char *)n->ns->href : NULL;
}

int CXMLSec_isNamed(CXMLSecNode *node, const char *namespaceURI, const char *localName) {
    xmlNodePtr n = (xmlNodePtr)node;
    if (n == NULL || n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, (const xmlChar *)localName)) return 0;
    const xmlChar *href = n->ns != NULL ? n->ns->href : NULL;
    if (namespaceURI == NULL) return href == NULL;
    return href != NULL && xmlStrEqual(href, (const xmlChar *)namespaceURI);
}

char *CXMLSec_leadingText(CXMLSecNode *node) {
    if (node == NULL) return NULL;
    xmlChar *text = NULL;
    for (xmlNodePtr child = ((xmlNodePtr)node)->children; child != NULL; child = child->next) {
        if (child->type != XML_TEXT_NODE && child->type != XML_CDATA_SECTION_NODE) break;
        if (child->content != NULL) text = xmlStrcat(text, child->content);
    }
    return (char *)text;
}

int CXMLSec_setText(CXMLSecNode *node, const char *text) {
    xmlNodePtr n = (xmlNodePtr)node;
    if (n == NULL || n->type != XML_ELEMENT_NODE) return -1;
    xmlNodeSetContent(n, NULL);
    xmlNodePtr child = xmlNewDocText(n->doc, (const xmlChar *)text);
    if (child == NULL) return -1;
    return xmlAddChild(n, child) != NULL ? 0 : -1;
}

char *CXMLSec_attribute(CXMLSecNode *node, const char *name) {
    return node == NULL ? NULL : (char *)xmlGetNoNsProp((xmlNodePtr)node, (const xmlChar *)name);
}

CXMLSecAttribute *CXMLSec_firstAttribute(CXMLSecNode *node) {
    xmlNodePtr n = (xmlNodePtr)node;
    return n != NULL && n->type == XML_ELEMENT_NODE ? (CXMLSecAttribute *)n->properties : NULL;
}

CXMLSecAttribute *CXMLSec_nextAttribute(CXMLSecAttribute *attribute) {
    return attribute == NULL ? NULL : (CXMLSecAttribute *)((xmlAttrPtr)attribute)->next;
}

const char *CXMLSec_attributeLocalName(CXMLSecAttribute *attribute) {
    return attribute == NULL ? "" : (const char *)((xmlAttrPtr)attribute)->name;
}

const char *CXMLSec_attributeNamespaceURI(CXMLSecAttribute *attribute) {
    xmlAttrPtr a = (xmlAttrPtr)attribute;
    return a != NULL && a->ns != NULL ? (const char *)a->ns->href : NULL;
}

char *CXMLSec_attributeValue(CXMLSecAttribute *attribute) {
    if (attribute == NULL) return NULL;
    xmlChar *value = xmlNodeGetContent((xmlNodePtr)attribute);
    return value != NULL ? (char *)value : (char *)xmlStrdup((const xmlChar *)"");
}

// MARK: - Editing

CXMLSecNode *CXMLSec_appendFragment(CXMLSecDocument *document, CXMLSecNode *parent,
                                    const char *bytes, size_t length, CXMLSecParseResult *result) {
    if (document == NULL || parent == NULL) return NULL;
    xmlDocPtr fragment = (xmlDocPtr)CXMLSec_parse(bytes, length, CXMLSecParseDefault, result);
    if (fragment == NULL) return NULL;
    SavedErrorHandlers saved = silenceErrors();
    xmlNodePtr copy = xmlDocCopyNode(xmlDocGetRootElement(fragment), (xmlDocPtr)document, 1);
    xmlFreeDoc(fragment);
    if (copy != NULL && xmlAddChild((xmlNodePtr)parent, copy) == NULL) {
        xmlFreeNode(copy);
        copy = NULL;
    }
    restoreErrors(saved);
    return (CXMLSecNode *)copy;
}

// MARK: - Canonicalisation

/// Visibility for the enveloped-signature transform: everything but `excluded` and its subtree.
static int visibleOutsideExcluded(void *userData, xmlNodePtr node, xmlNodePtr parent) {
    xmlNodePtr excluded = (xmlNodePtr)userData;
    // Namespace nodes are xmlNs (whose `type` shares the offset of xmlNode's): judge them by their element.
    xmlNodePtr current = (node != NULL && node->type != XML_NAMESPACE_DECL) ? node : parent;
    for (; current != NULL; current = current->parent) {
        if (current == excluded) return 0;
    }
    return 1;
}

/// Whether `ancestor` is a strict ancestor of `node`.
static int isStrictAncestor(xmlNodePtr ancestor, xmlNodePtr node) {
    for (xmlNodePtr current = node->parent; current != NULL; current = current->parent) {
        if (current == ancestor) return 1;
    }
    return 0;
}

/// A document whose root is a deep copy of `node` carrying its ancestors' namespace declarations
/// (lxml's "fake root document" used by `etree.tostring(element, method="c14n")`), where
/// `excluded` has been removed as lxml's enveloped-signature transform removes it: when it lies
/// inside `node` its copy is dropped; when it encloses `node` (it was detached from the
/// document) or is `node` itself, the ancestors above it no longer contribute declarations.
static xmlDocPtr documentRootedAt(xmlNodePtr node, xmlNodePtr excluded) {
    xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
    if (doc == NULL) return NULL;
    xmlNodePtr copy = xmlDocCopyNode(node, doc, 1);
    if (copy == NULL) {
        xmlFreeDoc(doc);
        return NULL;
    }
    xmlDocSetRootElement(doc, copy);
    int excludedEncloses = excluded != NULL && isStrictAncestor(excluded, node);
    xmlNodePtr firstAncestor = excluded == node ? NULL : node->parent;
    for (xmlNodePtr ancestor = firstAncestor; ancestor != NULL && ancestor->type == XML_ELEMENT_NODE; ancestor = ancestor->parent) {
        for (xmlNsPtr ns = ancestor->nsDef; ns != NULL; ns = ns->next) {
            xmlNewNs(copy, ns->href, ns->prefix);  // refused when the prefix is already declared there
        }
        if (excludedEncloses && ancestor == excluded) break;
    }
    if (excluded != NULL && isStrictAncestor(node, excluded)) {
        // Child positions from `node` down to `excluded`, then the same walk in the copy.
        size_t depth = 0;
        for (xmlNodePtr current = excluded; current != node; current = current->parent) depth++;
        size_t *path = calloc(depth, sizeof(size_t));
        if (path == NULL) {
            xmlFreeDoc(doc);
            return NULL;
        }
        size_t level = depth;
        for (xmlNodePtr current = excluded; current != node; current = current->parent) {
            size_t index = 0;
            for (xmlNodePtr sibling = current->parent->children; sibling != NULL && sibling != current; sibling = sibling->next) index++;
            path[--level] = index;
        }
        xmlNodePtr target = copy;
        for (size_t i = 0; i < depth && target != NULL; i++) {
            xmlNodePtr child = target->children;
            for (size_t k = 0; k < path[i] && child != NULL; k++) child = child->next;
            target = child;
        }
        free(path);
        if (target == NULL) {
            xmlFreeDoc(doc);
            return NULL;
        }
        xmlUnlinkNode(target);
        xmlFreeNode(target);
    }
    return doc;
}

/// Splits a PrefixList on XML whitespace into a NULL-terminated array (free with freePrefixes).
static xmlChar **splitPrefixes(const char *list) {
    if (list == NULL) return NULL;
    size_t count = 0, length = strlen(list);
    for (size_t i = 0; i < length;) {
        while (i < length && strchr(" \t\r\n", list[i]) != NULL) i++;
        if (i < length) count++;
        while (i < length && strchr(" \t\r\n", list[i]) == NULL) i++;
    }
    if (count == 0) return NULL;
    xmlChar **prefixes = calloc(count + 1, sizeof(xmlChar *));
    if (prefixes == NULL) return NULL;
    size_t n = 0;
    for (size_t i = 0; i < length && n < count;) {
        while (i < length && strchr(" \t\r\n", list[i]) != NULL) i++;
        size_t start = i;
        while (i < length && strchr(" \t\r\n", list[i]) == NULL) i++;
        if (i > start) prefixes[n++] = xmlStrndup((const xmlChar *)list + start, (int)(i - start));
    }
    return prefixes;
}

static void freePrefixes(xmlChar **prefixes) {
    if (prefixes == NULL) return;
    for (size_t i = 0; prefixes[i] != NULL; i++) xmlFree(prefixes[i]);
    free(prefixes);
}

static int copyOut(xmlOutputBufferPtr buffer, unsigned char **output, size_t *outputLength) {
    size_t size = xmlOutputBufferGetSize(buffer);
    const xmlChar *content = xmlOutputBufferGetContent(buffer);
    unsigned char *copy = xmlMalloc(size + 1);
    if (copy == NULL) return -1;
    if (size > 0 && content != NULL) memcpy(copy, content, size);
    copy[size] = 0;
    *output = copy;
    *outputLength = size;
    return 0;
}

int CXMLSec_canonicalize(CXMLSecDocument *document, CXMLSecNode *subtree, CXMLSecNode *excluded,
                         CXMLSecC14NMode mode, int withComments, const char *prefixList,
                         unsigned char **output, size_t *outputLength) {
    if (document == NULL || output == NULL || outputLength == NULL) return -1;
    *output = NULL;
    *outputLength = 0;
    int c14nMode = mode == CXMLSecC14NExclusive ? XML_C14N_EXCLUSIVE_1_0 : XML_C14N_1_0;
    SavedErrorHandlers saved = silenceErrors();
    xmlChar **prefixes = c14nMode == XML_C14N_EXCLUSIVE_1_0 ? splitPrefixes(prefixList) : NULL;
    xmlDocPtr doc = (xmlDocPtr)document;
    xmlDocPtr rooted = NULL;
    if (subtree != NULL) {
        rooted = documentRootedAt((xmlNodePtr)subtree, (xmlNodePtr)excluded);
        doc = rooted;
    }
    int status = -1;
    xmlOutputBufferPtr buffer = doc != NULL ? xmlAllocOutputBuffer(NULL) : NULL;
    if (buffer != NULL) {
        int written = (subtree == NULL && excluded != NULL)
            ? xmlC14NExecute(doc, visibleOutsideExcluded, excluded, c14nMode, prefixes, withComments ? 1 : 0, buffer)
            : xmlC14NExecute(doc, NULL, NULL, c14nMode, prefixes, withComments ? 1 : 0, buffer);
        if (written >= 0) status = copyOut(buffer, output, outputLength);
        xmlOutputBufferClose(buffer);
    }
    if (rooted != NULL) xmlFreeDoc(rooted);
    freePrefixes(prefixes);
    restoreErrors(saved);
    return status;
}

// MARK: - Serialisation

int CXMLSec_serialize(CXMLSecDocument *document, unsigned char **output, size_t *outputLength) {
    if (document == NULL || output == NULL || outputLength == NULL) return -1;
    xmlChar *memory = NULL;
    int size = 0;
    SavedErrorHandlers saved = silenceErrors();
    xmlDocDumpMemoryEnc((xmlDocPtr)document, &memory, &size, "UTF-8");
    restoreErrors(saved);
    if (memory == NULL || size < 0) return -1;
    *output = memory;
    *outputLength = (size_t)size;
    return 0;
}
