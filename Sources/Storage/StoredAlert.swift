import Foundation
import Workflow

/// A deadline alert as stored by the alert service, with what the API needs to route it to people.
public struct StoredAlert: Sendable, Hashable {
    public let praticaID: Int64
    public let numero: String
    public let tipo: String
    public let rdpUserID: Int64?
    public let alert: DeadlineAlert
    public let computedAt: Date

    public init(praticaID: Int64, numero: String, tipo: String, rdpUserID: Int64?, alert: DeadlineAlert, computedAt: Date) {
        self.praticaID = praticaID
        self.numero = numero
        self.tipo = tipo
        self.rdpUserID = rdpUserID
        self.alert = alert
        self.computedAt = computedAt
    }
}
