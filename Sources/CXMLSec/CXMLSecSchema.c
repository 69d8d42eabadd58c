#include "CXMLSec.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

// W3C XML Schema validation. Error messages are collected through structured error handlers
// into a buffer owned by the call (libxml2's own handlers are per thread), never printed.

/// At most this many messages are kept; the rest are counted in a final line.
static const int kMaxMessages = 200;

typedef struct {
    char *data;
    size_t length;
    size_t capacity;
    int count;
    int dropped;
    int warnings;  // 1: keep warnings (schema loading), 0: errors only (validation)
} MessageBuffer;

static void appendBytes(MessageBuffer *buffer, const char *text, size_t length) {
    if (buffer->length + length + 1 > buffer->capacity) {
        size_t capacity = buffer->capacity == 0 ? 1024 : buffer->capacity;
        while (buffer->length + length + 1 > capacity) capacity *= 2;
        char *grown = realloc(buffer->data, capacity);
        if (grown == NULL) return;
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->length, text, length);
    buffer->length += length;
    buffer->data[buffer->length] = 0;
}

/// One line: `[file:]riga N: message`, the message on a single line without trailing blanks.
static void appendMessage(MessageBuffer *buffer, const char *file, int line, const char *prefix, const char *message) {
    if (buffer->count >= kMaxMessages) {
        buffer->dropped++;
        return;
    }
    char head[64];
    if (buffer->length > 0) appendBytes(buffer, "\n", 1);
    if (file != NULL) {
        appendBytes(buffer, file, strlen(file));
        appendBytes(buffer, line > 0 ? ", " : ": ", 2);
    }
    if (line > 0) {
        int n = snprintf(head, sizeof(head), "riga %d: ", line);
        if (n > 0) appendBytes(buffer, head, (size_t)n < sizeof(head) ? (size_t)n : sizeof(head) - 1);
    }
    if (prefix != NULL) appendBytes(buffer, prefix, strlen(prefix));
    const char *text = message != NULL ? message : "errore non specificato";
    size_t length = strlen(text);
    while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == ' ' || text[length - 1] == '\r')) length--;
    size_t start = buffer->length;
    appendBytes(buffer, text, length);
    for (size_t i = start; i < buffer->length; i++) {
        if (buffer->data[i] == '\n' || buffer->data[i] == '\r') buffer->data[i] = ' ';
    }
    buffer->count++;
}

static void collectStructured(void *context, xmlErrorPtr error) {
    MessageBuffer *buffer = (MessageBuffer *)context;
    if (buffer == NULL || error == NULL || error->level == XML_ERR_NONE) return;
    if (error->level == XML_ERR_WARNING && !buffer->warnings) return;
    int line = error->line;
    if (line <= 0 && error->node != NULL) {
        long nodeLine = xmlGetLineNo((xmlNodePtr)error->node);
        line = nodeLine > 0 && nodeLine < 0x7fffffff ? (int)nodeLine : 0;
    }
    appendMessage(buffer, buffer->warnings ? error->file : NULL, line,
                  error->level == XML_ERR_WARNING ? "avviso: " : NULL, error->message);
}

static void ignoreGeneric(void *context, const char *message, ...) { (void)context; (void)message; }

/// Hands the collected text to the caller (free with CXMLSec_freeBuffer), or frees it.
static void finish(MessageBuffer *buffer, char **messages) {
    if (buffer->dropped > 0) {
        char line[96];
        int n = snprintf(line, sizeof(line), "… altri %d messaggi omessi", buffer->dropped);
        if (buffer->length > 0) appendBytes(buffer, "\n", 1);
        if (n > 0) appendBytes(buffer, line, strlen(line));
    }
    if (messages != NULL) {
        *messages = NULL;
        if (buffer->data != NULL) {
            *messages = (char *)xmlStrdup((const xmlChar *)buffer->data);
        }
    }
    free(buffer->data);
    buffer->data = NULL;
}

/// Per-thread handlers saved and restored around an operation.
typedef struct {
    xmlGenericErrorFunc generic;
    void *genericContext;
    xmlStructuredErrorFunc structured;
    void *structuredContext;
} SavedHandlers;

