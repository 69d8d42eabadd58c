import Foundation
import Logging
import ServiceLifecycle
import Signing
import Storage
import Workflow

/// Produces the registro giornaliero of the protocol of every AOO for the days that ended, off the request
/// path: at start-up and every hour, for yesterday and (catching up after downtime) the six days before,
/// each day once — a day already written (its XML file exists) is left alone. The law wants it sent to
/// conservazione by the next working day (LG AgID §3.1.6); the files land in `ACTS_REGISTRI_DIR/<AOO>/`.
struct DailyRegisterScheduler: Service {
    let store: any ActsStore
    let settings: AppSettings
    let clock: AppClock
    let logger: Logger
    var interval: Duration = .seconds(3600)
    /// The AOO's seal, loaded once (opening a PKCS#12 file runs its key derivation).
    private let seal: Result<SigningKey?, any Error>

    init(store: any ActsStore, settings: AppSettings, clock: AppClock, logger: Logger = Logger(label: "acts.registri")) {
        self.logger = logger
        self.store = store
        self.settings = settings
        self.clock = clock
        seal = Result { try settings.sealKeyPath.map { try SigningKey.pkcs12(path: $0, password: settings.sealKeyPassword ?? "", requireNonRepudiation: false) } }
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let written = try await produceMissing()
                    if !written.isEmpty { logger.info("Registri giornalieri prodotti", metadata: ["registri": "\(written.joined(separator: ", "))"]) }
                } catch {
                    logger.error("Produzione del registro giornaliero non riuscita", metadata: ["errore": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Writes the registers of the last seven days that are missing; returns their identifiers.
    func produceMissing() async throws -> [String] {
        let service = DailyRegisterService(store: store, seal: try seal.get())
        let today = ProcedureService.civilDate(clock.now())
        var written: [String] = []
        for ente in try await store.allEnti() {
            let reader = Operatore.system(ente, role: .dirigente)
            let directory = URL(fileURLWithPath: settings.dailyRegistersPath).appendingPathComponent(ente.aooCode)
            for back in 1...7 {
                let day = today.adding(days: -back)
                let identifier = "\(ente.aooCode)-\(RegisterCode.protocolloGenerale.rawValue)-\(day.description.replacingOccurrences(of: "-", with: ""))"
                let marker = directory.appendingPathComponent("registro-giornaliero-\(identifier).xml").path
                guard !FileManager.default.fileExists(atPath: marker) else { continue }
                written.append(try await service.write(registro: .protocolloGenerale, day: day, for: reader, to: directory).identifier)
            }
        }
        return written
    }
}
