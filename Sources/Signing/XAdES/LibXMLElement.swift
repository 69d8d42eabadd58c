import CXMLSec

/// One attribute of an element, as read from libxml2.
struct LibXMLAttribute {
    let localName: String
    let namespaceURI: String?
    let value: String
}

/// An element of a ``LibXMLDocument`` (it keeps the document alive). Navigation follows
/// lxml's: `child`/`children` are direct children, `descendants` include the element itself.
struct LibXMLElement: Equatable {
    let document: LibXMLDocument
    let pointer: OpaquePointer

    /// What ``visit(_:)`` does after an element.
    enum Visit {
        case descend, skipChildren, stop
    }

    static func == (lhs: LibXMLElement, rhs: LibXMLElement) -> Bool { lhs.pointer == rhs.pointer }

    var localName: String { String(cString: CXMLSec_localName(pointer)) }

    var namespaceURI: String? { CXMLSec_namespaceURI(pointer).map { String(cString: $0) } }

    /// Whether the element is `{namespaceURI}localName`.
    func isNamed(_ namespaceURI: String?, _ localName: String) -> Bool {
        CXMLSec_isNamed(pointer, namespaceURI, localName) == 1
    }

    /// The parent element; nil for the document element.
    var parent: LibXMLElement? {
        CXMLSec_parentElement(pointer).map { LibXMLElement(document: document, pointer: $0) }
    }

    /// The element children in document order.
    var children: [LibXMLElement] {
        var result: [LibXMLElement] = []
        var next = CXMLSec_firstElementChild(pointer)
        while let node = next {
            result.append(LibXMLElement(document: document, pointer: node))
            next = CXMLSec_nextElementSibling(node)
        }
        return result
    }

    /// The first direct child named `{namespaceURI}localName` (lxml `find`).
    func child(_ namespaceURI: String?, _ localName: String) -> LibXMLElement? {
        var next = CXMLSec_firstElementChild(pointer)
        while let node = next {
            if CXMLSec_isNamed(node, namespaceURI, localName) == 1 { return LibXMLElement(document: document, pointer: node) }
            next = CXMLSec_nextElementSibling(node)
        }
        return nil
    }

    /// The direct children named `{namespaceURI}localName` (lxml `findall`).
    func children(_ namespaceURI: String?, _ localName: String) -> [LibXMLElement] {
        children.filter { $0.isNamed(namespaceURI, localName) }
    }

    /// Walks the element and its descendants in document order.
    func visit(_ body: (LibXMLElement) -> Visit) {
        var current: OpaquePointer? = pointer
        while let node = current {
            let decision = body(LibXMLElement(document: document, pointer: node))
            if decision == .stop { return }
            if decision == .descend, let first = CXMLSec_firstElementChild(node) {
                current = first
                continue
            }
            // Next sibling of the node or of its nearest ancestor below `pointer`.
            var climb: OpaquePointer? = node
            current = nil
            while let step = climb, step != pointer {
                if let sibling = CXMLSec_nextElementSibling(step) {
                    current = sibling
                    break
                }
                climb = CXMLSec_parentElement(step)
            }
        }
    }

    /// Walks the element and its descendants until `body` returns false.
    func visit(_ body: (LibXMLElement) -> Bool) {
        visit { (element: LibXMLElement) -> Visit in body(element) ? .descend : .stop }
    }

    /// The element and its descendants named `{namespaceURI}localName` (lxml `iter(tag)`).
    func descendants(_ namespaceURI: String?, _ localName: String) -> [LibXMLElement] {
        var result: [LibXMLElement] = []
        visit { (element: LibXMLElement) -> Bool in
            if element.isNamed(namespaceURI, localName) { result.append(element) }
            return true
        }
        return result
    }

    /// The first of ``descendants(_:_:)``.
    func firstDescendant(_ namespaceURI: String?, _ localName: String) -> LibXMLElement? {
        var found: LibXMLElement?
        visit { (element: LibXMLElement) -> Bool in
            if element.isNamed(namespaceURI, localName) { found = element }
            return found == nil
        }
        return found
    }

    /// The text before the first child that is not text (lxml `.text`), nil when there is none.
    var text: String? {
        guard let text = CXMLSec_leadingText(pointer) else { return nil }
        defer { CXMLSec_freeBuffer(text) }
        return String(cString: text)
    }

    /// Replaces the content with `text` (literal characters, escaped when serialised).
    func setText(_ text: String) -> Bool { CXMLSec_setText(pointer, text) == 0 }

    /// The value of the attribute without namespace named `name`.
    func attribute(_ name: String) -> String? {
        guard let value = CXMLSec_attribute(pointer, name) else { return nil }
        defer { CXMLSec_freeBuffer(value) }
        return String(cString: value)
    }

    /// Every attribute in document order.
    var attributes: [LibXMLAttribute] {
        var result: [LibXMLAttribute] = []
        var next = CXMLSec_firstAttribute(pointer)
        while let attribute = next {
            let value = CXMLSec_attributeValue(attribute)
            defer { CXMLSec_freeBuffer(value) }
            result.append(LibXMLAttribute(localName: String(cString: CXMLSec_attributeLocalName(attribute)),
                                          namespaceURI: CXMLSec_attributeNamespaceURI(attribute).map { String(cString: $0) },
                                          value: value.map { String(cString: $0) } ?? ""))
            next = CXMLSec_nextAttribute(attribute)
        }
        return result
    }

    /// The value of the first attribute named `Id`, `ID` or `id` in any namespace.
    var identifier: String? {
        attributes.first { Self.idNames.contains($0.localName) }?.value
    }

    /// Whether an attribute named `Id`, `ID` or `id` (any namespace) has the value `identifier`.
    func hasIDAttribute(_ identifier: String) -> Bool {
        var next = CXMLSec_firstAttribute(pointer)
        while let attribute = next {
            if Self.idNames.contains(String(cString: CXMLSec_attributeLocalName(attribute))) {
                let value = CXMLSec_attributeValue(attribute)
                defer { CXMLSec_freeBuffer(value) }
                if let value, String(cString: value) == identifier { return true }
            }
            next = CXMLSec_nextAttribute(attribute)
        }
        return false
    }

    /// Whether `other` is a strict ancestor of this element.
    func isInside(_ other: LibXMLElement) -> Bool {
        var current = CXMLSec_parentElement(pointer)
        while let node = current {
            if node == other.pointer { return true }
            current = CXMLSec_parentElement(node)
        }
        return false
    }

    private static let idNames: Set<String> = ["Id", "ID", "id"]
}
