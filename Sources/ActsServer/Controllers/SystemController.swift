import Foundation
import HTTPTypes
import Hummingbird
import Metrics
import NIOCore
import Prometheus
import Storage

/// Health, metrics and the API description.
struct SystemController {
    let store: any ActsStore

    /// The process-wide Prometheus registry; bootstrapping the metrics system happens once, on first use.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ in
            _ = try await store.recentAudit(limit: 1)  // the database answers
            return JSONResponse.make(["stato": "ok"])
        }
        router.get("/metrics") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: Self.registry.emitToBuffer())))
        }
        router.get("/api/v1/openapi.yaml") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/yaml; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try ResourceFiles.text("openapi.yaml"))))
        }
    }
}
