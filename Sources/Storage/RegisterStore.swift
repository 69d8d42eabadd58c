import Foundation
import Workflow

/// A file to register with a document, staged in the archive.
public struct RegistrationFile: Sendable {
    public let nome: String
    public let mimeType: String
    public let staged: StagedDocument

    public init(nome: String, mimeType: String, staged: StagedDocument) {
        self.nome = nome
        self.mimeType = mimeType
        self.staged = staged
    }
}

/// Registers and repertori: gap-free numbering, immutable entries, annulment by annotation.
public protocol RegisterStore: Sendable {
    /// Registers a document: stores its files, takes the next number of (AOO, register, year) and writes the entry
    /// and its audit record in one transaction (a rollback leaves no gap). `time` is read inside the transaction
    /// (the instant and its civil date in Europe/Rome), so that numbers and times always grow together.
    func register(_ input: RegistrationInput, files: [RegistrationFile], by: Operatore,
                  time: @escaping @Sendable () -> (at: Date, day: CivilDate)) async throws -> Registration
    /// Annuls a registration by annotation (art. 54): the entry stays, marked annullata, its number never reused.
    func annul(registrationID: Int64, motivo: String, provvedimento: String, by: Operatore, at: Date) async throws -> Registration
    /// One registration, as `reader` may see it (reserved ones redacted without access).
    func registration(registro: RegisterCode, anno: Int, numero: Int, for reader: Operatore) async throws -> Registration
    /// The registrations of a register, in number order: of one day, or of a year.
    func registrations(registro: RegisterCode, anno: Int, day: CivilDate?, for reader: Operatore) async throws -> [Registration]
    /// Registrations of a register annulled between `from` (included) and `to` (excluded), whatever their date.
    func registrationsAnnulled(registro: RegisterCode, from: Date, to: Date, for reader: Operatore) async throws -> [Registration]
    /// Problems found in the registers of the reader's AOO (all years, or one): gaps, duplicates, counters out of
    /// step, entries changed after writing, files missing or altered. Empty when clean.
    func checkRegisters(year: Int?, for reader: Operatore) async throws -> [String]
}
