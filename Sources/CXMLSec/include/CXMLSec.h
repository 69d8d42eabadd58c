#ifndef CXMLSEC_H
#define CXMLSEC_H
/// Opaque wrapper over libxml2: this header must never include a libxml header,
/// because Debian's libxml2 headers pull ICU headers that clash with Foundation's.
///
/// Ownership: a document returned by `CXMLSec_parse` is freed with `CXMLSec_freeDocument`;
/// nodes and attributes belong to their document; every `char *` / `unsigned char *`
/// returned is freed with `CXMLSec_freeBuffer`. One document per thread at a time.
#include <stddef.h>

/// A parsed XML document (an `xmlDoc`).
typedef struct CXMLSecDocument CXMLSecDocument;
/// An element of a document (an `xmlNode`).
typedef struct CXMLSecNode CXMLSecNode;
/// An attribute of an element (an `xmlAttr`).
typedef struct CXMLSecAttribute CXMLSecAttribute;

/// Outcome of `CXMLSec_parse`.
typedef enum {
    CXMLSecParseOK = 0,
    /// Not well-formed (message and line filled in).
    CXMLSecParseMalformed = 1,
    /// A DOCTYPE (DTD, entity declarations) was found: refused before any declaration was read.
    CXMLSecParseDoctypeRefused = 2,
    /// Larger than the parser accepts (more than INT_MAX bytes) or out of memory.
    CXMLSecParseTooLarge = 3
} CXMLSecParseStatus;

/// Details of a parse failure.
typedef struct {
    CXMLSecParseStatus status;
    int line;
    char message[256];
} CXMLSecParseResult;

/// C14N variants (the ones XML-DSig names; C14N 1.1 is not offered).
typedef enum {
    CXMLSecC14NInclusive = 0,
    CXMLSecC14NExclusive = 1
} CXMLSecC14NMode;

/// Initialises the libxml2 parser once per process (thread-safe); safe to call repeatedly.
void CXMLSec_initialize(void);

/// Returns 1 when `bytes` is a well-formed XML document, 0 otherwise.
int CXMLSec_isWellFormed(const char *bytes, size_t length);

/// Parsing options.
typedef enum {
    /// CDATA sections become ordinary text (as lxml parses; for verification).
    CXMLSecParseDefault = 0,
    /// CDATA sections are kept as such (for a document that is signed and re-serialised).
    CXMLSecParseKeepCDATA = 1
} CXMLSecParseOptions;

/// Parses `bytes` securely: no network, no DTD loading, no entity substitution, default size
/// limits; a document with a DOCTYPE is refused as soon as the DOCTYPE is seen.
/// Returns NULL on failure with `result` filled in.
CXMLSecDocument *CXMLSec_parse(const char *bytes, size_t length, CXMLSecParseOptions options, CXMLSecParseResult *result);

/// Frees a document and all its nodes.
void CXMLSec_freeDocument(CXMLSecDocument *document);

/// Frees a buffer or string returned by this module.
void CXMLSec_freeBuffer(void *buffer);

/// The document element.
CXMLSecNode *CXMLSec_documentElement(CXMLSecDocument *document);

/// The first element child, or NULL.
CXMLSecNode *CXMLSec_firstElementChild(CXMLSecNode *node);

/// The next element sibling, or NULL.
CXMLSecNode *CXMLSec_nextElementSibling(CXMLSecNode *node);

/// The parent when it is an element, NULL for the document element.
CXMLSecNode *CXMLSec_parentElement(CXMLSecNode *node);

/// The local name (owned by the document).
const char *CXMLSec_localName(CXMLSecNode *node);

/// The namespace URI (owned by the document), or NULL.
const char *CXMLSec_namespaceURI(CXMLSecNode *node);

/// 1 when the element has this namespace URI (NULL: none) and local name.
int CXMLSec_isNamed(CXMLSecNode *node, const char *namespaceURI, const char *localName);

/// The text before the first non-text child (lxml's `.text`); NULL when there is none.
char *CXMLSec_leadingText(CXMLSecNode *node);

/// Replaces the children of the element with one text node (`text` is literal, not markup).
int CXMLSec_setText(CXMLSecNode *node, const char *text);

