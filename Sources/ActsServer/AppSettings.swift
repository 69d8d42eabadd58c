import Configuration
import Foundation
import Logging

/// Server settings, read from environment variables (`ACTS_HTTP_PORT` ↔ key `acts.http.port`), with
/// command-line overrides taking precedence and the defaults below.
struct AppSettings: Sendable {
    var host: String
    var port: Int
    /// SQLite database file.
    var databasePath: String
    /// Folder of the content-addressed document archive.
    var documentsPath: String
    /// Largest accepted upload, in bytes.
    var maxUploadBytes: Int
    /// Session lifetime.
    var sessionHours: Int
    /// Force the `Secure` attribute on cookies (set it when a TLS proxy sits in front of the server).
    var cookieSecure: Bool
    /// bcrypt cost for new password hashes (4–31).
    var bcryptCost: Int
    var logLevel: Logger.Level
    /// Folder of the per-ente procedure configurations (`<codice ente>.json`).
    var proceduresDirectory: String
    /// How often the deadline alerts are recomputed.
    var alertsIntervalMinutes: Int
    /// PKCS#12 file of the AOO's electronic seal, used to seal the segnature di protocollo (none: unsealed).
    var sealKeyPath: String?
    /// Its password (`ACTS_SIGILLO_PASSWORD`; keep it out of shell history and logs).
    var sealKeyPassword: String?
    /// Codice IPA of the administration, written in the segnatura (default: the ente's code).
    var codiceIPA: String?
    /// Folder of the registri giornalieri produced by the scheduled service (one sub-folder per AOO).
    var dailyRegistersPath: String

    static let defaultDatabase = "data/acts.sqlite"

    /// Reads settings; `overrides` (from the CLI) win over the environment.
    init(overrides: [AbsoluteConfigKey: ConfigValue] = [:], environment: [String: String] = ProcessInfo.processInfo.environment) {
        let reader = ConfigReader(providers: [
            InMemoryProvider(name: "riga di comando", values: overrides),
            EnvironmentVariablesProvider(environmentVariables: environment),
        ])
        host = reader.string(forKey: "acts.http.host", default: "127.0.0.1")
        port = reader.int(forKey: "acts.http.port", default: 8080)
        databasePath = reader.string(forKey: "acts.database", default: Self.defaultDatabase)
        let dataDir = URL(fileURLWithPath: databasePath).deletingLastPathComponent().path
        documentsPath = reader.string(forKey: "acts.documents.dir", default: dataDir + "/documenti")
        maxUploadBytes = reader.int(forKey: "acts.upload.max.bytes", default: 50 * 1024 * 1024)
        sessionHours = reader.int(forKey: "acts.session.hours", default: 8)
        cookieSecure = reader.bool(forKey: "acts.cookie.secure", default: false)
        bcryptCost = min(31, max(4, reader.int(forKey: "acts.bcrypt.cost", default: 12)))
        logLevel = Logger.Level(rawValue: reader.string(forKey: "acts.log.level", default: "info")) ?? .info
        proceduresDirectory = reader.string(forKey: "acts.procedures.dir", default: "config/procedimenti")
        alertsIntervalMinutes = max(1, reader.int(forKey: "acts.alerts.minutes", default: 15))
        sealKeyPath = reader.string(forKey: "acts.sigillo.p12")
        sealKeyPassword = reader.string(forKey: "acts.sigillo.password", isSecret: true)
        codiceIPA = reader.string(forKey: "acts.codice.ipa")
        dailyRegistersPath = reader.string(forKey: "acts.registri.dir", default: dataDir + "/registri-giornalieri")
    }

    /// The variables the README documents, with their defaults.
    static let documented: [(String, String, String)] = [
        ("ACTS_HTTP_HOST", "127.0.0.1", "indirizzo di ascolto"),
        ("ACTS_HTTP_PORT", "8080", "porta HTTP"),
        ("ACTS_DATABASE", defaultDatabase, "file del database SQLite"),
        ("ACTS_DOCUMENTS_DIR", "<cartella del database>/documenti", "archivio dei documenti"),
        ("ACTS_UPLOAD_MAX_BYTES", "52428800", "dimensione massima di un documento caricato"),
        ("ACTS_SESSION_HOURS", "8", "durata della sessione"),
        ("ACTS_COOKIE_SECURE", "false", "cookie solo su HTTPS (dietro un proxy TLS)"),
        ("ACTS_BCRYPT_COST", "12", "costo bcrypt delle password"),
        ("ACTS_LOG_LEVEL", "info", "livello di log"),
        ("ACTS_PROCEDURES_DIR", "config/procedimenti", "configurazione dei procedimenti per ente"),
        ("ACTS_ALERTS_MINUTES", "15", "intervallo di ricalcolo degli avvisi di scadenza"),
        ("ACTS_SIGILLO_P12", "(nessuno)", "file PKCS#12 del sigillo elettronico dell'AOO per la segnatura di protocollo"),
        ("ACTS_SIGILLO_PASSWORD", "(nessuna)", "password del file del sigillo"),
        ("ACTS_CODICE_IPA", "<codice ente>", "codice IPA dell'amministrazione nella segnatura"),
        ("ACTS_REGISTRI_DIR", "<cartella del database>/registri-giornalieri", "registri giornalieri prodotti ogni giorno"),
    ]
}
