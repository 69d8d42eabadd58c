/// The outcome of checking the audit chain.
public struct AuditVerification: Sendable, Hashable {
    /// One problem found in the chain.
    public struct Problem: Sendable, Hashable {
        /// The entry at which the problem shows.
        public let seq: Int64
        /// Italian description.
        public let message: String
    }

    /// Entries read.
    public let entries: Int
    /// Problems, in chain order; empty when the chain is intact.
    public let problems: [Problem]

    public init(entries: Int, problems: [Problem]) {
        self.entries = entries
        self.problems = problems
    }

    /// Whether the chain is intact.
    public var isIntact: Bool { problems.isEmpty }

    /// Walks the chain and reports altered, missing or reordered entries.
    ///
    /// - Parameters:
    ///   - entries: entries ordered by `seq`.
    ///   - head: the last (seq, hash) recorded separately at each append, to detect removal of the tail.
    ///   - sha256Hex: the hash function (kept injectable so this module has no crypto dependency).
    public static func check(
        _ entries: [AuditEntry], head: (seq: Int64, hash: String)?, sha256Hex: ([UInt8]) -> String
    ) -> AuditVerification {
        var problems: [Problem] = []
        var expectedSeq: Int64 = 1
        var prev = AuditEntry.genesisHash
        for e in entries {
            if e.seq != expectedSeq {
                problems.append(Problem(seq: e.seq, message: "Mancano le voci da \(expectedSeq) a \(e.seq - 1): sono state cancellate."))
            }
            if e.prevHash != prev {
                problems.append(Problem(seq: e.seq, message: "La voce \(e.seq) non è collegata alla precedente: catena interrotta."))
            }
            if sha256Hex(e.canonicalBytes) != e.hash {
                problems.append(Problem(seq: e.seq, message: "La voce \(e.seq) (\(e.action)) è stata alterata: l'impronta non corrisponde al contenuto."))
            }
            prev = e.hash
            expectedSeq = e.seq + 1
        }
        if let head {
            let last = entries.last
            if last == nil || last!.seq < head.seq {
                problems.append(Problem(seq: head.seq, message: "Le ultime voci fino alla \(head.seq) sono state cancellate."))
            } else if let last, last.seq == head.seq, last.hash != head.hash {
                problems.append(Problem(seq: head.seq, message: "L'ultima voce non corrisponde all'impronta di chiusura registrata."))
            } else if let last, last.seq > head.seq {
                problems.append(Problem(seq: last.seq, message: "Sono presenti voci oltre l'ultima registrata (\(head.seq)): aggiunte fuori dal sistema."))
            }
        } else if !entries.isEmpty {
            problems.append(Problem(seq: 0, message: "Manca l'impronta di chiusura del registro di audit."))
        }
        return AuditVerification(entries: entries.count, problems: problems)
    }
}
