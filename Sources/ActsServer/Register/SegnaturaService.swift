import Foundation
import Signing
import Storage
import Workflow

/// Produces the segnatura di protocollo (AgID All. 6) of a registration: the XML built from the register,
/// sealed with an enveloped XAdES signature by the AOO's electronic seal when one is configured
/// (`ACTS_SIGILLO_P12`), and checked against `segnatura_protocollo.xsd` before it leaves the server.
struct SegnaturaService: Sendable {
    let store: any ActsStore
    let settings: AppSettings
    let clock: AppClock
    let seal: SigningKey?
    let validator: XMLSchemaValidator

    /// A segnatura and whether it is sealed.
    struct Output: Sendable {
        let xml: [UInt8]
        let sealed: Bool
    }

    init(store: any ActsStore, settings: AppSettings, clock: AppClock) throws {
        self.store = store
        self.settings = settings
        self.clock = clock
        validator = try XMLSchemaValidator(schemaPath: ResourceFiles.directory.appendingPathComponent("xsd/segnatura_protocollo.xsd").path)
        if let path = settings.sealKeyPath {
            // A seal is an organisation's key: nonRepudiation is not required of it.
            seal = try SigningKey.pkcs12(path: path, password: settings.sealKeyPassword ?? "", requireNonRepudiation: false)
        } else {
            seal = nil
        }
    }

    func segnatura(registro: RegisterCode, anno: Int, numero: Int, for op: Operatore) async throws -> Output {
        let entry = try await store.registration(registro: registro, anno: anno, numero: numero, for: op)
        if entry.oscurata { throw WorkflowError.forbidden("leggere la segnatura di una registrazione riservata") }
        guard let ente = try await store.ente(id: op.enteID) else { throw StorageError.notFound("Ente") }
        let aoo = SegnaturaAOO(codiceIPA: settings.codiceIPA ?? ente.code, denominazione: ente.name, codiceAOO: ente.aooCode,
                               denominazioneAOO: "Area organizzativa omogenea di \(ente.name)")
        let text = try Segnatura.xml(for: entry, aoo: aoo)
        guard let seal else { return Output(xml: Array(text.utf8), sealed: false) }
        let sealed = try XAdESSigner.signEnveloped(xml: Array(text.utf8), key: seal, signingTime: clock.now())
        let problems = validator.validate(sealed)
        guard problems.isEmpty else {
            throw WorkflowError(code: "segnatura_non_valida",
                                message: "La segnatura prodotta non rispetta lo schema AgID: \(problems.prefix(3).joined(separator: "; ")).")
        }
        return Output(xml: sealed, sealed: true)
    }
}
