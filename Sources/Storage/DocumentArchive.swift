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

    /// Stores `content` (if not already there) and returns its impronta. Durable on return: the file and
    /// its directory are fsynced before the rename becomes visible.
    func store(_ content: [UInt8]) throws(StorageError) -> String {
        let impronta = SHA256Hex.of(content)
        let target = url(for: impronta)
        let fm = FileManager.default
        if fm.fileExists(atPath: target.path) {
            if (try? read(impronta: impronta)) != nil { return impronta }
            try? fm.removeItem(at: target)  // a damaged copy is replaced by the good one
        }
        let temp = root.appendingPathComponent("tmp").appendingPathComponent(UUID().uuidString)
        do {
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard fm.createFile(atPath: temp.path, contents: nil) else { throw StorageError.documentArchive("file temporaneo non creato") }
            let handle = try FileHandle(forWritingTo: temp)
            try handle.write(contentsOf: Data(content))
            try handle.synchronize()
            try handle.close()
            chmod(temp.path, 0o444)
            guard rename(temp.path, target.path) == 0 else { throw StorageError.documentArchive("rinomina fallita (errno \(errno))") }
            Self.fsyncDirectory(target.deletingLastPathComponent().path)
        } catch let error as StorageError {
            try? fm.removeItem(at: temp)
            throw error
        } catch {
            try? fm.removeItem(at: temp)
            throw .documentArchive("scrittura non riuscita (\(error.localizedDescription))")
        }
        return impronta
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
