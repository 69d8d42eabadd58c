import Foundation
import GRDB
import Workflow

extension SQLiteStore {
    public func checkRegisters(year: Int?, for reader: Operatore) async throws -> [String] {
        try reader.require(.checkRegister)
        let archive = self.archive
        return try await read { db in
            let aoo = try Self.aooCode(db, enteID: reader.enteID)
            var problems: [String] = []
            var counters = "SELECT registro, anno, ultimo FROM registro_contatore WHERE aoo = ?"
            var arguments: StatementArguments = [aoo]
            if let year {
                counters += " AND anno = ?"
                _ = arguments.append(contentsOf: [year])
            }
            for counter in try Row.fetchAll(db, sql: counters + " ORDER BY registro, anno", arguments: arguments) {
                let registro: String = counter["registro"], anno: Int = counter["anno"], ultimo: Int = counter["ultimo"]
                let numbers = try Int.fetchAll(db, sql: "SELECT numero FROM registrazione WHERE aoo = ? AND registro = ? AND anno = ? ORDER BY numero",
                                               arguments: [aoo, registro, anno])
                let label = "\(registro) \(anno)"
                if numbers != Array(stride(from: 1, through: ultimo, by: 1)) {
                    let present = Set(numbers)
                    let missing = stride(from: 1, through: ultimo, by: 1).filter { !present.contains($0) }
                    if !missing.isEmpty { problems.append("\(label): numeri mancanti \(Self.ranges(missing))") }
                    if numbers.count != present.count { problems.append("\(label): numeri duplicati") }
                    if let beyond = numbers.last, beyond > ultimo { problems.append("\(label): numeri oltre il contatore (\(ultimo)): fino a \(beyond)") }
                }
            }
            var entries = "SELECT * FROM registrazione WHERE aoo = ?"
            if year != nil { entries += " AND anno = ?" }
            let rows = try Row.fetchCursor(db, sql: entries + " ORDER BY registro, anno, numero", arguments: arguments)
            var lastTime: [String: (Int, String)] = [:]
            while let row = try rows.next() {
                let entry = try Self.registration(row, annulment: nil)
                let name = "\(entry.registro.rawValue) \(entry.numeroFormattato)/\(entry.anno)"
                if SHA256Hex.of(Array(entry.canonicalRecord.utf8)) != row["impronta_record"] as String {
                    problems.append("\(name): dati immutabili modificati dopo la registrazione (impronta del record diversa)")
                }
                let key = "\(entry.registro.rawValue)/\(entry.anno)", stamp: String = row["registrata_il"]
                if let previous = lastTime[key], previous.1 > stamp {
                    problems.append("\(name): registrata prima del n. \(previous.0) (ordine dei numeri e delle date incoerente)")
                }
                lastTime[key] = (entry.numero, stamp)
                for file in entry.allegati {
                    do {
                        _ = try archive.read(impronta: file.impronta)
                    } catch {
                        problems.append("\(name): file «\(file.nome)» mancante o alterato nell'archivio (\((error as? StorageError)?.message ?? String(describing: error)))")
                    }
                }
            }
            return problems
        }
    }

    /// `3, 5-9, 12` from sorted numbers.
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < numbers.count {
            var end = index
            while end + 1 < numbers.count, numbers[end + 1] == numbers[end] + 1 { end += 1 }
            parts.append(end == index ? "\(numbers[index])" : "\(numbers[index])-\(numbers[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