static SavedHandlers redirectErrors(MessageBuffer *buffer) {
    SavedHandlers saved = { xmlGenericError, xmlGenericErrorContext, xmlStructuredError, xmlStructuredErrorContext };
    xmlSetGenericErrorFunc(NULL, ignoreGeneric);
    xmlSetStructuredErrorFunc(buffer, collectStructured);
    return saved;
}

static void restoreHandlers(SavedHandlers saved) {
    xmlSetGenericErrorFunc(saved.genericContext, saved.generic);
    xmlSetStructuredErrorFunc(saved.structuredContext, saved.structured);
}

// MARK: - Loading

static pthread_once_t loaderOnce = PTHREAD_ONCE_INIT;

/// libxml2's loader that refuses http:// and ftp:// (after catalog resolution), for the whole process.
static void installNoNetworkLoader(void) { xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader); }

CXMLSecSchema *CXMLSec_schemaLoad(const char *path, char **messages) {
    CXMLSec_initialize();
    pthread_once(&loaderOnce, installNoNetworkLoader);
    if (messages != NULL) *messages = NULL;
    MessageBuffer buffer = { NULL, 0, 0, 0, 0, 1 };
    if (path == NULL) {
        appendMessage(&buffer, NULL, 0, NULL, "percorso dello schema mancante");
        finish(&buffer, messages);
        return NULL;
    }
    SavedHandlers saved = redirectErrors(&buffer);
    xmlSchemaPtr schema = NULL;
    xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(path);
    if (parser != NULL) {
        xmlSchemaSetParserStructuredErrors(parser, collectStructured, &buffer);
        schema = xmlSchemaParse(parser);
        xmlSchemaFreeParserCtxt(parser);
    }
    restoreHandlers(saved);
    if (schema == NULL && buffer.count == 0) appendMessage(&buffer, path, 0, NULL, "schema non caricato");
    finish(&buffer, schema == NULL ? messages : NULL);
    return (CXMLSecSchema *)schema;
}

void CXMLSec_schemaFree(CXMLSecSchema *schema) {
    if (schema != NULL) xmlSchemaFree((xmlSchemaPtr)schema);
}

// MARK: - Validation

int CXMLSec_schemaValidateDocument(CXMLSecSchema *schema, CXMLSecDocument *document, char **messages) {
    if (messages != NULL) *messages = NULL;
    if (schema == NULL || document == NULL) return -1;
    MessageBuffer buffer = { NULL, 0, 0, 0, 0, 0 };
    SavedHandlers saved = redirectErrors(&buffer);
    int status = -1;
    xmlSchemaValidCtxtPtr validator = xmlSchemaNewValidCtxt((xmlSchemaPtr)schema);
    if (validator != NULL) {
        xmlSchemaSetValidStructuredErrors(validator, collectStructured, &buffer);
        int result = xmlSchemaValidateDoc(validator, (xmlDocPtr)document);
        status = result == 0 ? 1 : (result > 0 ? 0 : -1);
        xmlSchemaFreeValidCtxt(validator);
    }
    restoreHandlers(saved);
    if (status != 1 && buffer.count == 0) {
        appendMessage(&buffer, NULL, 0, NULL, status == 0 ? "documento non valido rispetto allo schema"
                                                          : "errore interno durante la validazione");
    }
    finish(&buffer, status == 1 ? NULL : messages);
    return status;
}

int CXMLSec_schemaValidate(CXMLSecSchema *schema, const char *bytes, size_t length,
                           CXMLSecParseResult *parse, char **messages) {
    if (messages != NULL) *messages = NULL;
    CXMLSecDocument *document = CXMLSec_parse(bytes, length, CXMLSecParseDefault, parse);
    if (document == NULL) return -1;
    int status = CXMLSec_schemaValidateDocument(schema, document, messages);
    CXMLSec_freeDocument(document);
    return status;
}

int CXMLSec_validateWithSchemaFile(const char *schemaPath, const char *bytes, size_t length,
                                   CXMLSecParseResult *parse, char **messages) {
    if (messages != NULL) *messages = NULL;
    if (parse != NULL) memset(parse, 0, sizeof(*parse));
    CXMLSecSchema *schema = CXMLSec_schemaLoad(schemaPath, messages);
    if (schema == NULL) return -2;
    int status = CXMLSec_schemaValidate(schema, bytes, length, parse, messages);
    CXMLSec_schemaFree(schema);
    return status;
}
