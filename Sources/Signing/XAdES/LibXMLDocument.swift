import CXMLSec

/// Why an XML document was not accepted by ``LibXMLDocument``.
enum LibXMLParseError: Error, Sendable {
    /// Not well-formed XML: libxml2's message and line.
    case malformed(line: Int, message: String)
    /// The document has a DOCTYPE (DTD, entity declarations): refused before it was read.
    case doctype
    /// Too large for the parser, or out of memory.
    case tooLarge

    /// Italian explanation for a report or an error message.
    var italianDetail: String {
        switch self {
        case .malformed(let line, let message):
            "XML non ben formato" + (line > 0 ? " (riga \(line))" : "") + ": \(message)"
        case .doctype:
            "il documento XML contiene una dichiarazione DOCTYPE (DTD o entità): non ammessa per motivi di sicurezza"
        case .tooLarge:
            "documento XML troppo grande per essere letto"
        }
    }
}

/// A parsed XML document held by libxml2 through the `CXMLSec` C target.
///
/// Parsing is secure (no network, no DTD, no entity expansion, default size limits). A document
/// and its elements must stay on the thread that uses them: create one per verification.
final class LibXMLDocument {
    let pointer: OpaquePointer

    /// Parses `bytes`, refusing DOCTYPEs and malformed input. CDATA sections become text
    /// (as the reference checker reads them) unless `keepingCDATA`, for documents re-serialised.
    init(parsing bytes: [UInt8], keepingCDATA: Bool = false) throws(LibXMLParseError) {
        var result = CXMLSecParseResult()
        let options = keepingCDATA ? CXMLSecParseKeepCDATA : CXMLSecParseDefault
        let parsed = bytes.withUnsafeBytes { raw in
            CXMLSec_parse(raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count, options, &result)
        }
        guard let parsed else { throw Self.failure(result) }
        pointer = parsed
    }

    deinit { CXMLSec_freeDocument(pointer) }

    /// The document element.
    var root: LibXMLElement {
        // A parsed document always has one (checked by CXMLSec_parse).
        LibXMLElement(document: self, pointer: CXMLSec_documentElement(pointer)!)
    }

    /// Parses `bytes` as a complete document and appends its document element to `parent`.
    func append(fragment bytes: [UInt8], to parent: LibXMLElement) throws(LibXMLParseError) -> LibXMLElement {
        var result = CXMLSecParseResult()
        let node = bytes.withUnsafeBytes { raw in
            CXMLSec_appendFragment(pointer, parent.pointer, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count, &result)
        }
        guard let node else {
            throw result.status == CXMLSecParseOK ? .tooLarge : Self.failure(result)
        }
        return LibXMLElement(document: self, pointer: node)
    }

    /// Canonical form of the whole document (`subtree` nil) or of one element; `excluding` is
    /// left out as the enveloped-signature transform does. Nil when libxml2 refuses the input.
    func canonicalize(subtree: LibXMLElement?, excluding: LibXMLElement?, exclusive: Bool,
                      withComments: Bool, inclusivePrefixes: String?) -> [UInt8]? {
        var output: UnsafeMutablePointer<UInt8>? = nil
        var length = 0
        let mode = exclusive ? CXMLSecC14NExclusive : CXMLSecC14NInclusive
        let comments: Int32 = withComments ? 1 : 0
        let status: Int32
        if let inclusivePrefixes {
            status = CXMLSec_canonicalize(pointer, subtree?.pointer, excluding?.pointer, mode, comments,
                                          inclusivePrefixes, &output, &length)
        } else {
            status = CXMLSec_canonicalize(pointer, subtree?.pointer, excluding?.pointer, mode, comments,
                                          nil, &output, &length)
        }
        guard status == 0, let output else { return nil }
        defer { CXMLSec_freeBuffer(output) }
        return Array(UnsafeBufferPointer(start: output, count: length))
    }

    /// The document as UTF-8 bytes with an XML declaration.
    func serialized() -> [UInt8]? {
        var output: UnsafeMutablePointer<UInt8>? = nil
        var length = 0
        guard CXMLSec_serialize(pointer, &output, &length) == 0, let output else { return nil }
        defer { CXMLSec_freeBuffer(output) }
        return Array(UnsafeBufferPointer(start: output, count: length))
    }

    /// The first element, in document order, with an attribute named `Id`, `ID` or `id` (any
    /// namespace) whose value is `identifier`.
    func element(withID identifier: String) -> LibXMLElement? {
        var found: LibXMLElement?
        root.visit { (element: LibXMLElement) -> Bool in
            if element.hasIDAttribute(identifier) {
                found = element
                return false
            }
            return true
        }
        return found
    }

    private static func failure(_ result: CXMLSecParseResult) -> LibXMLParseError {
        switch result.status {
        case CXMLSecParseDoctypeRefused: return .doctype
        case CXMLSecParseMalformed:
            let message = withUnsafeBytes(of: result.message) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            return .malformed(line: Int(result.line), message: message)
        default: return .tooLarge
        }
    }
}
