/// A CMS ContentInfo holding SignedData (RFC 5652 §5), parsed without copying the content twice.
struct CMSSignedData {
    let bytes: [UInt8]
    let version: ArraySlice<UInt8>
    let digestAlgorithms: [DERNode]
    let encapsulatedContentInfo: ArraySlice<UInt8>
    let contentType: String
    /// The encapsulated content; nil for a detached signature.
    let content: [UInt8]?
    /// Raw DER of each embedded certificate (other certificate choices are skipped).
    let certificates: [ArraySlice<UInt8>]
    /// The raw `[1]` CRLs element, if any.
    let crls: ArraySlice<UInt8>?
    let signerInfos: [CMSSignerInfo]

    init(_ bytes: [UInt8]) throws(DERError) {
        self.bytes = bytes
        let root = try DERNode.parse(bytes[...])
        let info = try root.children()
        guard info.count == 2, try info[0].oid() == OID.signedData, info[1].tag == 0xA0,
              let signedData = try info[1].children().first, signedData.tag == 0x30 else {
            throw .unexpected("non è SignedData")
        }
        let parts = try signedData.children()
        guard parts.count >= 4, parts[0].tag == 0x02, parts[1].tag == 0x31, parts[2].tag == 0x30 else {
            throw .unexpected("SignedData")
        }
        version = parts[0].raw
        digestAlgorithms = try parts[1].children()
        encapsulatedContentInfo = parts[2].raw
        let encapsulated = try parts[2].children()
        guard let typeNode = encapsulated.first else { throw .unexpected("encapContentInfo") }
        contentType = try typeNode.oid()
        if encapsulated.count > 1 {
            guard encapsulated[1].tag == 0xA0, let octets = try encapsulated[1].children().first else {
                throw .unexpected("eContent")
            }
            content = try octets.octets()
        } else {
            content = nil
        }
        var certificates: [ArraySlice<UInt8>] = []
        var crls: ArraySlice<UInt8>? = nil
        var signerSet: DERNode? = nil
        for part in parts.dropFirst(3) {
            switch part.tag {
            case 0xA0: certificates = try part.children().filter { $0.tag == 0x30 }.map(\.raw)
            case 0xA1: crls = part.raw
            case 0x31: signerSet = part
            default: throw .unexpected("SignedData")
            }
        }
        guard let signerSet else { throw .unexpected("signerInfos") }
        self.certificates = certificates
        self.crls = crls
        var signers: [CMSSignerInfo] = []
        for node in try signerSet.children() { signers.append(try CMSSignerInfo(node)) }
        signerInfos = signers
    }
}
