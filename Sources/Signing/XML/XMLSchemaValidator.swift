import CXMLSec
import Foundation
import Synchronization

/// Validates XML documents against a W3C XML Schema (XSD 1.0) through libxml2.
///
/// The schema is loaded and compiled once, from a file path so that its relative `xs:import`
/// and `xs:include` locations resolve (e.g. AgID's `segnatura_protocollo.xsd` and its
/// `import_schemas/xmldsig-core-schema.xsd`). Schema files are trusted; loading them never uses
/// the network (see `CXMLSec_schemaLoad`). The documents validated are not trusted: they are
/// parsed with the module's secure parser (no DTD, no entities, no network).
///
/// Thread-safe: a validator can be shared; validations through one validator are serialised,
/// because libxml2 does not document concurrent use of one compiled schema.
public struct XMLSchemaValidator: Sendable {
    /// The schema file this validator was compiled from.
    public let schemaPath: String
    private let schema: CompiledSchema

    /// Loads and compiles the schema at `schemaPath`; throws when the file is missing or is not
    /// a valid schema (the message lists libxml2's diagnostics).
    public init(schemaPath: String) throws(SigningError) {
        guard FileManager.default.isReadableFile(atPath: schemaPath) else {
            throw SigningError.io(schemaPath, "schema XML non trovato o non leggibile")
        }
        var messages: UnsafeMutablePointer<CChar>? = nil
        guard let pointer = CXMLSec_schemaLoad(schemaPath, &messages) else {
            let lines = Self.take(messages)
            let detail = lines.prefix(8).joined(separator: "; ") + (lines.count > 8 ? "; … altri \(lines.count - 8) messaggi" : "")
            throw SigningError(code: "schema_non_valido",
                               message: "Lo schema XML \(schemaPath) non può essere caricato: \(detail.isEmpty ? "errore sconosciuto" : detail).")
        }
        CXMLSec_freeBuffer(messages)
        self.schemaPath = schemaPath
        schema = CompiledSchema(pointer)
    }

    /// The problems of `xml` against the schema; empty when the document is valid.
    ///
    /// Each message carries the line number (`riga N: …`, libxml2's diagnostic). A document
    /// that cannot be parsed (not well-formed, with a DOCTYPE, too large) gives one message in
    /// Italian saying why.
    public func validate(_ xml: [UInt8]) -> [String] {
        let document: LibXMLDocument
        do {
            document = try LibXMLDocument(parsing: xml)
        } catch {
            return ["Documento non validabile: \(error.italianDetail)."]
        }
        return schema.validate(document)
    }

    /// The lines of a C message buffer, which is freed.
    fileprivate static func take(_ buffer: UnsafeMutablePointer<CChar>?) -> [String] {
        guard let buffer else { return [] }
        defer { CXMLSec_freeBuffer(buffer) }
        return String(cString: buffer).split(separator: "\n").map(String.init)
    }
}

/// A compiled libxml2 schema, freed with the last validator that uses it; every use is under its lock.
private final class CompiledSchema: Sendable {
    /// Only touched under `lock` (and by `deinit`, when no other reference exists).
    private nonisolated(unsafe) let pointer: OpaquePointer
    private let lock = Mutex(())

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { CXMLSec_schemaFree(pointer) }

    func validate(_ document: LibXMLDocument) -> [String] {
        lock.withLock { _ -> [String] in
            var messages: UnsafeMutablePointer<CChar>? = nil
            let status = CXMLSec_schemaValidateDocument(pointer, document.pointer, &messages)
            let lines = XMLSchemaValidator.take(messages)
            if status == 1 { return [] }
            return lines.isEmpty ? ["Validazione rispetto allo schema non riuscita."] : lines
        }
    }
}
