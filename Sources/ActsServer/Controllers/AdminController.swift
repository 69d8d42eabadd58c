import Foundation
import HTTPTypes
import Hummingbird
import Storage
import Workflow

/// What the amministratore does: the ente's user accounts and the integrity check of the audit log.
struct AdminController {
    let store: any ActsStore
    let clock: AppClock
    let passwords: Passwords

    struct CreateRequest: Decodable {
        let username: String?
        let nome: String?
        let ruolo: String?
        let password: String?
        let funzioni: [String]?
    }

    struct UpdateRequest: Decodable {
        let attivo: Bool?
        let password: String?
        let funzioni: [String]?
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/utenti") { _, context in
            let op = try context.require(.manageUsers)
            return JSONResponse.make(try await store.users(for: op).map(UserDTO.init))
        }
        router.post("/api/v1/utenti") { request, context in
            let op = try context.require(.manageUsers)
            let body = try await JSONResponse.decode(CreateRequest.self, from: request)
            var issues: [FieldIssue] = []
            let username = body.username ?? ""
            if let i = AccountRules.usernameIssue(username) { issues.append(i) }
            let role = body.ruolo.flatMap(Role.init(rawValue:))
            if role == nil { issues.append(FieldIssue(field: "ruolo", message: "Ruolo non valido: usare uno fra \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")) }
            if let i = AccountRules.passwordIssue(body.password ?? "") { issues.append(i) }
            issues += (body.funzioni ?? []).compactMap(AccountRules.functionIssue)
            guard issues.isEmpty, let role, let password = body.password else { throw WorkflowError.invalid(issues) }
            let hash = try await passwords.hash(password)
            let nome = (body.nome ?? "").trimmingCharacters(in: .whitespaces)
            let created = try await store.createUser(
                enteCode: op.enteCode, username: username, displayName: nome.isEmpty ? username : nome, role: role, passwordHash: hash,
                functions: Set(body.funzioni ?? []), by: op, at: clock.now())
            return JSONResponse.make(UserDTO(UserSummary(operatore: created, active: true, functions: Set(body.funzioni ?? []))), status: .created)
        }
        router.patch("/api/v1/utenti/:id") { request, context in
            let op = try context.require(.manageUsers)
            let id = try PersoneController.id(context)
            let body = try await JSONResponse.decode(UpdateRequest.self, from: request)
            var issues = (body.funzioni ?? []).compactMap(AccountRules.functionIssue)
            if let p = body.password, let i = AccountRules.passwordIssue(p) { issues.append(i) }
            if id == op.userID && body.attivo == false { issues.append(FieldIssue(field: "attivo", message: "Non si può disattivare il proprio utente.")) }
            if !issues.isEmpty { throw WorkflowError.invalid(issues) }
            var hash: String?
            if let p = body.password { hash = try await passwords.hash(p) }
            let summary = try await store.updateUser(id: id, active: body.attivo, passwordHash: hash, functions: body.funzioni.map(Set.init), by: op, at: clock.now())
            return JSONResponse.make(UserDTO(summary))
        }
        router.get("/api/v1/audit/verifica") { _, context in
            _ = try context.require(.verifyAudit)
            return JSONResponse.make(AuditReportDTO(try await store.verifyAudit()))
        }
    }
}
