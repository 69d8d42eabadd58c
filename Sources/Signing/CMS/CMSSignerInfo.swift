/// A CMS SignerInfo (RFC 5652 §5.3), parsed without copying, keeping its raw encoding.
struct CMSSignerInfo {
    enum Identifier {
        case issuerSerial(issuer: ArraySlice<UInt8>, serial: ArraySlice<UInt8>)
        case keyIdentifier([UInt8])
    }

    /// One attribute: its type and raw values.
    struct Attribute {
        let oid: String
        let values: [DERNode]
        let raw: ArraySlice<UInt8>
    }

    let raw: ArraySlice<UInt8>
    let identifier: Identifier
    let digestAlgorithmOID: String
    /// The `[0]` signed attributes element, when present.
    let signedAttributesNode: DERNode?
    let signedAttributes: [Attribute]
    let signatureAlgorithmOID: String
    let signature: [UInt8]
    let unsignedAttributes: [Attribute]

    init(_ node: DERNode) throws(DERError) {
        guard node.tag == 0x30 else { throw .unexpected("SignerInfo") }
        raw = node.raw
        let parts = try node.children()
        guard parts.count >= 5, parts[0].tag == 0x02 else { throw .unexpected("SignerInfo") }
        var index = 1
        let sid = parts[index]
        if sid.tag == 0x30 {
            let fields = try sid.children()
            guard fields.count == 2, fields[0].tag == 0x30, fields[1].tag == 0x02 else { throw .unexpected("sid") }
            identifier = .issuerSerial(issuer: fields[0].raw, serial: fields[1].content)
        } else if sid.tag == 0x80 || sid.tag == 0xA0 {
            identifier = .keyIdentifier(try sid.octets())
        } else {
            throw .unexpected("sid")
        }
        index += 1
        digestAlgorithmOID = try Self.algorithmOID(parts[index])
        index += 1
        if parts[index].tag == 0xA0 {
            signedAttributesNode = parts[index]
            signedAttributes = try Self.attributes(parts[index])
            index += 1
        } else {
            signedAttributesNode = nil
            signedAttributes = []
        }
        guard index + 1 < parts.count else { throw .unexpected("SignerInfo") }
        signatureAlgorithmOID = try Self.algorithmOID(parts[index])
        guard parts[index + 1].tag == 0x04 || parts[index + 1].tag == 0x24 else { throw .unexpected("signature") }
        signature = try parts[index + 1].octets()
        index += 2
        if index < parts.count, parts[index].tag == 0xA1 {
            unsignedAttributes = try Self.attributes(parts[index])
        } else {
            unsignedAttributes = []
        }
    }

    /// The octets the signature covers: the signed attributes re-tagged as a SET (RFC 5652 §5.4).
    var signedAttributesToBeSigned: [UInt8]? {
        guard let node = signedAttributesNode else { return nil }
        var bytes = Array(node.raw)
        bytes[0] = 0x31
        return bytes
    }

    func signed(_ oid: String) -> [DERNode] { signedAttributes.filter { $0.oid == oid }.flatMap(\.values) }
    func unsigned(_ oid: String) -> [DERNode] { unsignedAttributes.filter { $0.oid == oid }.flatMap(\.values) }

    /// The counter-signatures carried in the unsigned attributes.
    func counterSignatures() throws(DERError) -> [CMSSignerInfo] {
        var result: [CMSSignerInfo] = []
        for value in unsigned(OID.counterSignature) { result.append(try CMSSignerInfo(value)) }
        return result
    }

    static func algorithmOID(_ node: DERNode) throws(DERError) -> String {
        guard node.tag == 0x30, let first = try node.children().first else { throw .unexpected("AlgorithmIdentifier") }
        return try first.oid()
    }

    static func attributes(_ node: DERNode) throws(DERError) -> [Attribute] {
        var result: [Attribute] = []
        for item in try node.children() {
            let fields = try item.children()
            guard fields.count == 2, fields[1].tag == 0x31 else { throw .unexpected("Attribute") }
            result.append(Attribute(oid: try fields[0].oid(), values: try fields[1].children(), raw: item.raw))
        }
        return result
    }
}
