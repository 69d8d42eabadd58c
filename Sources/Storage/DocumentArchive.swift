import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Content-addressed, write-once file archive: each content is stored once under its SHA-256,
/// made read-only, and verified against the hash when read back.
struct DocumentArchive: Sendable {
    let root: URL

    init(root: URL) throws(StorageError) {
        self.root = root
        do {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        } catch {
            throw .documentArchive("impossibile creare la cartella \(root.path)")
        }
    }

    func url(for impronta: String) -> URL {
        let a = impronta.prefix(2), b = impronta.dropFirst(2).prefix(2)
        return root.appendingPathComponent(String(a)).appendingPathComponent(String(b)).appendingPathComponent(impronta)
    }

    /// Writes a stream of chunks to a staging file, hashing as it goes, durable (fsynced) on return.
    /// Over `limit` bytes, or on any error of the stream, the partial file is removed.
    func stage(_ chunks: some AsyncSequence<[UInt8], any Error>, limit: Int) async throws -> StagedDocument {
        let temp = root.appendingPathComponent("tmp").appendingPathComponent(UUID().uuidString)
        guard FileManager.default.createFile(atPath: temp.path, contents: nil), let handle = try? FileHandle(forWritingTo: temp) else {
            throw StorageError.documentArchive("file temporaneo non creato")
        }
        var hasher = SHA256()
        var size = 0
        do {
            for try await chunk in chunks {
                size += chunk.count
                if size > limit {
                    throw StorageError(code: "file_troppo_grande", message: "Il file supera la dimensione massima consentita di \(limit / (1024 * 1024)) MB.")
                }
                hasher.update(data: chunk)
                try handle.write(contentsOf: Data(chunk))
            }
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
        return StagedDocument(url: temp, impronta: SHA256Hex.hex(hasher.finalize()), size: Int64(size))
    }

    /// Moves a staged file to its content address (or drops it when that content is already archived intact).
    func commit(_ staged: StagedDocument) throws(StorageError) {
        let target = url(for: staged.impronta)
        let fm = FileManager.default
        if fm.fileExists(atPath: target.path) {
            if (try? read(impronta: staged.impronta)) != nil {
                try? fm.removeItem(at: staged.url)
                return
            }
            try? fm.removeItem(at: target)
        }
        do {
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .documentArchive("cartella non creata (\(error.localizedDescription))")
        }
        chmod(staged.url.path, 0o444)
        guard rename(staged.url.path, target.path) == 0 else { throw .documentArchive("rinomina fallita (errno \(errno))") }
        Self.fsyncDirectory(target.deletingLastPathComponent().path)
    }

    /// Reads the content and checks it against the impronta.
    func read(impronta: String) throws(StorageError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url(for: impronta).path) else {
            throw .documentArchive("il contenuto con impronta \(impronta) manca dall'archivio")
        }
        let bytes = [UInt8](data)
        guard SHA256Hex.of(bytes) == impronta else {
            throw StorageError(code: "documento_alterato", message: "Il contenuto del documento non corrisponde alla sua impronta: il file in archivio è stato alterato. Ripristinarlo dal backup.")
        }
        return bytes
    }

    private static func fsyncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}