/// The value of the attribute without namespace named `name`, or NULL.
char *CXMLSec_attribute(CXMLSecNode *node, const char *name);

/// The first attribute of the element, in document order, or NULL.
CXMLSecAttribute *CXMLSec_firstAttribute(CXMLSecNode *node);

/// The next attribute, or NULL.
CXMLSecAttribute *CXMLSec_nextAttribute(CXMLSecAttribute *attribute);

/// The attribute's local name (owned by the document).
const char *CXMLSec_attributeLocalName(CXMLSecAttribute *attribute);

/// The attribute's namespace URI (owned by the document), or NULL.
const char *CXMLSec_attributeNamespaceURI(CXMLSecAttribute *attribute);

/// The attribute's value (free it).
char *CXMLSec_attributeValue(CXMLSecAttribute *attribute);

/// Parses `bytes` (a complete XML document, same rules as `CXMLSec_parse`) and appends a copy of
/// its document element as the last child of `parent` in `document`. Returns the new element.
CXMLSecNode *CXMLSec_appendFragment(CXMLSecDocument *document, CXMLSecNode *parent,
                                    const char *bytes, size_t length, CXMLSecParseResult *result);

/// Canonicalises into `*output` (free it), returning 0 on success, -1 on failure.
/// `subtree` NULL: the whole document (without comments unless `withComments`), leaving out
/// `excluded` and its descendants when not NULL (the enveloped-signature transform).
/// `subtree` not NULL: that element as the root of a document carrying the namespace
/// declarations of its ancestors (as lxml canonicalises an element), without `excluded` when it
/// lies inside `subtree`, and without the declarations above `excluded` when it encloses `subtree`.
/// `prefixList`: the InclusiveNamespaces PrefixList (whitespace-separated) for exclusive C14N, or NULL.
int CXMLSec_canonicalize(CXMLSecDocument *document, CXMLSecNode *subtree, CXMLSecNode *excluded,
                         CXMLSecC14NMode mode, int withComments, const char *prefixList,
                         unsigned char **output, size_t *outputLength);

/// Serialises the document as UTF-8 with an XML declaration into `*output` (free it); 0 on success.
int CXMLSec_serialize(CXMLSecDocument *document, unsigned char **output, size_t *outputLength);

// MARK: - W3C XML Schema validation (CXMLSecSchema.c)

/// A compiled W3C XML Schema (an `xmlSchema`).
typedef struct CXMLSecSchema CXMLSecSchema;

/// Loads and compiles the schema at `path`; `xs:import`/`xs:include` locations resolve relative
/// to it. The schema files are trusted: libxml2's schema loader reads their internal DTD subset
/// (e.g. the W3C xmldsig-core-schema.xsd) but never an external DTD. No network: the first call
/// installs, for the whole process, libxml2's `xmlNoNetExternalEntityLoader` (http:// and ftp://
/// refused). Returns NULL on failure with the messages, one per line, in `*messages` (free it).
CXMLSecSchema *CXMLSec_schemaLoad(const char *path, char **messages);

/// Frees a schema.
void CXMLSec_schemaFree(CXMLSecSchema *schema);

/// Validates a document against a schema: 1 valid, 0 invalid, -1 internal failure. When not
/// valid, `*messages` (free it) holds one error per line, `riga N: …`. Errors are collected per
/// call; one schema must not be used by two threads at the same time (serialise the calls).
int CXMLSec_schemaValidateDocument(CXMLSecSchema *schema, CXMLSecDocument *document, char **messages);

/// Parses `bytes` with `CXMLSec_parse` (secure: no DTD, no network) and validates them. Returns
/// -1 with `parse` filled in when the bytes are not accepted, else as `CXMLSec_schemaValidateDocument`.
int CXMLSec_schemaValidate(CXMLSecSchema *schema, const char *bytes, size_t length,
                           CXMLSecParseResult *parse, char **messages);

/// One-shot: loads the schema at `schemaPath`, validates `bytes`, frees the schema. Returns -2
/// when the schema does not load (messages filled in), else as `CXMLSec_schemaValidate`.
int CXMLSec_validateWithSchemaFile(const char *schemaPath, const char *bytes, size_t length,
                                   CXMLSecParseResult *parse, char **messages);
#endif
