import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Storage
import Workflow

/// Everything the HTTP application depends on, passed in so tests build the same app on a temporary store.
struct AppDependencies: Sendable {
    let settings: AppSettings
    let store: any ActsStore
    let catalog: BelfioreCatalog
    let clock: AppClock
    let procedures: ProcedureCatalog

    /// The procedure engine bound to this store and clock.
    var procedureService: ProcedureService { ProcedureService(store: store, catalog: procedures, clock: clock) }
}

/// Builds the router with all routes and middleware.
func buildRouter(_ deps: AppDependencies) -> Router<AppRequestContext> {
    _ = SystemController.registry  // metrics bootstrapped before the first request is counted
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: APIErrorMiddleware())
    router.add(middleware: AuthMiddleware(store: deps.store, clock: deps.clock))
    let passwords = Passwords(cost: deps.settings.bcryptCost)
    let sessions = SessionController(store: deps.store, settings: deps.settings, clock: deps.clock, passwords: passwords)
    sessions.addRoutes(to: router)
    SystemController(store: deps.store).addRoutes(to: router)
    AdminController(store: deps.store, clock: deps.clock, passwords: passwords).addRoutes(to: router)
    PersoneController(store: deps.store, catalog: deps.catalog, clock: deps.clock).addRoutes(to: router)
    PraticheController(store: deps.store, settings: deps.settings, clock: deps.clock, procedures: deps.procedureService).addRoutes(to: router)
    ProcedimentoController(service: deps.procedureService).addRoutes(to: router)
    RegisterController(service: RegisterService(store: deps.store, clock: deps.clock),
                       segnatura: Result { try SegnaturaService(store: deps.store, settings: deps.settings, clock: deps.clock) }).addRoutes(to: router)
    WebController(store: deps.store, sessions: sessions, clock: deps.clock, procedures: deps.procedureService).addRoutes(to: router)
    return router
}

/// Builds the application: router, bind address, logger and the background services (deadline alerts, daily registers).
func buildApplication(_ deps: AppDependencies, backgroundServices: Bool = true) -> some ApplicationProtocol {
    var logger = Logger(label: "acts")
    logger.logLevel = deps.settings.logLevel
    let alerts = DeadlineAlertService(procedures: deps.procedureService, interval: .seconds(60 * deps.settings.alertsIntervalMinutes), logger: logger)
    return Application(
        router: buildRouter(deps),
        configuration: .init(address: .hostname(deps.settings.host, port: deps.settings.port), serverName: "acts"),
        services: backgroundServices
            ? [alerts, DailyRegisterScheduler(store: deps.store, settings: deps.settings, clock: deps.clock, logger: logger)] : [],
        logger: logger)
}
