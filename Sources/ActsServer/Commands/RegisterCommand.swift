import ArgumentParser
import Foundation
import Signing
import Storage
import Workflow

extension ActsCommand {
    /// `acts register …`: the protocol register and the repertori from the command line.
    struct RegisterCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "register", abstract: "Registro di protocollo e repertori (DPR 445/2000): registra, annulla, consulta, verifica.",
            subcommands: [Add.self, Annul.self, Show.self, Check.self, Daily.self])

        /// The ente of an AOO.
        static func ente(aoo: String, store: SQLiteStore) async throws -> Ente {
            guard let ente = try await store.allEnti().first(where: { $0.aooCode == aoo }) else {
                throw ValidationError("AOO «\(aoo)» inesistente.")
            }
            return ente
        }

        /// The operator acting: an active user of the AOO's ente.
        static func operatore(_ username: String, aoo: String, store: SQLiteStore) async throws -> Operatore {
            let ente = try await ente(aoo: aoo, store: store)
            guard let account = try await store.account(username: username), account.active, account.operatore.enteID == ente.id else {
                throw ValidationError("Utente «\(username)» inesistente, disattivato o non appartenente all'AOO \(aoo).")
            }
            return account.operatore
        }


        static func print(_ entry: Registration, json: Bool) throws {
            let encoder = JSONResponse.encoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let text = json ? String(decoding: try encoder.encode(RegistrationDTO(entry)), as: UTF8.self)
                : "\(entry.segnatura)\(entry.annullamento == nil ? "" : " ANNULLATA") — \(entry.oggetto)"
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Registra un documento: numero, data e ora assegnati dal sistema, impronte dei file.")
            @OptionGroup var options: GlobalOptions
            @Option(help: ArgumentHelp("Codice AOO.", valueName: "codice")) var aoo: String
            @Option(help: ArgumentHelp("Registro (PG protocollo generale, DD determinazioni, PDD proposte, ALBO …).", valueName: "codice")) var registro = "PG"
            @Option(help: ArgumentHelp("arrivo, partenza o interno.", valueName: "direzione")) var direction: String
            @Option(help: ArgumentHelp("Oggetto del documento.", valueName: "testo")) var oggetto: String
            @Option(help: ArgumentHelp("Mittente (ripetibile).", valueName: "nome")) var mittente: [String] = []
            @Option(help: ArgumentHelp("Destinatario (ripetibile).", valueName: "nome")) var destinatario: [String] = []
            @Option(help: ArgumentHelp("Classificazione del titolario (es. 7.1).", valueName: "codice")) var classifica: String?
            @Option(help: ArgumentHelp("Fascicolo.", valueName: "codice")) var fascicolo: String?
            @Flag(help: "Registrazione riservata (dati sociali).") var riservato = false
            @Option(help: ArgumentHelp("Utente che registra (ruolo protocollo).", valueName: "utente")) var operatore: String
            @Argument(help: ArgumentHelp("File del documento e degli allegati.", valueName: "file")) var files: [String] = []

            func run() async throws {
                let settings = options.settings()
                let store = try options.openStore(settings)
                let op = try await RegisterCommand.operatore(operatore, aoo: aoo, store: store)
                guard let code = RegisterCode(rawValue: registro) else { throw ValidationError("Codice di registro non valido: «\(registro)».") }
                guard let direzione = FlowDirection(rawValue: direction) else { throw ValidationError("Direzione non valida: usare arrivo, partenza o interno.") }
                var uploads: [RegisterService.Upload] = []
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("Impossibile leggere «\(file)».") }
                    uploads.append(RegisterService.Upload(nome: URL(fileURLWithPath: file).lastPathComponent, mimeType: MimeType.guess(file), content: Array(data)))
                }
                let input = RegistrationInput(registro: code, direzione: direzione, oggetto: oggetto,
                                              mittenti: mittente.map { Correspondent(denominazione: $0) },
                                              destinatari: destinatario.map { Correspondent(denominazione: $0) },
                                              classifica: classifica, fascicolo: fascicolo, riservato: riservato)
                let entry: Registration
                do {
                    entry = try await RegisterService(store: store, clock: .system).register(input, files: uploads, by: op)
                } catch let error as WorkflowError {
                    throw ValidationError(([error.message] + error.fields.map { "- \($0.field): \($0.message)" }).joined(separator: "\n"))
                }
                let line: [String: AnyEncodable] = [
                    "aoo": .init(entry.aoo), "registro": .init(entry.registro.rawValue), "anno": .init(entry.anno), "numero": .init(entry.numero),
                    "numero_formattato": .init(entry.numeroFormattato), "data": .init(entry.data.description),
                    "registrata_il": .init(entry.registrataIl.formatted(.iso8601)), "segnatura": .init(entry.segnatura),
                    "impronte": .init(entry.allegati.map { ["nome": $0.nome, "sha256": $0.impronta, "base64": $0.improntaBase64] }),
                ]
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                FileHandle.standardOutput.write(Data((String(decoding: try encoder.encode(line), as: UTF8.self) + "\n").utf8))
            }
        }

        struct Annul: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Annulla una registrazione con annotazione (art. 54): resta visibile, il numero non si riusa.")
            @OptionGroup var options: GlobalOptions
            @Option(help: ArgumentHelp("Codice AOO.", valueName: "codice")) var aoo: String
            @Option(help: ArgumentHelp("Registro.", valueName: "codice")) var registro = "PG"
            @Option(help: ArgumentHelp("Anno.", valueName: "anno")) var anno: Int
            @Option(help: ArgumentHelp("Numero.", valueName: "numero")) var numero: Int
            @Option(help: ArgumentHelp("Motivo dell'annullamento.", valueName: "testo")) var motivo: String
            @Option(help: ArgumentHelp("Estremi del provvedimento che autorizza l'annullamento.", valueName: "testo")) var provvedimento: String
            @Option(help: ArgumentHelp("Utente che annulla (ruolo protocollo).", valueName: "utente")) var operatore: String
            @Flag(help: "Risultato in JSON.") var json = false

            func run() async throws {
                let store = try options.openStore(options.settings())
                let op = try await RegisterCommand.operatore(operatore, aoo: aoo, store: store)
                guard let code = RegisterCode(rawValue: registro) else { throw ValidationError("Codice di registro non valido: «\(registro)».") }
                let entry = try await store.registration(registro: code, anno: anno, numero: numero, for: op)
                try RegisterCommand.print(try await store.annul(registrationID: entry.id, motivo: motivo, provvedimento: provvedimento, by: op, at: Date()), json: json)
            }
        }

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Mostra una registrazione, o le registrazioni di un giorno o di un anno.")
            @OptionGroup var options: GlobalOptions
            @Option(help: ArgumentHelp("Codice AOO.", valueName: "codice")) var aoo: String
            @Option(help: ArgumentHelp("Registro.", valueName: "codice")) var registro = "PG"
            @Option(help: ArgumentHelp("Anno.", valueName: "anno")) var anno: Int
            @Option(help: ArgumentHelp("Numero (senza: tutte quelle dell'anno o del giorno).", valueName: "numero")) var numero: Int?
            @Option(help: ArgumentHelp("Giorno (AAAA-MM-GG).", valueName: "data")) var date: String?
            @Flag(help: "Una riga JSON per registrazione.") var json = false

            func run() async throws {
                let store = try options.openStore(options.settings())
                let reader = Operatore.system(try await RegisterCommand.ente(aoo: aoo, store: store), role: .dirigente)
                guard let code = RegisterCode(rawValue: registro) else { throw ValidationError("Codice di registro non valido: «\(registro)».") }
                if let numero {
                    try RegisterCommand.print(try await store.registration(registro: code, anno: anno, numero: numero, for: reader), json: json)
                    return
                }
                let day = try date.map { text throws -> CivilDate in
                    guard let day = CivilDate(iso: text) else { throw ValidationError("Data non valida: «\(text)».") }
                    return day
                }
                for entry in try await store.registrations(registro: code, anno: anno, day: day, for: reader) { try RegisterCommand.print(entry, json: json) }
            }
        }

        struct Daily: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Registro giornaliero di un giorno (XML e PDF con impronte; .p7m sigillato se ACTS_SIGILLO_P12 è configurato).",
                discussion: "Stesso giorno, stesso contenuto: i file XML e PDF sono identici a ogni esecuzione.")
            @OptionGroup var options: GlobalOptions
            @Option(help: ArgumentHelp("Codice AOO.", valueName: "codice")) var aoo: String
            @Option(help: ArgumentHelp("Registro.", valueName: "codice")) var registro = "PG"
            @Option(help: ArgumentHelp("Giorno (AAAA-MM-GG).", valueName: "data")) var date: String
            @Option(name: [.customShort("o"), .customLong("out")], help: ArgumentHelp("Cartella di uscita.", valueName: "cartella")) var out: String

            func run() async throws {
                let settings = options.settings()
                let store = try options.openStore(settings)
                let reader = Operatore.system(try await RegisterCommand.ente(aoo: aoo, store: store), role: .dirigente)
                guard let code = RegisterCode(rawValue: registro) else { throw ValidationError("Codice di registro non valido: «\(registro)».") }
                guard let day = CivilDate(iso: date) else { throw ValidationError("Data non valida: «\(date)» (formato AAAA-MM-GG).") }
                let seal = try settings.sealKeyPath.map { try SigningKey.pkcs12(path: $0, password: settings.sealKeyPassword ?? "", requireNonRepudiation: false) }
                let output = try await DailyRegisterService(store: store, seal: seal)
                    .write(registro: code, day: day, for: reader, to: URL(fileURLWithPath: out))
                let line: [String: AnyEncodable] = [
                    "identificativo": .init(output.identifier), "registrazioni": .init(output.count), "riepilogo": .init(output.summary),
                    "file": .init(output.files.map { ["nome": $0.name, "sha256": $0.sha256] }),
                ]
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                FileHandle.standardOutput.write(Data((String(decoding: try encoder.encode(line), as: UTF8.self) + "\n").utf8))
            }
        }

        struct Check: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Verifica i registri dell'AOO: numeri senza salti né duplicati, dati immutabili invariati, impronte dei file.",
                discussion: "Esce con 0 se tutto è integro, con 1 elencando le anomalie.")
            @OptionGroup var options: GlobalOptions
            @Option(help: ArgumentHelp("Codice AOO.", valueName: "codice")) var aoo: String
            @Option(help: ArgumentHelp("Solo questo anno.", valueName: "anno")) var year: Int?

            func run() async throws {
                let store = try options.openStore(options.settings())
                let checker = Operatore.system(try await RegisterCommand.ente(aoo: aoo, store: store), role: .amministratore)
                let problems = try await store.checkRegisters(year: year, for: checker)
                if problems.isEmpty {
                    FileHandle.standardOutput.write(Data("Registri dell'AOO \(aoo)\(year.map { " (\($0))" } ?? ""): integri.\n".utf8))
                    return
                }
                FileHandle.standardOutput.write(Data((["Anomalie nei registri dell'AOO \(aoo):"] + problems.map { "- \($0)" }).joined(separator: "\n").utf8 + Data("\n".utf8)))
                throw ExitCode(1)
            }
        }
    }
}

/// A value of any encodable type, for heterogeneous JSON objects.
struct AnyEncodable: Encodable {
    private let encodeValue: (any Encoder) throws -> Void
    init<T: Encodable>(_ value: T) { encodeValue = value.encode }
    func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}

/// The MIME type of a file from its extension.
enum MimeType {
    static func guess(_ path: String) -> String {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "xml": "application/xml"
        case "txt": "text/plain"
        case "p7m": "application/pkcs7-mime"
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "tif", "tiff": "image/tiff"
        default: "application/octet-stream"
        }
    }
}

extension Operatore {
    /// A read-only identity of the server itself (user 0, never stored), for consultation, checks and scheduled
    /// jobs run from the server side.
    static func system(_ ente: Ente, role: Role) -> Operatore {
        Operatore(userID: 0, username: "sistema", displayName: "Sistema", enteID: ente.id, enteCode: ente.code, role: role)
    }
}
