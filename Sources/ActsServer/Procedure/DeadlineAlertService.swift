import Logging
import ServiceLifecycle

/// Recomputes the deadline alerts of every ente off the request path: at start-up (so alerts survive restarts,
/// being derived from the stored event logs) and then at a fixed interval, until graceful shutdown.
struct DeadlineAlertService: Service {
    let procedures: ProcedureService
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await procedures.refreshAlerts()
                    logger.debug("Avvisi di scadenza ricalcolati")
                } catch {
                    logger.error("Ricalcolo degli avvisi di scadenza non riuscito", metadata: ["errore": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
